import { defineErrors, DomainException } from '@jobbro/core';

export type AuthErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'INVALID_REFRESH_TOKEN'
  | 'NO_SESSION'
  | 'PORTAL_CLIENT_REQUIRED'
  | 'INVALID_SIGN_UP_TOKEN'
  | 'MAGIC_LINK_INVALID'
  | 'MAGIC_LINK_EXPIRED'
  | 'MAGIC_LINK_USED'
  | 'INVITATION_INVALID'
  | 'INVITATION_EXPIRED'
  | 'INVITATION_USED'
  | 'INVITATION_REVOKED'
  | 'INVITATION_ACCOUNT_EXISTS'
  | 'INVITATION_NOT_FOUND'
  | 'INVITATION_NOT_PENDING'
  | 'USER_NOT_FOUND'
  | 'LAST_ADMINISTRATOR'
  | 'NOT_ON_YOURSELF'
  | 'NOT_AN_ADMINISTRATOR'
  | 'ROLE_NOT_ALLOWED';

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
  NO_SESSION: {
    graphqlCode: 'UNAUTHENTICATED',
    da: 'Du er ikke logget ind. Log ind for at fortsætte.',
    en: 'You are not signed in. Sign in to continue.',
  },
  PORTAL_CLIENT_REQUIRED: {
    graphqlCode: 'FORBIDDEN',
    da: 'Kun Jobbro-portalen bruger denne adresse (headeren X-Jobbro-Client: portal mangler).',
    en: 'Only the Jobbro portal uses this address (the header X-Jobbro-Client: portal is missing).',
  },
  INVALID_SIGN_UP_TOKEN: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Linket er ugyldigt, udløbet eller allerede brugt. Tilmeld dig igen, eller log ind, hvis du allerede har en konto.',
    en: 'The link is invalid, has expired or has been used. Sign up again, or sign in if you already have an account.',
  },
  MAGIC_LINK_INVALID: {
    graphqlCode: 'UNAUTHENTICATED',
    da: 'Login-linket er ugyldigt. Bed om et nyt link.',
    en: 'The sign-in link is not valid. Ask for a new link.',
  },
  MAGIC_LINK_EXPIRED: {
    graphqlCode: 'UNAUTHENTICATED',
    da: 'Login-linket er udløbet. Bed om et nyt link.',
    en: 'The sign-in link has expired. Ask for a new link.',
  },
  MAGIC_LINK_USED: {
    graphqlCode: 'UNAUTHENTICATED',
    da: 'Login-linket er allerede brugt. Bed om et nyt link.',
    en: 'The sign-in link has already been used. Ask for a new link.',
  },
  INVITATION_INVALID: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Invitationslinket er ugyldigt. Bed den, der inviterede dig, om en ny invitation.',
    en: 'The invitation link is not valid. Ask the person who invited you for a new invitation.',
  },
  INVITATION_EXPIRED: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Invitationen er udløbet. Bed den, der inviterede dig, om at sende den igen.',
    en: 'The invitation has expired. Ask the person who invited you to send it again.',
  },
  INVITATION_USED: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Invitationen er allerede taget imod. Log ind med et login-link i stedet.',
    en: 'The invitation has already been accepted. Sign in with a sign-in link instead.',
  },
  INVITATION_REVOKED: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Invitationen er trukket tilbage.',
    en: 'The invitation has been withdrawn.',
  },
  INVITATION_ACCOUNT_EXISTS: {
    graphqlCode: 'CONFLICT',
    da: 'Adressen har allerede en konto med en anden rolle, så invitationen kan ikke bruges. Kontakt den, der inviterede dig.',
    en: 'The address already has an account with another role, so the invitation cannot be used. Contact the person who invited you.',
  },
  INVITATION_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Invitationen findes ikke.',
    en: 'The invitation does not exist.',
  },
  INVITATION_NOT_PENDING: {
    graphqlCode: 'CONFLICT',
    da: 'Invitationen er allerede taget imod eller trukket tilbage.',
    en: 'The invitation has already been accepted or withdrawn.',
  },
  USER_NOT_FOUND: {
    graphqlCode: 'NOT_FOUND',
    da: 'Brugeren findes ikke.',
    en: 'The user does not exist.',
  },
  LAST_ADMINISTRATOR: {
    graphqlCode: 'CONFLICT',
    da: 'Jobcenteret skal have mindst én aktiv administrator.',
    en: 'The job centre must keep at least one active administrator.',
  },
  NOT_ON_YOURSELF: {
    graphqlCode: 'FORBIDDEN',
    da: 'Du kan ikke gøre dette på din egen konto. Bed en anden administrator.',
    en: 'You cannot do this to your own account. Ask another administrator.',
  },
  NOT_AN_ADMINISTRATOR: {
    graphqlCode: 'FORBIDDEN',
    da: 'Du er ikke længere aktiv administrator i jobcenteret.',
    en: 'You are no longer an active administrator of the job centre.',
  },
  ROLE_NOT_ALLOWED: {
    graphqlCode: 'BAD_USER_INPUT',
    da: 'Rollen kan ikke gives her. Vælg en medarbejderrolle i jobcenteret.',
    en: 'That role cannot be given here. Choose a staff role of the job centre.',
  },
});

export class AuthException extends DomainException<AuthErrorCode> {
  protected readonly table = AUTH_ERRORS;
}
