import { createHash } from 'node:crypto';
import { Public } from '@jobbro/core';
import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';

/**
 * The page a sign-up mail links to (`/tilmelding/bekraeft#token=…`), served by the API until the
 * portal exists. The token stays in the fragment, so it never reaches a server or its log, and
 * opening the page uses nothing up (mail scanners open links): the person confirms with one
 * click, which sends `confirmEmployerSignUp`. Danish first, with the English text beside it.
 */
const SCRIPT = `
const button = document.getElementById('confirm');
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
        query: 'mutation($input: ConfirmEmployerSignUpInput!) { confirmEmployerSignUp(input: $input) { user { email } } }',
        variables: { input: { token } },
      }),
    });
    const body = await res.json();
    if (body.data && body.data.confirmEmployerSignUp) {
      history.replaceState(null, '', location.pathname);
      status.textContent = 'Din konto er oprettet. Du kan nu logge ind med din e-mail og adgangskode. / Your account is ready: sign in with your email and password.';
    } else {
      button.disabled = false;
      status.textContent = (body.errors && body.errors[0] && body.errors[0].message) || 'Noget gik galt. Prøv igen. / Something went wrong. Try again.';
    }
  } catch {
    button.disabled = false;
    status.textContent = 'Jobbro kunne ikke nås. Prøv igen om lidt. / Jobbro could not be reached. Try again shortly.';
  }
});
`;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');

const PAGE = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bekræft din e-mailadresse – Jobbro</title>
</head>
<body>
<main>
<h1>Bekræft din e-mailadresse</h1>
<p>Tryk på knappen for at oprette din arbejdsgiverkonto i Jobbro.</p>
<p lang="en">Press the button to create your employer account in Jobbro.</p>
<button type="button" id="confirm">Bekræft og opret konto</button>
<p id="status" role="status" aria-live="polite"></p>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;

/** Only this page's own script may run, and it may talk only to this API. */
export const SIGN_UP_PAGE_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${sha256(SCRIPT)}'`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

@Controller('tilmelding')
export class SignUpPageController {
  @Public()
  @Get('bekraeft')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  page(@Res({ passthrough: true }) res: Response): string {
    res.setHeader('content-security-policy', SIGN_UP_PAGE_CSP);
    return PAGE;
  }
}
