import { aUser, aCompany, createTestDatabase } from '@jobbro/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../core/src/database/data-source-options';
import { evaluateRules } from './rules/evaluate';
import type { LegalRule } from './rules/rule-types';
import { RulesRepository } from './rules.repository';
import { facts, seededRuleHistory, seededRules } from './testing/rule-fixtures';

const scopeOf = (r: LegalRule) => ({
  code: r.code,
  targetGroup: r.targetGroup,
  sector: r.sector,
  params: r.params,
  severity: r.severity,
});
const sorted = (rows: ReturnType<typeof scopeOf>[]) =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('RulesRepository and the legal_rule / company_headcount tables', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let repo: RulesRepository;
  let company: Awaited<ReturnType<typeof aCompany>>;
  let other: Awaited<ReturnType<typeof aCompany>>;
  let userId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    repo = new RulesRepository(ds);
    userId = (await aUser().build(ds)).id;
    company = await aCompany(ds, userId);
    other = await aCompany(ds, userId);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it.each([
    ['2026-12-31', '2020-01-01', '2026-12-31'],
    ['2027-01-01', '2027-01-01', null],
  ])('holds the seeded numbers in force on %s', async (on, validFrom, validTo) => {
    const rows = await repo.inForce(on);
    expect(rows).toHaveLength(23);
    expect(rows.every((r) => r.validFrom === validFrom && r.validTo === validTo)).toBe(true);
    // The unit tests' fixture is the migration's data: the same numbers for the same scopes.
    expect(sorted(rows.map(scopeOf))).toEqual(sorted(seededRules().map(scopeOf)));
    expect(rows.find((r) => r.code === 'internship_duration')?.source.da).toContain('LAB § 61');
  });

  it('has no rule before 2020 and both periods for a span over the new year', async () => {
    expect(await repo.inForce('2019-12-31')).toEqual([]);
    expect(await repo.rulesFor(['2026-12-31', '2027-01-01'])).toHaveLength(46);
    expect(await repo.rulesFor([])).toEqual([]);
  });

  it('gives every row of one rule, of both periods, as the fixture matching is tested with', async () => {
    const rows = await repo.ofCodes(['not_last_employer']);
    expect(rows.map((r) => [r.validFrom, r.validTo])).toEqual([
      ['2020-01-01', '2026-12-31'],
      ['2027-01-01', null],
    ]);
    expect(sorted(rows.map(scopeOf))).toEqual(
      sorted(
        seededRuleHistory()
          .filter((r) => r.code === 'not_last_employer')
          .map(scopeOf),
      ),
    );
  });

  it('decides a boundary from the database rows as from the fixture', async () => {
    const rows = await repo.inForce('2026-03-02');
    const f = facts({ targetGroup: 'dagpenge', end: '2026-03-30' });
    const fromDb = evaluateRules(rows, f).map((c) => [c.rule, c.passed, c.numbers]);
    const fromFixture = evaluateRules(seededRules(), f).map((c) => [c.rule, c.passed, c.numbers]);
    expect(fromDb).toEqual(fromFixture);
    expect(fromDb[1]).toEqual([
      'internship_duration',
      false,
      expect.objectContaining({ limitWeeks: 4 }),
    ]);
  });

  it.each([
    // A newly graduated dagpenge recipient: 8 weeks (2 March to 26 April), not a day more.
    ['dagpenge_dimittend', 'internship', '2026-04-26', 'internship_duration', true],
    ['dagpenge_dimittend', 'internship', '2026-04-27', 'internship_duration', false],
    // Sickness benefit: no wage subsidy; flex-job referred: a flex job.
    ['sygedagpenge', 'wage_subsidy', '2026-04-26', 'placement_types', false],
    ['ledighedsydelse', 'flex_job', '2026-04-26', 'placement_types', true],
  ] as const)(
    'decides %s in a %s to %s from the rows in the database (%s passes: %s)',
    async (targetGroup, placementType, end, rule, passed) => {
      const checks = evaluateRules(
        await repo.inForce('2026-03-02'),
        facts({ targetGroup, placementType, end }),
      );
      expect(checks.find((c) => c.rule === rule)?.passed).toBe(passed);
    },
  );

  const insertRule = (
    code: string,
    group: string | null,
    from: string,
    to: string | null,
    params = '{"maxHours": 30}',
  ) =>
    ds.query(
      `INSERT INTO legal_rule (code, target_group, params, severity, valid_from, valid_to, source_da, source_en)
       VALUES ($1, $2, $3::jsonb, 'block', $4, $5, 'K', 'S')`,
      [code, group, params, from, to],
    );

  it('refuses two rows of one code and scope that overlap in time, and nothing else', async () => {
    await expect(
      insertRule('internship_weekly_hours', null, '2026-12-31', '2027-03-01'),
    ).rejects.toThrow(/legal_rule_no_overlap/);
    await expect(insertRule('internship_weekly_hours', null, '2030-01-01', null)).rejects.toThrow(
      /legal_rule_no_overlap/,
    );
    // Another scope in the same period is another row.
    await insertRule('internship_weekly_hours', 'sygedagpenge', '2026-01-01', '2026-12-31');
    await expect(
      insertRule('internship_weekly_hours', 'sygedagpenge', '2026-12-31', null),
    ).rejects.toThrow(/legal_rule_no_overlap/);
    await ds.query(
      `DELETE FROM legal_rule WHERE target_group = 'sygedagpenge' AND code = 'internship_weekly_hours'`,
    );
  });

  it.each([
    ['a missing number', 'internship_weekly_hours', '{}'],
    ['a number as text', 'internship_weekly_hours', '{"maxHours": "37"}'],
    ['too many hours', 'internship_weekly_hours', '{"maxHours": 80}'],
    [
      'an extension shorter than the length',
      'internship_duration',
      '{"weeks": 13, "extendedWeeks": 4}',
    ],
    ['no months', 'wage_subsidy_duration', '{"months": 0}'],
    ['part of a month', 'wage_subsidy_duration', '{"months": 6.5}'],
    ['no dismissal period', 'net_job_creation', '{"averageMonths": 12}'],
    [
      'a ratio without its minimum',
      'reasonableness_ratio',
      '{"employeesPerPerson": 5, "threshold": 50, "employeesPerPersonBeyond": 10}',
    ],
    ['no groups', 'not_last_employer', '{"targetGroups": "dagpenge"}'],
  ])('refuses %s in params', async (_case, code, params) => {
    await expect(insertRule(code, 'revalidering', '2040-01-01', null, params)).rejects.toThrow(
      /legal_rule_params/,
    );
  });

  it.each([
    ['no types', 'placement_types', '{}', /legal_rule_placement_types/],
    ['an empty list of types', 'placement_types', '{"types": []}', /legal_rule_placement_types/],
    [
      'an unknown type',
      'placement_types',
      '{"types": ["internship", "job"]}',
      /legal_rule_placement_types/,
    ],
    ['types as text', 'placement_types', '{"types": "internship"}', /legal_rule_placement_types/],
    [
      'an average over no months',
      'reasonableness_ratio',
      '{"employeesPerPerson": 5, "threshold": 50, "employeesPerPersonBeyond": 10, "minimum": 1, "averageMonths": 0}',
      /legal_rule_average_months/,
    ],
    [
      'an average over part of a month',
      'reasonableness_ratio',
      '{"employeesPerPerson": 5, "threshold": 50, "employeesPerPersonBeyond": 10, "minimum": 1, "averageMonths": 2.5}',
      /legal_rule_average_months/,
    ],
    [
      'an average in words',
      'reasonableness_ratio',
      '{"employeesPerPerson": 5, "threshold": 50, "employeesPerPersonBeyond": 10, "minimum": 1, "averageMonths": "4"}',
      /legal_rule_average_months/,
    ],
  ])('refuses %s in params (1764090000024)', async (_case, code, params, constraint) => {
    await expect(insertRule(code, 'revalidering', '2040-01-01', null, params)).rejects.toThrow(
      constraint,
    );
  });

  it('takes a valid placement-types row, but not one for a sector', async () => {
    await insertRule(
      'placement_types',
      'revalidering',
      '2040-01-01',
      null,
      '{"types": ["flex_job"]}',
    );
    await ds.query(`DELETE FROM legal_rule WHERE valid_from = '2040-01-01'`);
    await expect(
      ds.query(
        `INSERT INTO legal_rule (code, sector, params, severity, valid_from, source_da, source_en)
         VALUES ('placement_types', 'public', '{"types": ["internship"]}', 'block', '2040-01-01', 'K', 'S')`,
      ),
    ).rejects.toThrow(/legal_rule_placement_types/);
  });

  it('refuses an unknown code, severity, sector and a period that ends before it starts', async () => {
    await expect(insertRule('no_such_rule', null, '2040-01-01', null)).rejects.toThrow(
      /legal_rule_code_check/,
    );
    await expect(
      insertRule('internship_weekly_hours', 'revalidering', '2040-01-02', '2040-01-01'),
    ).rejects.toThrow(/legal_rule_period/);
    await expect(
      ds.query(
        `INSERT INTO legal_rule (code, sector, params, severity, valid_from, source_da, source_en)
         VALUES ('wage_subsidy_duration', 'nonprofit', '{"months": 6}', 'block', '2040-01-01', 'K', 'S')`,
      ),
    ).rejects.toThrow(/legal_rule_sector_check/);
    await expect(
      ds.query(
        `INSERT INTO legal_rule (code, params, severity, valid_from, source_da, source_en)
         VALUES ('paid_hours_beside_internship', '{}', 'info', '2040-01-01', 'K', 'S')`,
      ),
    ).rejects.toThrow(/legal_rule_severity_check/);
  });

  describe('headcounts', () => {
    const record = (
      siteId: string | null,
      asOf: string,
      ordinaryFte: number,
      companyId = company.id,
    ) => repo.recordHeadcount({ companyId, siteId, asOf, ordinaryFte, recordedBy: userId });

    it('keeps one figure per company or site and date, the whole company included (NULL site)', async () => {
      const first = await record(null, '2026-01-01', 10);
      const again = await record(null, '2026-01-01', 12.25);
      expect(again).toMatchObject({
        id: first.id,
        ordinaryFte: 12.25,
        siteId: null,
        asOf: '2026-01-01',
      });
      await expect(
        ds.query(
          `INSERT INTO company_headcount (company_id, site_id, as_of, ordinary_fte) VALUES ($1, NULL, '2026-01-01', 3)`,
          [company.id],
        ),
      ).rejects.toThrow(/company_headcount_once/);
      const site = await record(company.siteId, '2026-01-01', 4);
      expect(site.id).not.toBe(first.id);
    });

    it('refuses a site of another company and a negative figure', async () => {
      await expect(record(other.siteId, '2026-01-01', 3)).rejects.toThrow(/company_headcount_site/);
      await expect(record(null, '2026-01-02', -1)).rejects.toThrow(/ordinary_fte_check/);
    });

    it('reads the latest figure on or before a date, site and company apart', async () => {
      await record(null, '2026-03-01', 14);
      await record(company.siteId, '2026-02-01', 5);
      expect(await repo.headcountAt(company.id, null, '2025-12-31')).toBeNull();
      expect(await repo.headcountAt(company.id, null, '2026-01-01')).toBe(12.25);
      expect(await repo.headcountAt(company.id, null, '2026-02-28')).toBe(12.25);
      expect(await repo.headcountAt(company.id, null, '2026-03-01')).toBe(14);
      expect(await repo.headcountAt(company.id, company.siteId, '2026-01-31')).toBe(4);
      expect(await repo.headcountAt(company.id, company.siteId, '2026-06-01')).toBe(5);
      expect(await repo.headcountAt(other.id, null, '2026-06-01')).toBeNull();
    });

    it('averages the 12 months before a date only when the history covers them', async () => {
      const c = await aCompany(ds, userId);
      const at = (asOf: string, fte: number) => record(null, asOf, fte, c.id);
      await at('2026-01-01', 10);
      // 1 to 12 months before 2027-01-01: 2026-12-01 … 2026-01-01, all 10.
      expect(await repo.fteAverage(c.id, '2027-01-01', 12)).toBe(10);
      // From 2027-01-02 the earliest day (2026-01-02) is still covered; from 2026-12-31 it is not.
      expect(await repo.fteAverage(c.id, '2026-12-31', 12)).toBeNull();
      await at('2026-07-01', 16);
      // 6 months at 10 (Jan-Jun) and 6 at 16 (Jul-Dec).
      expect(await repo.fteAverage(c.id, '2027-01-01', 12)).toBe(13);
      // A company-wide average ignores the sites.
      await record(c.siteId, '2025-01-01', 100, c.id);
      expect(await repo.fteAverage(c.id, '2027-01-01', 12)).toBe(13);
    });

    it('averages a recent period over the months recorded, the figure on the date included', async () => {
      const c = await aCompany(ds, userId);
      await record(c.siteId, '2026-01-15', 8, c.id);
      // On 2026-03-02: 03-02, 02-02 and 01-02 … only the first two have a figure (8, 8).
      expect(await repo.recentAverage(c.id, c.siteId, '2026-03-02', 4)).toBe(8);
      await record(c.siteId, '2026-03-01', 12, c.id);
      // 03-02: 12, 02-02: 8, 01-02: none, 12-02: none.
      expect(await repo.recentAverage(c.id, c.siteId, '2026-03-02', 4)).toBe(10);
      // One month: the figure on the date.
      expect(await repo.recentAverage(c.id, c.siteId, '2026-03-02', 1)).toBe(12);
      // Before any figure, or for the company with only site figures: none.
      expect(await repo.recentAverage(c.id, c.siteId, '2026-01-14', 4)).toBeNull();
      expect(await repo.recentAverage(c.id, null, '2026-03-02', 4)).toBeNull();
    });
  });
});
