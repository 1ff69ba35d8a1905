import { createHash } from 'node:crypto';
import { Public } from '@jobbro/core';
import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';

/**
 * The pages the sign-in and invitation mails link to (`/log-ind/link#token=…`,
 * `/invitation#token=…`), served by the API until the portal exists. As with the sign-up page:
 * the token stays in the fragment (never in a server log), opening the page uses nothing up (mail
 * scanners open links), and only the one button sends the mutation that uses the token. After it,
 * the page says who is signed in and keeps the tokens in sessionStorage (`jobbro.accessToken`,
 * `jobbro.refreshToken`) for the portal to come. Danish first, English beside it.
 */
interface PageText {
  title: string;
  lead: string;
  leadEn: string;
  button: string;
  mutation: 'redeemMagicLink' | 'acceptInvitation';
}

const script = (mutation: PageText['mutation']): string => `
const button = document.getElementById('go');
const status = document.getElementById('status');
const token = new URLSearchParams(location.hash.slice(1)).get('token');
if (!token) {
  button.disabled = true;
  status.textContent = 'Linket er ufuldstændigt. Åbn det igen fra e-mailen. / The link is incomplete: open it again from the email.';
}
button.addEventListener('click', async () => {
  button.disabled = true;
  status.textContent = 'Et øjeblik … / One moment …';
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'da' },
      body: JSON.stringify({
        query: 'mutation($input: SignInTokenInput!) { ${mutation}(input: $input) { accessToken refreshToken expiresIn user { id email displayName role } } }',
        variables: { input: { token } },
      }),
    });
    const body = await res.json();
    const result = body.data && body.data.${mutation};
    if (result) {
      history.replaceState(null, '', location.pathname);
      sessionStorage.setItem('jobbro.accessToken', result.accessToken);
      sessionStorage.setItem('jobbro.refreshToken', result.refreshToken);
      button.hidden = true;
      status.textContent = 'Du er logget ind som ' + result.user.displayName + ' (' + result.user.email + '). / You are signed in as ' + result.user.displayName + ' (' + result.user.email + ').';
    } else {
      status.textContent = (body.errors && body.errors[0] && body.errors[0].message) || 'Noget gik galt. Prøv igen. / Something went wrong. Try again.';
      const code = body.errors && body.errors[0] && body.errors[0].extensions && body.errors[0].extensions.code;
      button.disabled = code !== 'TOO_MANY_REQUESTS' && code !== 'INTERNAL_SERVER_ERROR' ? true : false;
    }
  } catch {
    button.disabled = false;
    status.textContent = 'Jobbro kunne ikke nås. Prøv igen om lidt. / Jobbro could not be reached. Try again shortly.';
  }
});
`;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');

function page(text: PageText): { html: string; csp: string } {
  const js = script(text.mutation);
  const html = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${text.title} – Jobbro</title>
</head>
<body>
<main>
<h1>${text.title}</h1>
<p>${text.lead}</p>
<p lang="en">${text.leadEn}</p>
<button type="button" id="go">${text.button}</button>
<p id="status" role="status" aria-live="polite"></p>
</main>
<script>${js}</script>
</body>
</html>
`;
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(js)}'`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, csp };
}

export const MAGIC_LINK_PAGE = page({
  title: 'Log ind i Jobbro',
  lead: 'Tryk på knappen for at logge ind. Linket virker én gang.',
  leadEn: 'Press the button to sign in. The link works once.',
  button: 'Log ind / Sign in',
  mutation: 'redeemMagicLink',
});

export const INVITATION_PAGE = page({
  title: 'Tag imod invitationen',
  lead: 'Tryk på knappen for at tage imod invitationen og logge ind i Jobbro. Du skal ikke vælge en adgangskode.',
  leadEn:
    'Press the button to accept the invitation and sign in to Jobbro. You do not need a password.',
  button: 'Tag imod / Accept',
  mutation: 'acceptInvitation',
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
