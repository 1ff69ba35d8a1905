import type { LegalRule, RuleCheck, RuleDefinition, RuleFacts } from './rule-types';
import { num, numberParam, undecided, verdict } from './rule-support';

/** The numbers of the reasonableness rule (rimelighedskravet). */
export interface RatioParams {
  /** One person per this many ordinary employees, up to `threshold` (5). */
  employeesPerPerson: number;
  /** 50. */
  threshold: number;
  /** One person per this many ordinary employees beyond `threshold` (10). */
  employeesPerPersonBeyond: number;
  /** Always at least this many (1). */
  minimum: number;
}

export const ratioParams = (rule: LegalRule): RatioParams => ({
  employeesPerPerson: numberParam(rule, 'employeesPerPerson'),
  threshold: numberParam(rule, 'threshold'),
  employeesPerPersonBeyond: numberParam(rule, 'employeesPerPersonBeyond'),
  minimum: numberParam(rule, 'minimum'),
});

/** " (averaged over the last 4 months)" when the row names the months, else nothing. */
function averaged(rule: LegalRule): { da: string; en: string } {
  const months = rule.params.averageMonths;
  return typeof months === 'number' && months > 1
    ? {
        da: ` (gennemsnit af de seneste ${num(months).da} måneder)`,
        en: ` (averaged over the last ${num(months).en} months)`,
      }
    : { da: '', en: '' };
}

/** In hundredths, so 9,99 FTE is not 10 and 10 is not 9,999…: FTE has two decimals. */
const cents = (n: number): number => Math.round(n * 100);

/**
 * How many persons in internship and wage subsidy a workplace with `ordinaryFte` ordinary
 * employees may have at once: one per 5 up to 50, one per 10 beyond, always at least one
 * (5 → 1, 9,99 → 1, 10 → 2, 50 → 10, 59 → 10, 60 → 11).
 */
export function allowedSupportedPersons(ordinaryFte: number, p: RatioParams): number {
  const fte = cents(ordinaryFte);
  const threshold = cents(p.threshold);
  const upTo = Math.floor(Math.min(fte, threshold) / cents(p.employeesPerPerson));
  const beyond = Math.floor(Math.max(fte - threshold, 0) / cents(p.employeesPerPersonBeyond));
  return Math.max(p.minimum, upTo + beyond);
}

/**
 * Reasonableness rule (BEK § 65): persons in internship and wage subsidy at the workplace
 * (P-number) during the period, this one included, at most `allowedSupportedPersons`.
 */
export function checkReasonablenessRatio(rule: LegalRule, facts: RuleFacts): RuleCheck {
  const p = ratioParams(rule);
  const persons = facts.site.supportedPersons + 1;
  const fte = facts.site.ordinaryFte;
  if (fte === null) {
    return undecided(
      rule,
      ['site.ordinaryFte'],
      {
        da: `Arbejdsstedets antal ordinært ansatte (årsværk) er ikke registreret, så rimelighedskravet kan ikke kontrolleres. Registrér arbejdsstedets ordinært ansatte (recordHeadcount). Med denne borger vil der være ${num(persons).da} i praktik eller løntilskud der.`,
        en: `The site's ordinary employees (FTE) are not recorded, so the reasonableness rule cannot be checked. Record the site's ordinary employees (recordHeadcount). With this citizen there would be ${num(persons).en} in internship or wage subsidy there.`,
      },
      { persons },
    );
  }
  const allowed = allowedSupportedPersons(fte, p);
  const passed = persons <= allowed;
  const f = num(fte);
  const avg = averaged(rule);
  const rule5 = `1 pr. ${num(p.employeesPerPerson).da} ansatte op til ${num(p.threshold).da}, dog altid ${num(p.minimum).da}, og 1 pr. ${num(p.employeesPerPersonBeyond).da} derudover`;
  const rule5en = `1 per ${num(p.employeesPerPerson).en} employees up to ${num(p.threshold).en}, always at least ${num(p.minimum).en}, and 1 per ${num(p.employeesPerPersonBeyond).en} beyond`;
  return verdict(
    rule,
    passed,
    passed
      ? {
          da: `Arbejdsstedet har ${f.da} ordinært ansatte${avg.da} og må have ${num(allowed).da} i praktik eller løntilskud ad gangen (${rule5}); med denne borger er der ${num(persons).da}.`,
          en: `The site has ${f.en} ordinary employees${avg.en} and may have ${num(allowed).en} in internship or wage subsidy at a time (${rule5en}); with this citizen there are ${num(persons).en}.`,
        }
      : {
          da: `Arbejdsstedet har ${f.da} ordinært ansatte${avg.da} og må højst have ${num(allowed).da} i praktik eller løntilskud ad gangen (${rule5}), men med denne borger bliver der ${num(persons).da}.`,
          en: `The site has ${f.en} ordinary employees${avg.en} and may have at most ${num(allowed).en} in internship or wage subsidy at a time (${rule5en}), but with this citizen there would be ${num(persons).en}.`,
        },
    { ordinaryFte: fte, allowed, persons },
  );
}

export const reasonablenessRatio: RuleDefinition = {
  code: 'reasonableness_ratio',
  name: { da: 'Rimelighedskravet', en: 'Reasonableness rule' },
  appliesTo: ['internship', 'wage_subsidy'],
  check: checkReasonablenessRatio,
  describe(rule) {
    const p = ratioParams(rule);
    const avg = averaged(rule);
    return {
      da: `Højst 1 person i praktik eller løntilskud pr. ${num(p.employeesPerPerson).da} ordinært ansatte på arbejdsstedet${avg.da} op til ${num(p.threshold).da} (dog altid ${num(p.minimum).da}), og 1 pr. ${num(p.employeesPerPersonBeyond).da} derudover.`,
      en: `At most 1 person in internship or wage subsidy per ${num(p.employeesPerPerson).en} ordinary employees at the site${avg.en} up to ${num(p.threshold).en} (always at least ${num(p.minimum).en}), and 1 per ${num(p.employeesPerPersonBeyond).en} beyond.`,
    };
  },
};
