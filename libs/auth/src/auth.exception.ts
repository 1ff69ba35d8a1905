import { defineErrors, DomainException } from '@jobbro/core';

export type AuthErrorCode =
  'INVALID_CREDENTIALS' | 'INVALID_REFRESH_TOKEN' | 'INVALID_SIGN_UP_TOKEN';

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
  INVALID_SIGN_UP_TOKEN: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Linket er ugyldigt, udløbet eller allerede brugt. Tilmeld dig igen, eller log ind, hvis du allerede har en konto.',
    en: 'The link is invalid, has expired or has been used. Sign up again, or sign in if you already have an account.',
  },
});

export class AuthException extends DomainException<AuthErrorCode> {
  protected readonly table = AUTH_ERRORS;
}
