import { RULE_DEFINITIONS } from './rules/evaluate';
import { RuleCheckService } from './rule-check.service';
import { RulesException } from './rules.exception';
import type { RulesRepository } from './rules.repository';
import { facts, seededRules } from './testing/rule-fixtures';

/** A mock that fails the test on any call nobody stubbed. */
function strict<T extends object>(stubs: Record<string, unknown>): T {
  return new Proxy(stubs, {
    get(target, prop) {
      if (prop in target) return target[prop as string];
      if (prop === 'then') return undefined;
      throw new Error(`unstubbed call: ${String(prop)}`);
    },
  }) as T;
}

describe('RuleCheckService', () => {
  it('checks the facts against the rows in force at the start', async () => {
    const inForce = jest.fn().mockResolvedValue(seededRules());
    const service = new RuleCheckService(strict<RulesRepository>({ inForce }));
    const checks = await service.check(facts({ targetGroup: 'dagpenge', end: '2026-03-30' }));
    expect(inForce).toHaveBeenCalledWith('2026-03-02');
    expect(checks[1]).toMatchObject({ rule: 'internship_duration', passed: false });
  });

  it.each([
    ['ends before it starts', { start: '2026-03-02', end: '2026-03-01' }],
    ['is no date', { start: '2026-13-01' }],
  ])('refuses a period that %s before reading anything', async (_case, over) => {
    const service = new RuleCheckService(strict<RulesRepository>({}));
    await expect(service.check(facts(over))).rejects.toEqual(
      new RulesException('RULE_FACTS_INVALID'),
    );
  });

  it('reads the headcounts over the months the rule rows in force name', async () => {
    const recentAverage = jest.fn((_c: string, site: string | null) =>
      Promise.resolve(site === 's' ? 6 : 38),
    );
    const headcountAt = jest.fn().mockResolvedValue(40);
    const fteAverage = jest.fn().mockResolvedValue(null);
    const service = new RuleCheckService(
      strict<RulesRepository>({ recentAverage, headcountAt, fteAverage }),
    );
    const rules = seededRules();
    expect(await service.headcountFacts('c', 's', '2026-03-02', rules)).toEqual({
      siteOrdinaryFte: 6,
      company: { fteNow: 40, fteAverage: null },
    });
    // 4 months for the reasonableness rule, 12 for net job creation: the rows' numbers.
    expect(recentAverage).toHaveBeenCalledWith('c', 's', '2026-03-02', 4);
    expect(headcountAt).toHaveBeenCalledWith('c', null, '2026-03-02');
    expect(fteAverage).toHaveBeenCalledWith('c', '2026-03-02', 12);
    // Without a site, the company's recent figure stands in for it.
    expect((await service.headcountFacts('c', null, '2026-03-02', rules)).siteOrdinaryFte).toBe(38);
    // A successor row with other months is a data change, not a code change.
    const changed = rules.map((r) =>
      r.code === 'net_job_creation' ? { ...r, params: { ...r.params, averageMonths: 6 } } : r,
    );
    await service.headcountFacts('c', 's', '2026-03-02', changed);
    expect(fteAverage).toHaveBeenLastCalledWith('c', '2026-03-02', 6);
    // No rows in force: the figure on the date, and no average.
    fteAverage.mockClear();
    await service.headcountFacts('c', 's', '2026-03-02', []);
    expect(recentAverage).toHaveBeenLastCalledWith('c', null, '2026-03-02', 1);
    expect(fteAverage).not.toHaveBeenCalled();
  });

  it('lists the rows in force rule by rule, in the order the checks are shown', async () => {
    // As the repository orders them: by code, then within a code by dates, group and sector.
    const rows = [...seededRules()].sort((a, b) => a.code.localeCompare(b.code));
    const inForce = jest.fn().mockResolvedValue(rows);
    const service = new RuleCheckService(strict<RulesRepository>({ inForce }));
    const listed = await service.rulesInForce('2026-06-01');
    const codes = [...new Set(listed.map((r) => r.code))];
    expect(codes).toEqual(RULE_DEFINITIONS.map((d) => d.code));
    expect(listed.filter((r) => r.code === 'placement_types')).toEqual(
      rows.filter((r) => r.code === 'placement_types'),
    );
  });

  it('gives matching the not-the-last-employer and placement-types rows of every date', async () => {
    const rows = seededRules();
    const ofCodes = jest.fn().mockResolvedValue(rows);
    const service = new RuleCheckService(strict<RulesRepository>({ ofCodes }));
    expect(await service.matchingRules()).toBe(rows);
    expect(ofCodes).toHaveBeenCalledWith(['not_last_employer', 'placement_types']);
    // Read once a minute, not per match request.
    expect(await service.matchingRules()).toBe(rows);
    expect(ofCodes).toHaveBeenCalledTimes(1);
  });
});
