import type { LegalRule, RuleCheck, RuleDefinition, RuleFacts } from './rule-types';
import { lastDayOfMonths, longDate, monthsText, numberParam, verdict } from './rule-support';

const SECTOR = {
  private: { da: 'en privat arbejdsgiver', en: 'a private employer' },
  public: { da: 'en offentlig arbejdsgiver', en: 'a public employer' },
};

/** Wage-subsidy duration (LAB § 68): the planned end no later than `months` after the start. */
export function checkWageSubsidyDuration(rule: LegalRule, facts: RuleFacts): RuleCheck {
  const months = numberParam(rule, 'months');
  const latestEnd = lastDayOfMonths(facts.start, months);
  const passed = facts.end <= latestEnd;
  const limit = monthsText(months);
  const last = longDate(latestEnd);
  const end = longDate(facts.end);
  const at = rule.sector ? SECTOR[rule.sector] : null;
  const where = at ? { da: ` hos ${at.da}`, en: ` at ${at.en}` } : { da: '', en: '' };
  return verdict(
    rule,
    passed,
    passed
      ? {
          da: `Løntilskuddet slutter ${end.da}; for borgerens målgruppe${where.da} må det højst vare ${limit.da} (til og med ${last.da}).`,
          en: `The wage subsidy ends on ${end.en}; for the citizen's target group${where.en} it may last at most ${limit.en} (up to and including ${last.en}).`,
        }
      : {
          da: `Løntilskuddet slutter ${end.da}, men må højst vare ${limit.da} for borgerens målgruppe${where.da}: sidste dag kan højst være ${last.da}.`,
          en: `The wage subsidy ends on ${end.en}, but may last at most ${limit.en} for the citizen's target group${where.en}: the last day can be ${last.en} at the latest.`,
        },
    {
      months,
      latestEnd,
      end: facts.end,
      sector: rule.sector ?? '',
      targetGroup: facts.targetGroup ?? '',
    },
  );
}

export const wageSubsidyDuration: RuleDefinition = {
  code: 'wage_subsidy_duration',
  name: { da: 'Løntilskuddets varighed', en: 'Wage-subsidy duration' },
  appliesTo: ['wage_subsidy'],
  check: checkWageSubsidyDuration,
  describe(rule) {
    const limit = monthsText(numberParam(rule, 'months'));
    const at = rule.sector ? SECTOR[rule.sector] : null;
    return {
      da: `Løntilskud højst ${limit.da}${at ? ` hos ${at.da}` : ''}.`,
      en: `Wage subsidy at most ${limit.en}${at ? ` at ${at.en}` : ''}.`,
    };
  },
};
