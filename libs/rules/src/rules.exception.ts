import { defineErrors, DomainException } from '@jobbro/core';

/** Messages never repeat what the client sent (ids, figures): the caller knows them. */
export type RulesErrorCode = 'HEADCOUNT_NOT_ALLOWED' | 'HEADCOUNT_IN_FUTURE' | 'RULE_FACTS_INVALID';

const RULES_ERRORS = defineErrors<RulesErrorCode>({
  HEADCOUNT_NOT_ALLOWED: {
    graphqlCode: 'FORBIDDEN',
    da: 'Kun virksomhedens administratorer og jobkonsulenter fra et jobcenter i partnerskab med virksomheden kan registrere antallet af ansatte.',
    en: 'Only the company’s administrators and job consultants of a job centre in partnership with the company can record its number of employees.',
  },
  HEADCOUNT_IN_FUTURE: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Antallet af ansatte kan kun registreres for i dag eller en dag før.',
    en: 'The number of employees can only be recorded for today or an earlier day.',
  },
  RULE_FACTS_INVALID: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Perioden kan ikke kontrolleres: den skal have gyldige datoer, og slutningen må ikke ligge før starten.',
    en: 'The period cannot be checked: it needs valid dates, and it may not end before it starts.',
  },
});

export class RulesException extends DomainException<RulesErrorCode> {
  protected readonly table = RULES_ERRORS;
}
