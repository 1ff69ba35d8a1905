import { defineErrors, DomainException } from '@jobbro/core';

export type CitizenErrorCode =
  | 'CITIZEN_NOT_FOUND'
  | 'INVALID_CPR'
  | 'UNKNOWN_POSTAL_CODE'
  | 'UNKNOWN_TARGET_GROUP'
  | 'TARGET_GROUP_NOT_IN_FORCE'
  | 'UNKNOWN_OCCUPATION'
  | 'UNKNOWN_DIMENSION'
  | 'SCORE_OUT_OF_SCALE'
  | 'JOB_GOAL_NOT_FOUND'
  | 'TEAM_MEMBER_NOT_STAFF'
  | 'TEAM_MEMBER_NOT_ON_TEAM'
  | 'PLAN_ITEM_UNKNOWN'
  | 'PLAN_VERSION_CONFLICT'
  | 'CITIZEN_VERSION_CONFLICT'
  | 'COMPANY_NOT_FOUND'
  | 'CONSENT_NOT_FOUND'
  | 'NOT_A_CITIZEN'
  | 'TARGET_GROUP_BEFORE_CURRENT'
  | 'FOLLOW_UP_BEFORE_MEETING'
  | 'CITIZEN_HAS_LOGIN'
  | 'CITIZEN_CLOSED'
  | 'CITIZEN_EMAIL_MISSING'
  | 'CITIZEN_NO_EMAIL_CONTACT'
  | 'USER_IS_ANOTHER_CITIZEN'
  | 'CITIZEN_INVITER_GONE'
  | 'MEETING_NOT_FOUND'
  | 'MEETING_CANCELLED'
  | 'MEETING_TIME_INVALID'
  | 'MEETING_PARTICIPANT_NOT_ON_TEAM'
  | 'WORK_PROFILE_INVALID'
  | 'EMPLOYMENT_NOT_FOUND';

const CITIZEN_ERRORS = defineErrors<CitizenErrorCode>({
  CITIZEN_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Borgeren findes ikke.',
    en: 'The citizen does not exist.',
  },
  INVALID_CPR: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'CPR-nummeret er ikke gyldigt (DDMMÅÅ-XXXX med en rigtig dato).',
    en: 'The CPR number is not valid (DDMMYY-XXXX with a real date).',
  },
  UNKNOWN_POSTAL_CODE: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Postnummeret findes ikke i Danmark.',
    en: 'The postal code does not exist in Denmark.',
  },
  UNKNOWN_TARGET_GROUP: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Målgruppen findes ikke (se targetGroups).',
    en: 'The target group does not exist (see targetGroups).',
  },
  TARGET_GROUP_NOT_IN_FORCE: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Målgruppen {labelDa} gælder ikke den {onDa}; den gælder {periodDa}.',
    en: 'The target group {labelEn} is not in force on {onEn}; it applies {periodEn}.',
  },
  UNKNOWN_OCCUPATION: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'En af stillingsbetegnelserne findes ikke.',
    en: 'One of the occupations does not exist.',
  },
  UNKNOWN_DIMENSION: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Vurderingsområdet findes ikke (se assessmentDimensions).',
    en: 'The assessment dimension does not exist (see assessmentDimensions).',
  },
  SCORE_OUT_OF_SCALE: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Scoren skal være mellem 1 og {max} for dette område.',
    en: 'The score must be between 1 and {max} for this dimension.',
  },
  JOB_GOAL_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Jobmålet findes ikke.',
    en: 'The job goal does not exist.',
  },
  TEAM_MEMBER_NOT_STAFF: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Kun medarbejdere i borgerens jobcenter kan være på teamet.',
    en: 'Only staff of the citizen’s job centre can be on the team.',
  },
  TEAM_MEMBER_NOT_ON_TEAM: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Personen er ikke på borgerens team i den rolle.',
    en: 'That person is not on the citizen’s team in that role.',
  },
  PLAN_ITEM_UNKNOWN: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Et delmål eller en aktivitet har et id, som ikke findes i planen eller står der to gange. Udelad id for et nyt punkt.',
    en: 'A milestone or activity has an id that is not in the plan or appears twice. Leave out the id for a new item.',
  },
  PLAN_VERSION_CONFLICT: {
    graphqlCode: 'CONFLICT',
    da: 'Planen er ændret af en anden (den er nu version {actual}). Hent den igen; intet er gået tabt.',
    en: 'Someone else changed the plan (it is now version {actual}). Reload it; nothing was lost.',
  },
  CITIZEN_VERSION_CONFLICT: {
    graphqlCode: 'CONFLICT',
    da: 'Borgerens oplysninger er ændret af en anden. Hent dem igen og prøv igen.',
    en: 'Someone else changed the citizen’s details. Reload and try again.',
  },
  COMPANY_NOT_FOUND: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Virksomheden findes ikke blandt borgerens jobcenters samarbejdspartnere.',
    en: 'The company is not among the partners of the citizen’s job centre.',
  },
  CONSENT_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Samtykket findes ikke eller er allerede trukket tilbage.',
    en: 'The consent does not exist or was already withdrawn.',
  },
  NOT_A_CITIZEN: {
    graphqlCode: 'NOT_FOUND',
    da: 'Din bruger er ikke knyttet til en borger.',
    en: 'Your user is not linked to a citizen.',
  },
  TARGET_GROUP_BEFORE_CURRENT: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'En ny målgruppeperiode kan ikke begynde før den nuværende, som begyndte den {currentFromDa}.',
    en: 'A new target-group period cannot start before the current one, which started on {currentFromEn}.',
  },
  FOLLOW_UP_BEFORE_MEETING: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Næste opfølgning kan ikke ligge før mødet.',
    en: 'The next follow-up cannot be before the meeting.',
  },
  CITIZEN_HAS_LOGIN: {
    graphqlCode: 'CONFLICT',
    da: 'Borgeren har allerede et login til Jobbro.',
    en: 'The citizen already has a Jobbro login.',
  },
  CITIZEN_CLOSED: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Borgerens forløb er afsluttet; genåbn det, før borgeren inviteres.',
    en: 'The citizen’s case is closed; reopen it before inviting the citizen.',
  },
  CITIZEN_EMAIL_MISSING: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Borgeren har ingen e-mailadresse. Ret borgerens oplysninger (updateCitizen), før borgeren inviteres.',
    en: 'The citizen has no email address. Update the citizen (updateCitizen) before inviting them.',
  },
  CITIZEN_INVITER_GONE: {
    graphqlCode: 'CONFLICT',
    da: 'Invitationen gælder ikke længere. Bed jobcentret om en ny.',
    en: 'The invitation is no longer valid. Ask the job centre for a new one.',
  },
  CITIZEN_NO_EMAIL_CONTACT: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Borgeren ønsker ikke e-mails fra Jobbro. Aftal det med borgeren og ændr kontaktpræferencen først.',
    en: 'The citizen does not want emails from Jobbro. Agree it with them and change the contact preference first.',
  },
  USER_IS_ANOTHER_CITIZEN: {
    graphqlCode: 'CONFLICT',
    da: 'E-mailadressen hører til en anden borgers login. Brug borgerens egen adresse.',
    en: 'The email address belongs to another citizen’s login. Use the citizen’s own address.',
  },
  MEETING_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Mødet findes ikke.',
    en: 'The meeting does not exist.',
  },
  MEETING_CANCELLED: {
    graphqlCode: 'CONFLICT',
    da: 'Mødet er aflyst og kan ikke ændres.',
    en: 'The meeting is cancelled and cannot be changed.',
  },
  MEETING_TIME_INVALID: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Mødet skal begynde i fremtiden (højst to år frem) og slutte efter starten, højst 12 timer senere.',
    en: 'The meeting must start in the future (at most two years ahead) and end after it starts, at most 12 hours later.',
  },
  MEETING_PARTICIPANT_NOT_ON_TEAM: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Deltagere skal være medarbejdere på borgerens team.',
    en: 'Participants must be professionals on the citizen’s team.',
  },
  WORK_PROFILE_INVALID: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Oplysningerne kan ikke gemmes; se felterne.',
    en: 'The details cannot be saved; see the fields.',
  },
  EMPLOYMENT_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Ansættelsen findes ikke.',
    en: 'The employment does not exist.',
  },
});

export class CitizenException extends DomainException<CitizenErrorCode> {
  protected readonly table = CITIZEN_ERRORS;
}
