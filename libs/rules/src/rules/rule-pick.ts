import type { LegalRule, RuleCode, RuleFacts } from './rule-types';

/** Whether the row is in force on the date (YYYY-MM-DD), both ends included. */
export const inForceOn = (rule: Pick<LegalRule, 'validFrom' | 'validTo'>, on: string): boolean =>
  rule.validFrom <= on && (rule.validTo === null || rule.validTo >= on);

/** The row that applies, or why none does. */
export type RulePick =
  | { kind: 'rule'; rule: LegalRule }
  /** The most specific row needs facts that are unknown ('targetGroup', 'sector'). */
  | { kind: 'unknown'; rule: LegalRule; missing: string[] }
  | { kind: 'none' };

const specificity = (r: LegalRule): number => (r.targetGroup ? 2 : 0) + (r.sector ? 1 : 0);

/**
 * The row of `code` in force on `facts.start` for the facts' target group and sector: the most
 * specific row that matches (a row for the group and sector, then for the group, then for the
 * sector, then for everyone). An unknown group or sector matches every row; if the row it lands
 * on depends on it, the answer is `unknown` (never the general row by default).
 */
export function ruleInForce(
  rules: readonly LegalRule[],
  code: RuleCode,
  facts: Pick<RuleFacts, 'start' | 'targetGroup' | 'sector'>,
): RulePick {
  const candidates = rules.filter(
    (r) =>
      r.code === code &&
      inForceOn(r, facts.start) &&
      (r.targetGroup === null ||
        facts.targetGroup === null ||
        r.targetGroup === facts.targetGroup) &&
      (r.sector === null || facts.sector === null || r.sector === facts.sector),
  );
  if (candidates.length === 0) return { kind: 'none' };
  const best = [...candidates].sort(
    (a, b) => specificity(b) - specificity(a) || a.id.localeCompare(b.id),
  )[0];
  const missing = [
    ...(best.targetGroup !== null && facts.targetGroup === null ? ['targetGroup'] : []),
    ...(best.sector !== null && facts.sector === null ? ['sector'] : []),
  ];
  return missing.length ? { kind: 'unknown', rule: best, missing } : { kind: 'rule', rule: best };
}
