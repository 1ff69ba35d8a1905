import { defineErrors, DomainException } from './domain.exception';

export type CommonErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'ALREADY_EXISTS'
  | 'CONSTRAINT_VIOLATED'
  | 'REFERENCE_NOT_FOUND'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'DATABASE_UNAVAILABLE'
  | 'SHUTTING_DOWN'
  | 'QUERY_TIMEOUT'
  | 'TARGET_GROUP_OVERLAP'
  | 'PLACEMENT_RULES_BROKEN'
  | 'SEAT_TAKEN'
  | 'CAPACITY_BELOW_BOOKINGS'
  | 'OPEN_PROPOSAL_EXISTS'
  | 'INVALID_VALUE'
  | 'INTERNAL';

const COMMON_ERRORS = defineErrors<CommonErrorCode>({
  VALIDATION_FAILED: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Nogle felter er ikke udfyldt korrekt.',
    en: 'Some fields are not filled in correctly.',
  },
  UNAUTHENTICATED: {
    graphqlCode: 'UNAUTHENTICATED',
    da: 'Du skal logge ind for at se dette.',
    en: 'You need to sign in to see this.',
  },
  FORBIDDEN: {
    graphqlCode: 'FORBIDDEN',
    da: 'Du har ikke adgang til dette.',
    en: 'You do not have access to this.',
  },
  NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Det findes ikke, eller du har ikke adgang til det.',
    en: 'It does not exist, or you do not have access to it.',
  },
  VERSION_CONFLICT: {
    graphqlCode: 'CONFLICT',
    da: 'Nogen har ændret dette, mens du redigerede. Hent den nyeste version og prøv igen.',
    en: 'Someone changed this while you were editing. Load the latest version and try again.',
  },
  ALREADY_EXISTS: {
    graphqlCode: 'CONFLICT',
    da: 'Det findes allerede.',
    en: 'It already exists.',
  },
  CONSTRAINT_VIOLATED: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Ændringen bryder en regel for data og blev ikke gemt.',
    en: 'The change breaks a data rule and was not saved.',
  },
  REFERENCE_NOT_FOUND: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Noget, som ændringen henviser til, findes ikke.',
    en: 'Something the change refers to does not exist.',
  },
  QUERY_TOO_COMPLEX: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Forespørgslen er for stor ({complexity} > {max}). Del den op.',
    en: 'The query is too large ({complexity} > {max}). Split it up.',
  },
  RATE_LIMITED: {
    graphqlCode: 'TOO_MANY_REQUESTS',
    da: 'For mange forespørgsler. Prøv igen om {retryAfter} sekunder.',
    en: 'Too many requests. Try again in {retryAfter} seconds.',
  },
  PAYLOAD_TOO_LARGE: {
    graphqlCode: 'PAYLOAD_TOO_LARGE',
    da: 'Forespørgslen er for stor (højst {limit}).',
    en: 'The request is too large (at most {limit}).',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    graphqlCode: 'UNSUPPORTED_MEDIA_TYPE',
    da: 'Send forespørgslen som JSON i UTF-8 uden komprimering.',
    en: 'Send the request as JSON in UTF-8 without compression.',
  },
  DATABASE_UNAVAILABLE: {
    graphqlCode: 'SERVICE_UNAVAILABLE',
    da: 'Jobbro kan ikke nå sin database lige nu. Prøv igen om {retryAfter} sekunder.',
    en: 'Jobbro cannot reach its database right now. Try again in {retryAfter} seconds.',
  },
  SHUTTING_DOWN: {
    graphqlCode: 'SERVICE_UNAVAILABLE',
    da: 'Jobbro genstarter. Prøv igen om {retryAfter} sekunder.',
    en: 'Jobbro is restarting. Try again in {retryAfter} seconds.',
  },
  QUERY_TIMEOUT: {
    graphqlCode: 'SERVICE_UNAVAILABLE',
    da: 'Forespørgslen tog for lang tid og blev stoppet. Bed om mindre ad gangen, eller prøv igen om {retryAfter} sekunder.',
    en: 'The request took too long and was stopped. Ask for less at a time, or try again in {retryAfter} seconds.',
  },
  TARGET_GROUP_OVERLAP: {
    graphqlCode: 'CONFLICT',
    da: 'Borgeren har allerede en målgruppe i den periode. Vælg en startdato efter den gældende målgruppes start.',
    en: 'The citizen already has a target group in that period. Choose a start date after the current target group starts.',
  },
  PLACEMENT_RULES_BROKEN: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Opslaget bryder en regel for timer, startdatoer eller hvad der skal være udfyldt før offentliggørelse.',
    en: 'The slot breaks a rule for hours, start dates or what must be filled in before publishing.',
  },
  SEAT_TAKEN: {
    graphqlCode: 'CONFLICT',
    da: 'Pladsen blev taget af en anden booking i samme øjeblik, eller borgeren er allerede booket i perioden. Hent siden igen.',
    en: 'The seat was taken by another booking at the same moment, or the citizen is already booked for the period. Reload.',
  },
  CAPACITY_BELOW_BOOKINGS: {
    graphqlCode: 'CONFLICT',
    da: 'Antallet af pladser kan ikke sættes lavere end de pladser, der er booket nu.',
    en: 'The number of seats cannot be set below the seats booked now.',
  },
  OPEN_PROPOSAL_EXISTS: {
    graphqlCode: 'CONFLICT',
    da: 'Borgeren har allerede et åbent forslag om denne praktikplads.',
    en: 'The citizen already has an open proposal for this slot.',
  },
  INVALID_VALUE: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'En af værdierne er uden for det, der kan gemmes (fx en dato eller et tal).',
    en: 'One of the values is outside what can be stored (for example a date or a number).',
  },
  INTERNAL: {
    graphqlCode: 'INTERNAL_SERVER_ERROR',
    da: 'Der skete en uventet fejl. Prøv igen, eller kontakt support med fejl-id {correlationId}.',
    en: 'Something unexpected went wrong. Try again, or contact support with error id {correlationId}.',
  },
});

export class CommonException extends DomainException<CommonErrorCode> {
  protected readonly table = COMMON_ERRORS;
}

export const notFound = (): CommonException => new CommonException('NOT_FOUND');
export const forbidden = (): CommonException => new CommonException('FORBIDDEN');
