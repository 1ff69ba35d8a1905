import type { MatchPlacement } from './match-types';

/**
 * Which placement types a target group may use, as dated data (the rules change on 1 Jul 2026 and
 * again with the new LAB in 2027). Evaluated at the placement's start date. Simplified from
 * LAB ch. 11-12: wage subsidy is not offered to sickness-benefit recipients or those in job
 * clarification; flex jobs are for citizens referred to flex jobs (ledighedsydelse).
 */
export interface TypeRule {
  targetGroup: string;
  allowed: MatchPlacement['type'][];
  validFrom: string;
  validTo: string | null;
  source: string;
}

const ALL_BUT_FLEX: MatchPlacement['type'][] = ['internship', 'wage_subsidy', 'ordinary_hours'];

export const TYPE_RULES: TypeRule[] = [
  ...[
    'dagpenge',
    'kontanthjaelp_jobparat',
    'kontanthjaelp_aktivitetsparat',
    'uddannelseshjaelp_uddannelsesparat',
    'uddannelseshjaelp_aktivitetsparat',
    'revalidering',
    'integration',
    'ressourceforloeb',
  ].map((targetGroup) => ({
    targetGroup,
    allowed: ALL_BUT_FLEX,
    validFrom: '2019-01-01',
    validTo: null,
    source: 'LAB §§ 42, 51 (virksomhedspraktik og løntilskud)',
  })),
  {
    targetGroup: 'sygedagpenge',
    allowed: ['internship', 'ordinary_hours'],
    validFrom: '2019-01-01',
    validTo: null,
    source: 'LAB § 42',
  },
  {
    targetGroup: 'jobafklaring',
    allowed: ['internship', 'ordinary_hours'],
    validFrom: '2019-01-01',
    validTo: null,
    source: 'LAB § 42',
  },
  {
    targetGroup: 'ledighedsydelse',
    allowed: ['internship', 'ordinary_hours', 'flex_job'],
    validFrom: '2019-01-01',
    validTo: null,
    source: 'LAB § 42, lov om fleksjob',
  },
];

/** The rule in force for the group on the date, or null when none is. */
export function typeRuleFor(
  targetGroup: string,
  on: string,
  rules: TypeRule[] = TYPE_RULES,
): TypeRule | null {
  return (
    rules.find(
      (r) =>
        r.targetGroup === targetGroup &&
        r.validFrom <= on &&
        (r.validTo === null || r.validTo >= on),
    ) ?? null
  );
}
