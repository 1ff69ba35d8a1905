import type { Localized } from '@jobbro/core';

/** Every rule the system checks; a row of `legal_rule` names one (its CHECK lists the same). */
export const RULE_CODES = [
  'placement_types',
  'internship_duration',
  'internship_weekly_hours',
  'not_last_employer',
  'reasonableness_ratio',
  'net_job_creation',
  'wage_subsidy_duration',
  'paid_hours_beside_internship',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** A block cannot be overridden; a warning can, with a recorded reason. */
export type RuleSeverity = 'block' | 'warning';
export type Sector = 'private' | 'public';

/** One row of `legal_rule`: a rule's numbers for a scope (target group, sector) and a period. */
export interface LegalRule {
  id: string;
  code: RuleCode;
  /** null: every target group without a row of its own. */
  targetGroup: string | null;
  /** null: both sectors, unless a row names the sector. */
  sector: Sector | null;
  params: Record<string, unknown>;
  severity: RuleSeverity;
  /** YYYY-MM-DD, both ends included; validTo null is open-ended. */
  validFrom: string;
  validTo: string | null;
  /** The act and paragraph, e.g. "LAB § 61". */
  source: Localized;
}

/**
 * What the checks decide on, as the proposal (or booking) plans it. Built by the caller; unknown
 * facts are null, and a rule that needs one answers with a warning saying what to record.
 */
export interface RuleFacts {
  placementType: 'internship' | 'wage_subsidy' | 'ordinary_hours' | 'flex_job';
  start: string;
  end: string; // planned period, YYYY-MM-DD, inclusive
  weeklyHours: number;
  targetGroup: string | null; // in force at start
  extensionAssessed: boolean; // a concrete assessment allows the longer internship
  companyId: string;
  mostRecentEmployerCompanyId: string | null;
  /**
   * Whether the citizen's employment history is known: an employment is recorded (so a most
   * recent employer outside Jobbro, a named employer with no company here, is not this company),
   * or a consultant recorded that the citizen has had none.
   */
  employmentHistoryKnown: boolean;
  sector: 'private' | 'public' | null;
  /**
   * The site's ordinary FTE (averaged over the reasonableness row's `averageMonths`), and the
   * persons in internship and wage subsidy there overlapping the period, NOT counting this one.
   */
  site: { ordinaryFte: number | null; supportedPersons: number };
  /**
   * The company's (whole CVR) ordinary FTE on the start date, and its average over the
   * net-job-creation row's `averageMonths` before it (null unless the history covers them).
   */
  company: { fteNow: number | null; fteAverage: number | null };
  paidHoursAtSameWorkplace: boolean;
}

export type PlacementKind = RuleFacts['placementType'];

/**
 * One rule's verdict: whether it passed, how serious a failure is, a plain-language message that
 * names the numbers, the numbers themselves (`missing` lists facts to record when some were
 * unknown) and the source with the row's period (null when no rule was in force).
 */
export interface RuleCheck {
  rule: RuleCode;
  severity: RuleSeverity;
  passed: boolean;
  message: Localized;
  numbers: Record<string, number | string>;
  source: Localized;
  validFrom: string | null;
  validTo: string | null;
}

/** A rule's meaning: which placements it concerns, its check, and its plain-language summary. */
export interface RuleDefinition {
  code: RuleCode;
  name: Localized;
  appliesTo: readonly PlacementKind[];
  /** The check over a row in force for the facts' scope (`evaluateRules` picks it). */
  check(rule: LegalRule, facts: RuleFacts): RuleCheck;
  /** The row in words, for the list of rules in force. */
  describe(rule: LegalRule): Localized;
}
