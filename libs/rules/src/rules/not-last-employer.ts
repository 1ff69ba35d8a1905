import type { LegalRule, RuleCheck, RuleDefinition, RuleFacts } from './rule-types';
import { stringListParam, undecided, verdict } from './rule-support';

/** The facts the not-the-last-employer rule reads. */
export type LastEmployerFacts = Pick<
  RuleFacts,
  'placementType' | 'targetGroup' | 'companyId' | 'mostRecentEmployerCompanyId'
>;

/**
 * The one definition of "may not intern at their most recent employer" (BEK § 61): an internship
 * of a citizen in one of `targetGroups` (the job-ready groups; read them from the rule row in
 * force, `lastEmployerGroups`) at the company they were last employed by. Matching and the
 * proposal checks both ask this predicate.
 */
export function isLastEmployerBlocked(
  facts: LastEmployerFacts,
  targetGroups: readonly string[],
): boolean {
  // A null group is in no list, and a null employer is no company: both answer false.
  return (
    facts.placementType === 'internship' &&
    (targetGroups as readonly (string | null)[]).includes(facts.targetGroup) &&
    facts.mostRecentEmployerCompanyId === facts.companyId
  );
}

export function checkNotLastEmployer(rule: LegalRule, facts: RuleFacts): RuleCheck {
  const groups = stringListParam(rule, 'targetGroups');
  const numbers = { targetGroup: facts.targetGroup ?? '', targetGroups: groups.join(',') };
  if (facts.targetGroup === null) {
    return undecided(
      rule,
      ['targetGroup'],
      {
        da: 'Borgerens målgruppe er ikke registreret, så det kan ikke afgøres, om praktik hos den seneste arbejdsgiver er udelukket. Registrér målgruppen.',
        en: "The citizen's target group is not recorded, so it cannot be decided whether an internship at the most recent employer is ruled out. Record the target group.",
      },
      numbers,
    );
  }
  if (!groups.includes(facts.targetGroup)) {
    return verdict(
      rule,
      true,
      {
        da: 'Reglen om ikke at komme i praktik hos den seneste arbejdsgiver gælder de jobparate målgrupper; borgerens målgruppe er ikke omfattet.',
        en: "The rule against an internship at the most recent employer applies to the job-ready groups; the citizen's target group is not among them.",
      },
      numbers,
    );
  }
  if (facts.mostRecentEmployerCompanyId === null && !facts.employmentHistoryKnown) {
    return undecided(
      rule,
      ['mostRecentEmployerCompanyId'],
      {
        da: 'Borgeren er jobparat og må ikke komme i praktik hos sin seneste arbejdsgiver, men ingen seneste arbejdsgiver er registreret. Registrér borgerens seneste ansættelse (eller at der ingen er).',
        en: 'The citizen is job-ready and may not intern at their most recent employer, but no most recent employer is recorded. Record the citizen’s most recent employment (or that there is none).',
      },
      numbers,
    );
  }
  const blocked = isLastEmployerBlocked(facts, groups);
  return verdict(
    rule,
    !blocked,
    blocked
      ? {
          da: 'Virksomheden er borgerens seneste arbejdsgiver, og jobparate borgere må ikke komme i virksomhedspraktik hos deres seneste arbejdsgiver.',
          en: 'The company is the citizen’s most recent employer, and job-ready citizens may not do an internship at their most recent employer.',
        }
      : {
          da: 'Virksomheden er ikke borgerens seneste arbejdsgiver.',
          en: 'The company is not the citizen’s most recent employer.',
        },
    numbers,
  );
}

export const notLastEmployer: RuleDefinition = {
  code: 'not_last_employer',
  name: { da: 'Ikke seneste arbejdsgiver', en: 'Not the most recent employer' },
  appliesTo: ['internship'],
  check: checkNotLastEmployer,
  describe: () => ({
    da: 'Jobparate borgere må ikke komme i virksomhedspraktik hos deres seneste arbejdsgiver.',
    en: 'Job-ready citizens may not do an internship at their most recent employer.',
  }),
};
