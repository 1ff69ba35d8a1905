import { defineErrors, DomainException } from '@jobbro/core';

/**
 * Messages never repeat what the client sent (a hostile string, a CVR number, an email): the
 * caller knows it, and a reply or a log line must not carry it back.
 */
export type CompanyErrorCode =
  | 'INVALID_CVR'
  | 'DUPLICATE_CVR'
  | 'COMPANY_NOT_FOUND'
  | 'UNKNOWN_POSTAL_CODE'
  | 'SITE_NOT_FOUND'
  | 'MENTOR_NOT_FOUND'
  | 'MENTOR_EMAIL_TAKEN'
  | 'UNKNOWN_OCCUPATION'
  | 'PLACEMENT_NOT_FOUND'
  | 'PLACEMENT_INVALID'
  | 'PLACEMENT_NOT_PUBLISHABLE'
  | 'PLACEMENT_INVALID_TRANSITION'
  | 'PLACEMENT_NOT_EDITABLE'
  | 'PLACEMENT_VERSION_CONFLICT'
  | 'JOB_CENTRE_NOT_FOUND'
  | 'PARTNERSHIP_NOT_FOUND'
  | 'PARTNERSHIP_EXISTS'
  | 'PARTNERSHIP_INVALID_TRANSITION'
  | 'PARTNERSHIP_PERIOD_INVALID'
  | 'NO_SUCH_SITE'
  | 'NO_SUCH_MENTOR'
  | 'SITE_IN_USE'
  | 'MENTOR_IN_USE'
  | 'MENTOR_DEACTIVATED'
  | 'MENTOR_HAS_LOGIN'
  | 'COMPANY_ADMIN_NOT_FOUND'
  | 'LAST_COMPANY_ADMIN'
  | 'INVITATION_INVALID'
  | 'COMPANY_HAS_ADMIN'
  | 'PARTNERSHIP_NOT_ACTIVE'
  | 'INVITER_NOT_COMPANY_ADMIN';

const COMPANY_ERRORS = defineErrors<CompanyErrorCode>({
  INVALID_CVR: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'CVR-nummeret er ikke gyldigt. Et CVR-nummer har 8 cifre; tjek for tastefejl.',
    en: 'The CVR number is not valid. A CVR number has 8 digits; check for typos.',
  },
  DUPLICATE_CVR: {
    graphqlCode: 'CONFLICT',
    da: 'En virksomhed med dette CVR-nummer er allerede registreret. Bed virksomhedens administrator om adgang.',
    en: 'A company with this CVR number is already registered. Ask its administrator for access.',
  },
  COMPANY_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Virksomheden findes ikke, eller du har ikke adgang til den.',
    en: 'The company does not exist, or you do not have access to it.',
  },
  UNKNOWN_POSTAL_CODE: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Postnummeret findes ikke i Danmark.',
    en: 'The postal code does not exist in Denmark.',
  },
  SITE_NOT_FOUND: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Arbejdsstedet findes ikke hos denne virksomhed.',
    en: 'The site does not exist at this company.',
  },
  MENTOR_NOT_FOUND: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Mentoren findes ikke hos denne virksomhed.',
    en: 'The mentor does not exist at this company.',
  },
  MENTOR_EMAIL_TAKEN: {
    graphqlCode: 'CONFLICT',
    da: 'Virksomheden har allerede en mentor med denne e-mailadresse.',
    en: 'The company already has a mentor with this email address.',
  },
  UNKNOWN_OCCUPATION: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Stillingsbetegnelsen findes ikke. Vælg en fra listen (søg med occupations).',
    en: 'The occupation does not exist. Choose one from the list (search with occupations).',
  },
  PLACEMENT_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Opslaget findes ikke, eller du har ikke adgang til det.',
    en: 'The placement does not exist, or you do not have access to it.',
  },
  PLACEMENT_INVALID: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Opslaget hænger ikke sammen; se felterne.',
    en: 'The placement is not consistent; see the fields.',
  },
  PLACEMENT_NOT_PUBLISHABLE: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Opslaget kan ikke offentliggøres endnu; se hvad der mangler.',
    en: 'The placement cannot be published yet; see what is missing.',
  },
  PLACEMENT_INVALID_TRANSITION: {
    graphqlCode: 'CONFLICT',
    da: 'Et opslag med status "{fromDa}" kan ikke {actionDa}.',
    en: 'A placement with status "{fromEn}" cannot be {actionEn}.',
  },
  PLACEMENT_NOT_EDITABLE: {
    graphqlCode: 'CONFLICT',
    da: 'Opslaget er lukket og kan ikke længere ændres.',
    en: 'The placement is closed and can no longer be changed.',
  },
  PLACEMENT_VERSION_CONFLICT: {
    graphqlCode: 'CONFLICT',
    da: 'Opslaget er ændret af en anden (det er nu version {actual}). Hent det igen og prøv igen.',
    en: 'Someone else changed the placement (it is now version {actual}). Reload it and try again.',
  },
  JOB_CENTRE_NOT_FOUND: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Jobcentret findes ikke.',
    en: 'The job centre does not exist.',
  },
  PARTNERSHIP_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Partnerskabet findes ikke, eller du har ikke adgang til det.',
    en: 'The partnership does not exist, or you do not have access to it.',
  },
  PARTNERSHIP_EXISTS: {
    graphqlCode: 'CONFLICT',
    da: 'Virksomheden har allerede et åbent partnerskab med dette jobcenter.',
    en: 'The company already has an open partnership with this job centre.',
  },
  PARTNERSHIP_PERIOD_INVALID: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Partnerskabet slutter før det begynder.',
    en: 'The partnership ends before it starts.',
  },
  PARTNERSHIP_INVALID_TRANSITION: {
    graphqlCode: 'CONFLICT',
    da: 'Et partnerskab med status "{fromDa}" kan ikke ændres til "{toDa}" af dig.',
    en: 'A partnership with status "{fromEn}" cannot be changed to "{toEn}" by you.',
  },
  NO_SUCH_SITE: {
    graphqlCode: 'NOT_FOUND',
    da: 'Arbejdsstedet findes ikke, eller du har ikke adgang til det.',
    en: 'The site does not exist, or you do not have access to it.',
  },
  NO_SUCH_MENTOR: {
    graphqlCode: 'NOT_FOUND',
    da: 'Mentoren findes ikke, eller du har ikke adgang til vedkommende.',
    en: 'The mentor does not exist, or you do not have access to them.',
  },
  SITE_IN_USE: {
    graphqlCode: 'CONFLICT',
    da: 'Arbejdsstedet bruges af opslaget "{title}" ({statusDa}){moreDa}. Luk opslaget eller flyt det til et andet arbejdssted først.',
    en: 'The site is used by the placement "{title}" ({statusEn}){moreEn}. Close it or move it to another site first.',
  },
  MENTOR_IN_USE: {
    graphqlCode: 'CONFLICT',
    da: 'Mentoren er mentor på opslaget "{title}" ({statusDa}){moreDa}. Vælg en anden mentor til opslaget eller luk det først.',
    en: 'The mentor mentors the placement "{title}" ({statusEn}){moreEn}. Choose another mentor for it or close it first.',
  },
  MENTOR_DEACTIVATED: {
    graphqlCode: 'CONFLICT',
    da: 'Mentoren er deaktiveret.',
    en: 'The mentor has been deactivated.',
  },
  MENTOR_HAS_LOGIN: {
    graphqlCode: 'CONFLICT',
    da: 'Mentoren har allerede et login.',
    en: 'The mentor already has a login.',
  },
  COMPANY_ADMIN_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Personen er ikke administrator for virksomheden.',
    en: 'The person is not an administrator of the company.',
  },
  LAST_COMPANY_ADMIN: {
    graphqlCode: 'CONFLICT',
    da: 'Virksomheden skal have mindst én administrator. Tilføj en anden administrator først.',
    en: 'The company must keep at least one administrator. Add another administrator first.',
  },
  INVITATION_INVALID: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Invitationen hænger ikke sammen; se felterne.',
    en: 'The invitation is not consistent; see the fields.',
  },
  COMPANY_HAS_ADMIN: {
    graphqlCode: 'FORBIDDEN',
    da: 'Virksomheden har allerede en administrator. Kun virksomhedens administratorer kan tilføje flere.',
    en: 'The company already has an administrator. Only its administrators can add more.',
  },
  PARTNERSHIP_NOT_ACTIVE: {
    graphqlCode: 'CONFLICT',
    da: 'Jobcentrets partnerskab med virksomheden er ikke længere aktivt, så invitationen gælder ikke.',
    en: 'The job centre’s partnership with the company is no longer active, so the invitation no longer holds.',
  },
  INVITER_NOT_COMPANY_ADMIN: {
    graphqlCode: 'CONFLICT',
    da: 'Den, der inviterede dig, er ikke længere administrator for virksomheden, så invitationen gælder ikke. Bed en administrator om en ny.',
    en: 'The person who invited you is no longer an administrator of the company, so the invitation no longer holds. Ask an administrator for a new one.',
  },
});

export class CompanyException extends DomainException<CompanyErrorCode> {
  protected readonly table = COMPANY_ERRORS;
}
