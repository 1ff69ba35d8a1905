import { aRule, facts, seededRuleHistory, seededRules } from '../testing/rule-fixtures';
import {
  describeRule,
  evaluateRules,
  lastEmployerGroupRows,
  lastEmployerGroups,
  RULE_DEFINITIONS,
} from './evaluate';
import { inForceOn, ruleInForce } from './rule-pick';
import { isLastEmployerBlocked } from './not-last-employer';
import { RULE_CODES, type RuleCheck, type RuleFacts } from './rule-types';

const BOTH_PERIODS = seededRuleHistory();
const byRule = (checks: RuleCheck[]) => Object.fromEntries(checks.map((c) => [c.rule, c]));

describe('evaluateRules', () => {
  it.each([
    [
      'internship',
      'kontanthjaelp_aktivitetsparat',
      [
        'placement_types',
        'internship_duration',
        'internship_weekly_hours',
        'not_last_employer',
        'reasonableness_ratio',
        'paid_hours_beside_internship',
      ],
    ],
    [
      'wage_subsidy',
      'kontanthjaelp_aktivitetsparat',
      ['placement_types', 'reasonableness_ratio', 'wage_subsidy_duration', 'net_job_creation'],
    ],
    ['ordinary_hours', 'sygedagpenge', ['placement_types']],
    ['flex_job', 'ledighedsydelse', ['placement_types']],
  ] as const)('checks a %s for %s against %j', (placementType, targetGroup, codes) => {
    const checks = evaluateRules(BOTH_PERIODS, facts({ placementType, targetGroup }));
    expect(checks.map((c) => c.rule)).toEqual(codes);
    expect(checks.every((c) => c.passed)).toBe(true);
  });

  it('has a definition for every rule code, once', () => {
    expect(RULE_DEFINITIONS.map((d) => d.code).sort()).toEqual([...RULE_CODES].sort());
  });

  it.each([
    // A rule that ends on 31 December 2026 and its successor from 1 January 2027.
    ['2026-12-31', 37, '2020-01-01', '2026-12-31'],
    ['2027-01-01', 30, '2027-01-01', null],
  ])(
    'starting %s reads the row in force then (max %d h)',
    (start, maxHours, validFrom, validTo) => {
      const rules = [
        aRule('internship_weekly_hours', { maxHours: 37 })
          .valid('2020-01-01', '2026-12-31')
          .build(),
        aRule('internship_weekly_hours', { maxHours: 30 }).valid('2027-01-01', null).build(),
      ];
      const [check] = evaluateRules(
        rules,
        facts({ start, end: '2027-01-10', weeklyHours: 32 }),
      ).filter((c) => c.rule === 'internship_weekly_hours');
      expect(check).toMatchObject({ validFrom, validTo, passed: maxHours >= 32 });
      expect(check.numbers.maxHours).toBe(maxHours);
    },
  );

  it.each([
    ['2026-12-31', '2020-01-01', '2026-12-31'],
    ['2027-01-01', '2027-01-01', null],
  ])(
    'the seeded rows: a placement starting %s is checked against the rows of its period',
    (start, validFrom, validTo) => {
      const checks = evaluateRules(
        BOTH_PERIODS,
        facts({ start, end: '2027-01-20', targetGroup: 'dagpenge' }),
      );
      for (const c of checks)
        expect([c.rule, c.validFrom, c.validTo]).toEqual([c.rule, validFrom, validTo]);
      // 4 weeks from either start; the period is counted from its start.
      expect(byRule(checks).internship_duration.passed).toBe(true);
    },
  );

  it.each([
    ['no rows at all', [], '2026-03-02'],
    ['a start before the first rows', seededRules(), '2019-12-31'],
    ['a start after the last rows end', seededRules(), '2027-01-01'],
  ])('answers %s with a clear warning per rule, never a silent pass', (_case, rules, start) => {
    const checks = evaluateRules(rules, facts({ start, end: start }));
    expect(checks).toHaveLength(6);
    for (const c of checks) {
      expect(c).toMatchObject({
        severity: 'warning',
        passed: false,
        validFrom: null,
        validTo: null,
      });
      expect(c.numbers).toEqual({ on: start });
      expect(c.source.en).toBe('No rule in force');
    }
    expect(checks[1].message.da).toMatch(/^Praktikkens varighed: ingen regel er registreret/);
    expect(checks[0].message.en).toContain('Check the rule yourself');
  });

  it('answers "no rule" when rows exist only for other target groups', () => {
    const rules = [aRule('internship_duration', { weeks: 4 }).forGroup('dagpenge').build()];
    const pick = ruleInForce(rules, 'internship_duration', facts({ targetGroup: 'sygedagpenge' }));
    expect(pick).toEqual({ kind: 'none' });
  });

  it.each([
    ['dagpenge', 4],
    ['kontanthjaelp_jobparat', 4],
    ['uddannelseshjaelp_uddannelsesparat', 4],
    ['kontanthjaelp_aktivitetsparat', 13],
    ['sygedagpenge', 13],
    ['ressourceforloeb', 13],
    ['revalidering', 13],
  ])('reads the internship length of %s: %d weeks', (targetGroup, weeks) => {
    const check = byRule(evaluateRules(BOTH_PERIODS, facts({ targetGroup }))).internship_duration;
    expect(check.numbers.limitWeeks).toBe(weeks);
  });

  it.each([
    ['dagpenge', 'private', 6],
    ['dagpenge', 'public', 4],
    ['kontanthjaelp_jobparat', 'public', 4],
    ['uddannelseshjaelp_uddannelsesparat', 'private', 6],
    ['sygedagpenge', 'private', 12],
    ['ressourceforloeb', 'public', 12],
    ['sygedagpenge', null, 12],
  ] as const)(
    'reads the wage-subsidy length of %s at a %s employer: %d months',
    (targetGroup, sector, months) => {
      const check = byRule(
        evaluateRules(BOTH_PERIODS, facts({ placementType: 'wage_subsidy', targetGroup, sector })),
      ).wage_subsidy_duration;
      expect(check.numbers.months).toBe(months);
      expect(check.severity).toBe('block');
    },
  );

  it.each([
    [
      'the sector, for a job-ready group',
      'wage_subsidy',
      { targetGroup: 'dagpenge', sector: null },
      'wage_subsidy_duration',
      'sector',
    ],
    [
      'the target group, for the wage subsidy',
      'wage_subsidy',
      { targetGroup: null, sector: 'public' },
      'wage_subsidy_duration',
      'targetGroup',
    ],
    [
      'both',
      'wage_subsidy',
      { targetGroup: null, sector: null },
      'wage_subsidy_duration',
      'targetGroup,sector',
    ],
    [
      'the target group, for the internship length',
      'internship',
      { targetGroup: null },
      'internship_duration',
      'targetGroup',
    ],
  ] as const)(
    'warns when %s is unknown and the row depends on it',
    (_case, placementType, over, rule, missing) => {
      const check = byRule(evaluateRules(BOTH_PERIODS, facts({ placementType, ...over })))[rule];
      expect(check).toMatchObject({ passed: false, severity: 'warning' });
      expect(check.numbers.missing).toBe(missing);
      expect(check.message.da).toContain('Registrér');
      expect(check.validFrom).toBe('2020-01-01');
    },
  );

  it('decides the rules that do not depend on the target group when it is unknown', () => {
    const checks = byRule(evaluateRules(BOTH_PERIODS, facts({ targetGroup: null })));
    expect(checks.internship_weekly_hours).toMatchObject({ passed: true, severity: 'block' });
    expect(checks.reasonableness_ratio).toMatchObject({ passed: true, severity: 'block' });
    expect(checks.internship_duration.numbers.missing).toBe('targetGroup');
  });

  it('names both unknown facts in the message', () => {
    const check = byRule(
      evaluateRules(
        BOTH_PERIODS,
        facts({ placementType: 'wage_subsidy', targetGroup: null, sector: null }),
      ),
    ).wage_subsidy_duration;
    expect(check.message.da).toBe(
      'Løntilskuddets varighed: reglen afhænger af borgerens målgruppe og virksomhedens sektor (privat eller offentlig), som ikke er registreret. Registrér borgerens målgruppe og virksomhedens sektor (privat eller offentlig), så reglen kan kontrolleres.',
    );
    expect(check.message.en).toBe(
      "Wage-subsidy duration: the rule depends on the citizen's target group and the company's sector (private or public), which is not recorded. Record the citizen's target group and the company's sector (private or public) so the rule can be checked.",
    );
  });

  it('prefers the row for the group and sector over the general row, and the general row over none', () => {
    const rules = [
      aRule('wage_subsidy_duration', { months: 12 }).build(),
      aRule('wage_subsidy_duration', { months: 9 }).forGroup('dagpenge').build(),
      aRule('wage_subsidy_duration', { months: 7 }).inSector('private').build(),
      aRule('wage_subsidy_duration', { months: 6 })
        .forGroup('dagpenge')
        .inSector('private')
        .build(),
    ];
    const months = (over: Partial<RuleFacts>) => {
      const pick = ruleInForce(rules, 'wage_subsidy_duration', facts(over));
      return pick.kind === 'rule' ? pick.rule.params.months : pick.kind;
    };
    expect(months({ targetGroup: 'dagpenge', sector: 'private' })).toBe(6);
    expect(months({ targetGroup: 'dagpenge', sector: 'public' })).toBe(9);
    expect(months({ targetGroup: 'sygedagpenge', sector: 'private' })).toBe(7);
    expect(months({ targetGroup: 'sygedagpenge', sector: 'public' })).toBe(12);
  });

  it('decides every seeded rule once all facts are known, and blocks what breaks a block', () => {
    const broken = evaluateRules(
      BOTH_PERIODS,
      facts({
        targetGroup: 'dagpenge',
        end: '2026-03-30',
        weeklyHours: 37.5,
        mostRecentEmployerCompanyId: 'company-x',
        site: { ordinaryFte: 6, supportedPersons: 1 },
        paidHoursAtSameWorkplace: true,
      }),
    );
    expect(broken.map((c) => [c.rule, c.passed, c.severity])).toEqual([
      ['placement_types', true, 'block'],
      ['internship_duration', false, 'block'],
      ['internship_weekly_hours', false, 'block'],
      ['not_last_employer', false, 'block'],
      ['reasonableness_ratio', false, 'block'],
      ['paid_hours_beside_internship', false, 'warning'],
    ]);
  });

  it.each([
    ['ends before it starts', { start: '2026-03-02', end: '2026-03-01' }],
    ['is not a date', { start: '2026-02-30', end: '2026-03-01' }],
    ['has no end date', { end: '' }],
  ])('refuses a period that %s', (_case, over) => {
    expect(() => evaluateRules(BOTH_PERIODS, facts(over))).toThrow(RangeError);
  });

  it('accepts a period of one day', () => {
    expect(evaluateRules(BOTH_PERIODS, facts({ end: '2026-03-02' }))).toHaveLength(6);
  });
});

describe('inForceOn', () => {
  const rule = aRule('internship_weekly_hours', { maxHours: 37 })
    .valid('2026-01-01', '2026-12-31')
    .build();
  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('%s: %s', (on, inForce) => expect(inForceOn(rule, on)).toBe(inForce));
  it('treats a missing end as open', () => {
    expect(inForceOn({ ...rule, validTo: null }, '2099-01-01')).toBe(true);
  });
});

describe('lastEmployerGroups', () => {
  it('reads the job-ready groups from the row in force, for the one predicate', () => {
    const groups = lastEmployerGroups(BOTH_PERIODS, '2026-06-01');
    expect(groups).toEqual([
      'dagpenge',
      'kontanthjaelp_jobparat',
      'uddannelseshjaelp_uddannelsesparat',
      'dagpenge_dimittend',
    ]);
    const f = {
      placementType: 'internship' as const,
      targetGroup: 'dagpenge',
      companyId: 'c',
      mostRecentEmployerCompanyId: 'c',
    };
    expect(isLastEmployerBlocked(f, groups)).toBe(true);
    expect(lastEmployerGroups(seededRules(), '2027-01-01')).toEqual([]);
  });

  it('changes with the rows on the day one ends and its successor starts (a data change)', () => {
    const rows = [
      aRule('not_last_employer', { targetGroups: ['dagpenge', 'kontanthjaelp_jobparat'] })
        .valid('2020-01-01', '2026-12-31')
        .build(),
      aRule('not_last_employer', { targetGroups: ['dagpenge'] })
        .valid('2027-01-01', null)
        .build(),
      aRule('internship_weekly_hours', { maxHours: 37 }).build(),
    ];
    expect(lastEmployerGroups(rows, '2019-12-31')).toEqual([]);
    expect(lastEmployerGroups(rows, '2020-01-01')).toEqual(['dagpenge', 'kontanthjaelp_jobparat']);
    expect(lastEmployerGroups(rows, '2026-12-31')).toEqual(['dagpenge', 'kontanthjaelp_jobparat']);
    expect(lastEmployerGroups(rows, '2027-01-01')).toEqual(['dagpenge']);
    expect(lastEmployerGroupRows(rows)).toEqual([
      { targetGroup: 'dagpenge', validFrom: '2020-01-01', validTo: '2026-12-31' },
      { targetGroup: 'kontanthjaelp_jobparat', validFrom: '2020-01-01', validTo: '2026-12-31' },
      { targetGroup: 'dagpenge', validFrom: '2027-01-01', validTo: null },
    ]);
  });
});

describe('describeRule', () => {
  it.each(seededRules().map((r) => [r.code, r.targetGroup ?? '-', r.sector ?? '-', r] as const))(
    '%s (%s, %s) has a name and a summary in both languages',
    (_code, _group, _sector, rule) => {
      const { name, summary } = describeRule(rule);
      for (const text of [name.da, name.en, summary.da, summary.en])
        expect(text.length).toBeGreaterThan(10);
    },
  );
});
