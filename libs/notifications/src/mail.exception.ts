import { defineErrors, DomainException } from '@jobbro/core';

export type MailErrorCode = 'MESSAGE_NOT_FOUND' | 'ADMINISTRATOR_WITHOUT_JOB_CENTRE';

const MAIL_ERRORS = defineErrors<MailErrorCode>({
  // The same answer for an id that does not exist and one the caller may not see.
  MESSAGE_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Beskeden findes ikke blandt de fejlede beskeder, eller du har ikke adgang til den.',
    en: 'The message is not among the failed messages, or you do not have access to it.',
  },
  ADMINISTRATOR_WITHOUT_JOB_CENTRE: {
    graphqlCode: 'FORBIDDEN',
    da: 'Kun administratorer i et jobcenter kan se fejlede beskeder.',
    en: 'Only administrators of a job centre can see failed messages.',
  },
});

export class MailException extends DomainException<MailErrorCode> {
  protected readonly table = MAIL_ERRORS;
}
