import type { LegalRule, RuleCheck, RuleDefinition, RuleFacts } from './rule-types';
import { num, numberParam, verdict } from './rule-support';

/** Internship hours: at most normal full time (`maxHours` a week, about 37). */
export function checkInternshipWeeklyHours(rule: LegalRule, facts: RuleFacts): RuleCheck {
  const maxHours = numberParam(rule, 'maxHours');
  const passed = facts.weeklyHours <= maxHours;
  const hours = num(facts.weeklyHours);
  const max = num(maxHours);
  return verdict(
    rule,
    passed,
    passed
      ? {
          da: `Praktikken er planlagt til ${hours.da} timer om ugen; højst ${max.da} timer (normal fuld tid) er tilladt.`,
          en: `The internship is planned at ${hours.en} hours a week; at most ${max.en} hours (normal full time) are allowed.`,
        }
      : {
          da: `Praktikken er planlagt til ${hours.da} timer om ugen, men må højst være ${max.da} timer om ugen (normal fuld tid, inden for virksomhedens normale arbejdstid).`,
          en: `The internship is planned at ${hours.en} hours a week, but may be at most ${max.en} hours a week (normal full time, within the company's normal hours).`,
        },
    { weeklyHours: facts.weeklyHours, maxHours },
  );
}

export const internshipWeeklyHours: RuleDefinition = {
  code: 'internship_weekly_hours',
  name: { da: 'Timer i praktikken', en: 'Internship hours' },
  appliesTo: ['internship'],
  check: checkInternshipWeeklyHours,
  describe(rule) {
    const max = num(numberParam(rule, 'maxHours'));
    return {
      da: `Virksomhedspraktik højst ${max.da} timer om ugen, inden for virksomhedens normale arbejdstid.`,
      en: `Internship at most ${max.en} hours a week, within the company's normal hours.`,
    };
  },
};
