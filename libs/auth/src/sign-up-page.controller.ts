import { Public } from '@jobbro/core';
import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { tokenPage } from './token-page';

/**
 * The page a sign-up mail links to (`/tilmelding/bekraeft#token=…`); see tokenPage for what
 * every such page does. The person confirms with one click, which sends `confirmEmployerSignUp`;
 * after a refusal they may try again.
 */
export const SIGN_UP_PAGE = tokenPage({
  title: 'Bekræft din e-mailadresse',
  lead: 'Tryk på knappen for at oprette din arbejdsgiverkonto i Jobbro.',
  leadEn: 'Press the button to create your employer account in Jobbro.',
  button: 'Bekræft og opret konto',
  mutation: {
    name: 'confirmEmployerSignUp',
    inputType: 'ConfirmEmployerSignUpInput',
    selection: 'user { email }',
  },
  onSuccess: `status.textContent = 'Din konto er oprettet. Log ind med et login-link til din e-mail, eller med din adgangskode, hvis du valgte en. / Your account is ready: sign in with a link sent to your email, or with your password if you chose one.';`,
  retryAfterRefusal: true,
});

@Controller('tilmelding')
export class SignUpPageController {
  @Public()
  @Get('bekraeft')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  page(@Res({ passthrough: true }) res: Response): string {
    res.setHeader('content-security-policy', SIGN_UP_PAGE.csp);
    return SIGN_UP_PAGE.html;
  }
}
