import { defineErrors, DomainException } from '@jobbro/core';

export type AuthErrorCode = 'INVALID_CREDENTIALS' | 'INVALID_REFRESH_TOKEN' | 'EMAIL_TAKEN';

const AUTH_ERRORS = defineErrors<AuthErrorCode>({
  INVALID_CREDENTIALS: {
    graphqlCode: 'UNAUTHENTICATED',
    da: 'Forkert e-mail eller adgangskode.',
    en: 'Wrong email or password.',
  },
  INVALID_REFRESH_TOKEN: {
    graphqlCode: 'UNAUTHENTICATED',
    da: 'Din session er udløbet. Log ind igen.',
    en: 'Your session has expired. Sign in again.',
  },
  EMAIL_TAKEN: {
    graphqlCode: 'CONFLICT',
    da: 'Der findes allerede en bruger med den e-mailadresse.',
    en: 'A user with that email address already exists.',
  },
});

export class AuthException extends DomainException<AuthErrorCode> {
  protected readonly table = AUTH_ERRORS;
}
