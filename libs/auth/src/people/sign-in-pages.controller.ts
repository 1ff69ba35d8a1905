import { Public } from '@jobbro/core';
import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { tokenPage } from '../token-page';

/**
 * The pages the sign-in and invitation mails link to (`/log-ind/link#token=…`,
 * `/invitation#token=…`); see tokenPage for what every such page does. After a successful
 * sign-in, the page says who is signed in and keeps the tokens in sessionStorage
 * (`jobbro.accessToken`, `jobbro.refreshToken`) for the portal to come. A refused token is not
 * tried again (the button stays off), except after a rate limit or an outage.
 */
const SIGNED_IN = `
sessionStorage.setItem('jobbro.accessToken', result.accessToken);
sessionStorage.setItem('jobbro.refreshToken', result.refreshToken);
button.hidden = true;
status.textContent = 'Du er logget ind som ' + result.user.displayName + ' (' + result.user.email + '). / You are signed in as ' + result.user.displayName + ' (' + result.user.email + ').';
`;

const signInMutation = (name: string) => ({
  name,
  inputType: 'SignInTokenInput',
  selection: 'accessToken refreshToken expiresIn user { id email displayName role }',
});

export const MAGIC_LINK_PAGE = tokenPage({
  title: 'Log ind i Jobbro',
  lead: 'Tryk på knappen for at logge ind. Linket virker én gang.',
  leadEn: 'Press the button to sign in. The link works once.',
  button: 'Log ind / Sign in',
  mutation: signInMutation('redeemMagicLink'),
  onSuccess: SIGNED_IN,
  retryAfterRefusal: false,
});

export const INVITATION_PAGE = tokenPage({
  title: 'Tag imod invitationen',
  lead: 'Tryk på knappen for at tage imod invitationen og logge ind i Jobbro. Du skal ikke vælge en adgangskode.',
  leadEn:
    'Press the button to accept the invitation and sign in to Jobbro. You do not need a password.',
  button: 'Tag imod / Accept',
  mutation: signInMutation('acceptInvitation'),
  onSuccess: SIGNED_IN,
  retryAfterRefusal: false,
});

@Controller()
export class SignInPagesController {
  @Public()
  @Get('log-ind/link')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  magicLink(@Res({ passthrough: true }) res: Response): string {
    res.setHeader('content-security-policy', MAGIC_LINK_PAGE.csp);
    return MAGIC_LINK_PAGE.html;
  }

  @Public()
  @Get('invitation')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  invitation(@Res({ passthrough: true }) res: Response): string {
    res.setHeader('content-security-policy', INVITATION_PAGE.csp);
    return INVITATION_PAGE.html;
  }
}
