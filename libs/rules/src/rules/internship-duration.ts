import type { LegalRule, RuleCheck, RuleDefinition, RuleFacts } from './rule-types';
import {
  addDays,
  daysInclusive,
  longDate,
  numberParam,
  optionalNumberParam,
  verdict,
  weeksAndDays,
  weeksText,
} from './rule-support';

/** The longest internship the row allows, in weeks: the extended length after an assessment. */
export function internshipLimitWeeks(rule: LegalRule, extensionAssessed: boolean): number {
  const extended = optionalNumberParam(rule, 'extendedWeeks');
  return extensionAssessed && extended !== null ? extended : numberParam(rule, 'weeks');
}

/**
 * Internship duration (LAB § 61): the planned period, both ends included, at most the row's weeks
 * for the citizen's target group (`weeks`), or `extendedWeeks` after a concrete assessment where
 * the row allows one.
 */
export function checkInternshipDuration(rule: LegalRule, facts: RuleFacts): RuleCheck {
  const limitWeeks = internshipLimitWeeks(rule, facts.extensionAssessed);
  const limitDays = limitWeeks * 7;
  const days = daysInclusive(facts.start, facts.end);
  const latestEnd = addDays(facts.start, limitDays - 1);
  const extended = optionalNumberParam(rule, 'extendedWeeks');
  const passed = days <= limitDays;
  const length = weeksAndDays(days);
  const limit = weeksText(limitWeeks);
  const last = longDate(latestEnd);
  const numbers: Record<string, number | string> = {
    days,
    limitWeeks,
    limitDays,
    latestEnd,
    targetGroup: facts.targetGroup ?? '',
  };
  if (extended !== null) numbers.extendedWeeks = extended;
  const canExtend = extended !== null && !facts.extensionAssessed && !passed;
  const more = weeksText(extended ?? 0);
  const hint = canExtend
    ? {
        da: ` Efter en konkret vurdering kan praktikken vare op til ${more.da}.`,
        en: ` After a concrete assessment it may last up to ${more.en}.`,
      }
    : { da: '', en: '' };
  return verdict(
    rule,
    passed,
    passed
      ? {
          da: `Virksomhedspraktikken varer ${length.da}; for borgerens målgruppe må den højst vare ${limit.da} (til og med ${last.da}).`,
          en: `The internship lasts ${length.en}; for the citizen's target group it may last at most ${limit.en} (up to and including ${last.en}).`,
        }
      : {
          da: `Virksomhedspraktikken varer ${length.da}, men må højst vare ${limit.da} for borgerens målgruppe: sidste dag kan højst være ${last.da}.${hint.da}`,
          en: `The internship lasts ${length.en}, but may last at most ${limit.en} for the citizen's target group: the last day can be ${last.en} at the latest.${hint.en}`,
        },
    numbers,
  );
}

export const internshipDuration: RuleDefinition = {
  code: 'internship_duration',
  name: { da: 'Praktikkens varighed', en: 'Internship duration' },
  appliesTo: ['internship'],
  check: checkInternshipDuration,
  describe(rule) {
    const weeks = weeksText(numberParam(rule, 'weeks'));
    const extended = optionalNumberParam(rule, 'extendedWeeks');
    const more = extended === null ? null : weeksText(extended);
    return {
      da: `Virksomhedspraktik højst ${weeks.da}${more ? `, op til ${more.da} efter en konkret vurdering` : ''}.`,
      en: `Internship at most ${weeks.en}${more ? `, up to ${more.en} after a concrete assessment` : ''}.`,
    };
  },
};
