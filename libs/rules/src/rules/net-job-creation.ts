import type { LegalRule, RuleCheck, RuleDefinition, RuleFacts } from './rule-types';
import { num, numberParam, undecided, verdict } from './rule-support';

const cents = (n: number): number => Math.round(n * 100);

/**
 * Net job creation (merbeskæftigelse), wage subsidy only: with the hire (one more person), the
 * company's ordinary employees (per CVR, FTE) must exceed their average over the previous
 * `averageMonths` months. The other half of the rule (the job not vacated by dismissal within
 * `dismissalMonths` months) is a fact the system does not hold: the message asks for it.
 */
export function checkNetJobCreation(rule: LegalRule, facts: RuleFacts): RuleCheck {
  const months = numberParam(rule, 'averageMonths');
  const dismissalMonths = numberParam(rule, 'dismissalMonths');
  const { fteNow, fteAverage: average } = facts.company;
  const missing = [
    ...(fteNow === null ? ['company.fteNow'] : []),
    ...(average === null ? ['company.fteAverage'] : []),
  ];
  if (fteNow === null || average === null) {
    return undecided(
      rule,
      missing,
      {
        da: `Virksomhedens antal ordinært ansatte (årsværk, hele CVR-nummeret) ${fteNow === null ? 'er ikke registreret' : `er ikke registreret for hele perioden på ${num(months).da} måneder før start`}, så kravet om merbeskæftigelse kan ikke kontrolleres. Registrér virksomhedens ordinært ansatte (recordHeadcount uden arbejdssted), også for de seneste ${num(months).da} måneder.`,
        en: `The company's ordinary employees (FTE, the whole CVR number) ${fteNow === null ? 'are not recorded' : `are not recorded for the whole ${num(months).en} months before the start`}, so net job creation cannot be checked. Record the company's ordinary employees (recordHeadcount without a site), for the last ${num(months).en} months too.`,
      },
      { averageMonths: months },
    );
  }
  const withHire = cents(fteNow) + 100;
  const passed = withHire > cents(average);
  const after = num(withHire / 100);
  const avg = num(Math.round(average * 100) / 100);
  const dismissal = {
    da: ` Stillingen må heller ikke være blevet ledig ved afskedigelse inden for de seneste ${num(dismissalMonths).da} måneder; bekræft det med virksomheden.`,
    en: ` Nor may the job have been vacated by a dismissal within the last ${num(dismissalMonths).en} months; confirm this with the company.`,
  };
  return verdict(
    rule,
    passed,
    passed
      ? {
          da: `Med ansættelsen får virksomheden ${after.da} ordinært ansatte mod et gennemsnit på ${avg.da} de seneste ${num(months).da} måneder: det er merbeskæftigelse.${dismissal.da}`,
          en: `With the hire the company has ${after.en} employees against an average of ${avg.en} over the last ${num(months).en} months: that is net job creation.${dismissal.en}`,
        }
      : {
          da: `Med ansættelsen får virksomheden ${after.da} ordinært ansatte, men gennemsnittet de seneste ${num(months).da} måneder var ${avg.da}: løntilskud kræver, at ansættelsen øger antallet af ansatte ud over gennemsnittet.${dismissal.da}`,
          en: `With the hire the company has ${after.en} employees, but the average over the last ${num(months).en} months was ${avg.en}: a wage subsidy requires the hire to raise headcount above the average.${dismissal.en}`,
        },
    {
      fteNow,
      fteWithHire: withHire / 100,
      fteAverage: average,
      averageMonths: months,
      dismissalMonths,
    },
  );
}

export const netJobCreation: RuleDefinition = {
  code: 'net_job_creation',
  name: { da: 'Merbeskæftigelse', en: 'Net job creation' },
  appliesTo: ['wage_subsidy'],
  check: checkNetJobCreation,
  describe(rule) {
    const months = num(numberParam(rule, 'averageMonths'));
    const dismissal = num(numberParam(rule, 'dismissalMonths'));
    return {
      da: `Løntilskud skal øge virksomhedens ordinært ansatte ud over gennemsnittet de seneste ${months.da} måneder, og stillingen må ikke være ledig ved afskedigelse inden for ${dismissal.da} måneder.`,
      en: `A wage subsidy must raise the company's ordinary employees above the average of the last ${months.en} months, and the job must not have been vacated by dismissal within ${dismissal.en} months.`,
    };
  },
};
