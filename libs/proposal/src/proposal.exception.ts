import { defineErrors, DomainException } from '@jobbro/core';

export type ProposalErrorCode =
  | 'PROPOSAL_NOT_FOUND'
  | 'PROPOSAL_INVALID_TRANSITION'
  | 'PROPOSAL_NOT_YOURS'
  | 'PROPOSAL_REASON_REQUIRED'
  | 'PROPOSAL_REASON_NOT_ALLOWED'
  | 'PROPOSAL_PERIOD_INVALID'
  | 'PROPOSAL_ALREADY_OPEN'
  | 'PLACEMENT_NOT_OPEN'
  | 'ON_BEHALF_REQUIRED'
  | 'ON_BEHALF_NOT_ALLOWED'
  | 'NO_FREE_SEAT'
  | 'NO_FREE_MENTOR_SEAT'
  | 'CITIZEN_ALREADY_BOOKED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RULE_BLOCKS'
  | 'RULE_WARNING_NOT_OVERRIDDEN'
  | 'RULE_NOT_A_WARNING';

const PROPOSAL_ERRORS = defineErrors<ProposalErrorCode>({
  PROPOSAL_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Forslaget findes ikke, eller du har ikke adgang til det.',
    en: 'The proposal does not exist, or you do not have access to it.',
  },
  PROPOSAL_INVALID_TRANSITION: {
    graphqlCode: 'CONFLICT',
    da: 'Forslaget er {statusDa}, så det kan ikke længere {actionDa}. Hent siden igen for at se, hvad der er sket.',
    en: 'The proposal is {statusEn}, so it can no longer be {actionEn}. Reload to see what happened.',
  },
  PROPOSAL_NOT_YOURS: {
    graphqlCode: 'FORBIDDEN',
    da: 'Det er ikke dig, der skal svare på forslaget her.',
    en: 'It is not for you to answer the proposal here.',
  },
  PROPOSAL_REASON_REQUIRED: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Vælg en begrundelse.',
    en: 'Choose a reason.',
  },
  PROPOSAL_REASON_NOT_ALLOWED: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Den begrundelse kan ikke bruges her. Vælg en af dem, der vises.',
    en: 'That reason cannot be used here. Choose one of those shown.',
  },
  PROPOSAL_PERIOD_INVALID: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Perioden slutter før den begynder eller er længere end to år.',
    en: 'The period ends before it starts or is longer than two years.',
  },
  PROPOSAL_ALREADY_OPEN: {
    graphqlCode: 'CONFLICT',
    da: 'Borgeren har allerede et åbent forslag om denne praktikplads.',
    en: 'The citizen already has an open proposal for this slot.',
  },
  PLACEMENT_NOT_OPEN: {
    graphqlCode: 'CONFLICT',
    da: 'Praktikpladsen er ikke slået op lige nu, så den kan ikke foreslås eller bookes.',
    en: 'The slot is not published right now, so it cannot be proposed or booked.',
  },
  ON_BEHALF_REQUIRED: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Når du registrerer borgerens svar, skal du angive hvordan og hvornår borgeren svarede.',
    en: 'When you record the citizen’s answer, say how and when the citizen answered.',
  },
  ON_BEHALF_NOT_ALLOWED: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Du svarer selv; oplysninger om et svar på en andens vegne hører ikke til her.',
    en: 'You answer yourself; details of an answer on someone’s behalf do not belong here.',
  },
  NO_FREE_SEAT: {
    graphqlCode: 'CONFLICT',
    da: 'Praktikpladsen har ikke flere ledige pladser i perioden ({capacity} i alt). Vælg en anden periode eller plads.',
    en: 'The slot has no free seat in the period ({capacity} in all). Choose another period or slot.',
  },
  NO_FREE_MENTOR_SEAT: {
    graphqlCode: 'CONFLICT',
    da: 'Mentoren har ikke plads til flere borgere i perioden ({capacity} i alt).',
    en: 'The mentor has no room for more citizens in the period ({capacity} in all).',
  },
  CITIZEN_ALREADY_BOOKED: {
    graphqlCode: 'CONFLICT',
    da: 'Borgeren er allerede booket et andet sted i en del af perioden.',
    en: 'The citizen is already booked elsewhere for part of the period.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    graphqlCode: 'CONFLICT',
    da: 'Nøglen til gentagelse er allerede brugt til en anden forespørgsel. Brug en ny nøgle.',
    en: 'The idempotency key was already used for a different request. Use a new key.',
  },
  RULE_BLOCKS: {
    graphqlCode: 'CONFLICT',
    da: 'Reglerne tillader det ikke: {rulesDa}',
    en: 'The rules do not allow it: {rulesEn}',
  },
  RULE_WARNING_NOT_OVERRIDDEN: {
    graphqlCode: 'CONFLICT',
    da: 'Der er advarsler, som skal begrundes, før du kan fortsætte: {rulesDa}',
    en: 'There are warnings to give a reason for before you go on: {rulesEn}',
  },
  RULE_NOT_A_WARNING: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Kun advarsler kan tilsidesættes; en blokering kan ikke.',
    en: 'Only warnings can be overridden; a block cannot.',
  },
});

export class ProposalException extends DomainException<ProposalErrorCode> {
  protected readonly table = PROPOSAL_ERRORS;
}
