import type { LegalRule, RuleFacts, RuleSeverity, Sector } from '../rules/rule-types';

let sequence = 0;

/** A rule row with defaults; every `with*` returns a new builder (no shared mutable fixtures). */
export class RuleBuilder {
  constructor(private readonly row: LegalRule) {}

  static of(code: LegalRule['code'], params: Record<string, unknown>): RuleBuilder {
    sequence += 1;
    return new RuleBuilder({
      id: `rule-${String(sequence).padStart(4, '0')}`,
      code,
      targetGroup: null,
      sector: null,
      params,
      severity: 'block',
      validFrom: '2020-01-01',
      validTo: '2026-12-31',
      source: { da: `Kilde ${code}`, en: `Source ${code}` },
    });
  }

  private with(change: Partial<LegalRule>): RuleBuilder {
    return new RuleBuilder({ ...this.row, ...change });
  }
  forGroup(targetGroup: string | null): RuleBuilder {
    return this.with({ targetGroup });
  }
  inSector(sector: Sector | null): RuleBuilder {
    return this.with({ sector });
  }
  valid(validFrom: string, validTo: string | null): RuleBuilder {
    return this.with({ validFrom, validTo });
  }
  withSeverity(severity: RuleSeverity): RuleBuilder {
    return this.with({ severity });
  }
  citing(da: string, en: string): RuleBuilder {
    return this.with({ source: { da, en } });
  }
  withParams(params: Record<string, unknown>): RuleBuilder {
    return this.with({ params });
  }
  build(): LegalRule {
    return { ...this.row, params: { ...this.row.params } };
  }
}

export const aRule = (code: LegalRule['code'], params: Record<string, unknown> = {}): RuleBuilder =>
  RuleBuilder.of(code, params);

const JOB_READY = [
  'dagpenge',
  'kontanthjaelp_jobparat',
  'uddannelseshjaelp_uddannelsesparat',
  'dagpenge_dimittend',
];
const ALL_BUT_FLEX = ['internship', 'wage_subsidy', 'ordinary_hours'];

/**
 * The rows 1764090000019-legal-rules and 1764090000024-placement-type-rules seed, for one period (the int-spec proves the database
 * holds the same numbers).
 */
export function seededRules(
  validFrom = '2020-01-01',
  validTo: string | null = '2026-12-31',
): LegalRule[] {
  const rows: RuleBuilder[] = [
    aRule('placement_types', { types: ALL_BUT_FLEX }).citing(
      'LAB §§ 42, 51 (virksomhedspraktik og løntilskud)',
      'LAB ss. 42, 51 (work trials and wage subsidies)',
    ),
    ...['sygedagpenge', 'jobafklaring'].map((g) =>
      aRule('placement_types', { types: ['internship', 'ordinary_hours'] })
        .forGroup(g)
        .citing('LAB § 42', 'LAB s. 42 (Active Employment Act)'),
    ),
    aRule('placement_types', { types: ['internship', 'ordinary_hours', 'flex_job'] })
      .forGroup('ledighedsydelse')
      .citing('LAB § 42, lov om fleksjob', 'LAB s. 42 and the flex job rules'),
    ...JOB_READY.map((g) =>
      aRule('internship_duration', { weeks: g === 'dagpenge_dimittend' ? 8 : 4 }).forGroup(g),
    ),
    aRule('internship_duration', { weeks: 13, extendedWeeks: 26 }),
    aRule('internship_weekly_hours', { maxHours: 37 }),
    aRule('not_last_employer', { targetGroups: JOB_READY }),
    aRule('reasonableness_ratio', {
      employeesPerPerson: 5,
      threshold: 50,
      employeesPerPersonBeyond: 10,
      minimum: 1,
      averageMonths: 4,
    }),
    aRule('net_job_creation', { averageMonths: 12, dismissalMonths: 3 }),
    ...JOB_READY.flatMap((g) => [
      aRule('wage_subsidy_duration', { months: 6 }).forGroup(g).inSector('private'),
      aRule('wage_subsidy_duration', { months: 4 }).forGroup(g).inSector('public'),
    ]),
    aRule('wage_subsidy_duration', { months: 12 }),
    aRule('paid_hours_beside_internship').withSeverity('warning'),
  ];
  return rows.map((r) => r.valid(validFrom, validTo).build());
}

/** The seeded rows of 2020-2026 and their successors from 1 January 2027 (as the migrations hold). */
export const seededRuleHistory = (): LegalRule[] => [
  ...seededRules(),
  ...seededRules('2027-01-01', null),
];

/** Facts of an internship that passes every seeded rule; override what a case is about. */
export function facts(over: Partial<RuleFacts> = {}): RuleFacts {
  return {
    placementType: 'internship',
    start: '2026-03-02',
    end: '2026-03-29',
    weeklyHours: 20,
    targetGroup: 'kontanthjaelp_aktivitetsparat',
    extensionAssessed: false,
    companyId: 'company-x',
    mostRecentEmployerCompanyId: null,
    employmentHistoryKnown: false,
    sector: 'private',
    site: { ordinaryFte: 20, supportedPersons: 0 },
    company: { fteNow: 20, fteAverage: 19 },
    paidHoursAtSameWorkplace: false,
    ...over,
  };
}
