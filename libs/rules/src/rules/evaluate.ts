import type { Localized } from '@jobbro/core';
import { internshipDuration } from './internship-duration';
import { internshipWeeklyHours } from './internship-weekly-hours';
import { netJobCreation } from './net-job-creation';
import { notLastEmployer } from './not-last-employer';
import { paidHoursBesideInternship } from './paid-hours-beside-internship';
import { placementTypes } from './placement-types';
import { reasonablenessRatio } from './reasonableness-ratio';
import { dayNumber, longDate, stringListParam, undecided } from './rule-support';
import { inForceOn, ruleInForce } from './rule-pick';
import type { LegalRule, RuleCheck, RuleCode, RuleDefinition, RuleFacts } from './rule-types';
import { wageSubsidyDuration } from './wage-subsidy-duration';

/** Every rule's meaning, in the order checks are shown. */
export const RULE_DEFINITIONS: readonly RuleDefinition[] = [
  placementTypes,
  internshipDuration,
  internshipWeeklyHours,
  notLastEmployer,
  reasonablenessRatio,
  wageSubsidyDuration,
  netJobCreation,
  paidHoursBesideInternship,
];

const DEFINITION_OF = new Map<RuleCode, RuleDefinition>(RULE_DEFINITIONS.map((d) => [d.code, d]));

export function ruleDefinition(code: RuleCode): RuleDefinition {
  const definition = DEFINITION_OF.get(code);
  if (!definition) throw new Error(`No definition of rule ${code}`);
  return definition;
}

const MISSING_TEXT: Record<string, Localized> = {
  targetGroup: { da: 'borgerens målgruppe', en: "the citizen's target group" },
  sector: {
    da: 'virksomhedens sektor (privat eller offentlig)',
    en: "the company's sector (private or public)",
  },
};

function unknownScope(definition: RuleDefinition, rule: LegalRule, missing: string[]): RuleCheck {
  const what = missing.map((m) => MISSING_TEXT[m]);
  const da = what.map((w) => w.da).join(' og ');
  const en = what.map((w) => w.en).join(' and ');
  return undecided(rule, missing, {
    da: `${definition.name.da}: reglen afhænger af ${da}, som ikke er registreret. Registrér ${da}, så reglen kan kontrolleres.`,
    en: `${definition.name.en}: the rule depends on ${en}, which is not recorded. Record ${en} so the rule can be checked.`,
  });
}

function noRule(definition: RuleDefinition, on: string): RuleCheck {
  const date = longDate(on);
  return {
    rule: definition.code,
    severity: 'warning',
    passed: false,
    message: {
      da: `${definition.name.da}: ingen regel er registreret i systemet for ${date.da} for denne borger og virksomhed, så intet er kontrolleret. Kontrollér reglen selv, og bed en administrator om at få den registreret.`,
      en: `${definition.name.en}: no rule is recorded in the system for ${date.en} for this citizen and company, so nothing was checked. Check the rule yourself and ask an administrator to have it recorded.`,
    },
    numbers: { on },
    source: { da: 'Ingen regel i kraft', en: 'No rule in force' },
    validFrom: null,
    validTo: null,
  };
}

/**
 * Every check that concerns the placement type, each against the row in force at the planned
 * start for the facts' scope. A rule without a row in force, or whose row needs an unknown fact,
 * answers with a warning that says so; none is skipped silently.
 */
export function evaluateRules(rules: readonly LegalRule[], facts: RuleFacts): RuleCheck[] {
  if (dayNumber(facts.end) < dayNumber(facts.start)) {
    throw new RangeError('The planned period ends before it starts');
  }
  return RULE_DEFINITIONS.filter((d) => d.appliesTo.includes(facts.placementType)).map((d) => {
    const pick = ruleInForce(rules, d.code, facts);
    switch (pick.kind) {
      case 'none':
        return noRule(d, facts.start);
      case 'unknown':
        return unknownScope(d, pick.rule, pick.missing);
      case 'rule':
        return d.check(pick.rule, facts);
    }
  });
}

/** One target group of a not-the-last-employer row, with the row's dates. */
export interface LastEmployerGroupRow {
  targetGroup: string;
  validFrom: string;
  validTo: string | null;
}

/**
 * The not-the-last-employer rows (others are skipped) as one row per target group and dates: what
 * `lastEmployerGroups` reads, and what SQL (matching's shortlist) is given as arrays.
 */
export function lastEmployerGroupRows(rules: readonly LegalRule[]): LastEmployerGroupRow[] {
  return rules
    .filter((r) => r.code === 'not_last_employer')
    .flatMap((r) =>
      stringListParam(r, 'targetGroups').map((targetGroup) => ({
        targetGroup,
        validFrom: r.validFrom,
        validTo: r.validTo,
      })),
    );
}

/**
 * The target groups that may not intern at their most recent employer on the date, from the rule
 * in force then (empty when none is; the rows never overlap, `legal_rule_no_overlap`): the list
 * `isLastEmployerBlocked` takes.
 */
export function lastEmployerGroups(rules: readonly LegalRule[], on: string): string[] {
  return lastEmployerGroupRows(rules)
    .filter((g) => inForceOn(g, on))
    .map((g) => g.targetGroup);
}

/** A row in words: the rule's name and its numbers, for the list of rules in force. */
export function describeRule(rule: LegalRule): { name: Localized; summary: Localized } {
  const definition = ruleDefinition(rule.code);
  return { name: definition.name, summary: definition.describe(rule) };
}
