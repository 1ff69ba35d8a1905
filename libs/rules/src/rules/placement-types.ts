import { codeLabels, labelList } from '@jobbro/reference';
import { capitalize, type Localized } from '@jobbro/core';
import { ruleInForce } from './rule-pick';
import { stringListParam, verdict } from './rule-support';
import type { LegalRule, PlacementKind, RuleCheck, RuleDefinition, RuleFacts } from './rule-types';

/** The placement types a `placement_types` row allows (`types`). */
export const allowedTypes = (rule: LegalRule): string[] => stringListParam(rule, 'types');

/** The types in words ("virksomhedspraktik og løntilskud"), with the one label lookup. */
const typeList = (types: readonly string[]): Localized =>
  labelList(codeLabels(), 'placementType', types);

/**
 * The one definition of "may this target group have this placement type on this date" (LAB
 * ch. 11-12), from the `placement_types` row in force: true or false, or null when it cannot be
 * decided (no target group recorded and the rows differ by group, or no row in force). Matching
 * leaves out only `false`; the proposal check blocks `false` and warns on the rest.
 */
export function placementTypeAllowed(
  rules: readonly LegalRule[],
  facts: Pick<RuleFacts, 'placementType' | 'targetGroup' | 'start'>,
): { allowed: boolean | null; rule: LegalRule | null } {
  const pick = ruleInForce(rules, 'placement_types', { ...facts, sector: null });
  if (pick.kind !== 'rule') return { allowed: null, rule: null };
  return { allowed: allowedTypes(pick.rule).includes(facts.placementType), rule: pick.rule };
}

/** One row as SQL reads it: the group ('' for the row of every other group), dates and verdict. */
export interface PlacementTypeRow {
  targetGroup: string;
  validFrom: string;
  validTo: string | null;
  allows: boolean;
}

/**
 * The `placement_types` rows for one placement type, most specific first (a group's own row, then
 * the row of every other group): what matching's SQL shortlist is given as arrays, and where the
 * first row in force for the citizen's group (or '') decides, as `ruleInForce` picks it.
 */
export function placementTypeRows(
  rules: readonly LegalRule[],
  placementType: PlacementKind,
): PlacementTypeRow[] {
  return rules
    .filter((r) => r.code === 'placement_types')
    .map((r) => ({
      targetGroup: r.targetGroup ?? '',
      validFrom: r.validFrom,
      validTo: r.validTo,
      allows: allowedTypes(r).includes(placementType),
    }))
    .sort((a, b) => Number(a.targetGroup === '') - Number(b.targetGroup === ''));
}

export function checkPlacementTypes(rule: LegalRule, facts: RuleFacts): RuleCheck {
  const types = allowedTypes(rule);
  const passed = types.includes(facts.placementType);
  const type = typeList([facts.placementType]);
  const allowed = typeList(types);
  return verdict(
    rule,
    passed,
    passed
      ? {
          da: `${capitalize(type.da)} er tilladt for borgerens målgruppe.`,
          en: `${capitalize(type.en)} is allowed for the citizen's target group.`,
        }
      : {
          da: `${capitalize(type.da)} er ikke tilladt for borgerens målgruppe. Målgruppen kan få ${allowed.da}.`,
          en: `${capitalize(type.en)} is not allowed for the citizen's target group. The group may have ${allowed.en}.`,
        },
    {
      placementType: facts.placementType,
      targetGroup: facts.targetGroup ?? '',
      allowedTypes: types.join(','),
    },
  );
}

export const placementTypes: RuleDefinition = {
  code: 'placement_types',
  name: { da: 'Tilbud for målgruppen', en: 'Placement types for the target group' },
  appliesTo: ['internship', 'wage_subsidy', 'ordinary_hours', 'flex_job'],
  check: checkPlacementTypes,
  describe(rule) {
    const allowed = typeList(allowedTypes(rule));
    return {
      da: `Målgruppen kan få ${allowed.da}.`,
      en: `The target group may have ${allowed.en}.`,
    };
  },
};
