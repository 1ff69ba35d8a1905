import { createHash } from 'node:crypto';

/**
 * The small pages a mail's link opens (sign-up confirmation, sign-in link, invitation), served by
 * the API until the portal exists. One skeleton for all of them:
 * - the token stays in the link's fragment, so it never reaches a server or its log; the page
 *   reads it into a variable and takes it out of the address bar (history.replaceState) before
 *   it is sent, so a failed attempt does not leave it there either;
 * - opening the page uses nothing up (mail scanners open links): only the one button sends the
 *   mutation with the token;
 * - only the page's own script may run (CSP with its hash), it talks only to this API, and the
 *   page sends no referrer.
 * Danish first, English beside it.
 */
export interface TokenPageSpec {
  /** Danish title (heading and window title). */
  title: string;
  lead: string;
  leadEn: string;
  /** The button's text. */
  button: string;
  /** The mutation the button sends with `{ input: { token } }`. */
  mutation: { name: string; inputType: string; selection: string };
  /** Script statements run after success, with the mutation's answer in `result`. */
  onSuccess: string;
  /**
   * Whether the button may be pressed again after a refusal. Always after a rate limit, an
   * internal error or an unreachable server.
   */
  retryAfterRefusal: boolean;
}

export interface TokenPage {
  html: string;
  /** The Content-Security-Policy header to send with the page. */
  csp: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');

function script(spec: TokenPageSpec): string {
  const { name, inputType, selection } = spec.mutation;
  const retry = spec.retryAfterRefusal
    ? 'true'
    : `code === 'TOO_MANY_REQUESTS' || code === 'INTERNAL_SERVER_ERROR'`;
  return `
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
  // The token is kept in the variable above; the address bar loses it whatever happens next.
  history.replaceState(null, '', location.pathname);
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'da' },
      body: JSON.stringify({
        query: 'mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }',
        variables: { input: { token } },
      }),
    });
    const body = await res.json();
    const result = body.data && body.data.${name};
    if (result) {
${spec.onSuccess
  .trim()
  .split('\n')
  .map((line) => `      ${line.trim()}`)
  .join('\n')}
    } else {
      status.textContent = (body.errors && body.errors[0] && body.errors[0].message) || 'Noget gik galt. Prøv igen. / Something went wrong. Try again.';
      const code = body.errors && body.errors[0] && body.errors[0].extensions && body.errors[0].extensions.code;
      button.disabled = !(${retry});
    }
  } catch {
    button.disabled = false;
    status.textContent = 'Jobbro kunne ikke nås. Prøv igen om lidt. / Jobbro could not be reached. Try again shortly.';
  }
});
`;
}

export function tokenPage(spec: TokenPageSpec): TokenPage {
  const js = script(spec);
  const html = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${spec.title} – Jobbro</title>
</head>
<body>
<main>
<h1>${spec.title}</h1>
<p>${spec.lead}</p>
<p lang="en">${spec.leadEn}</p>
<button type="button" id="go">${spec.button}</button>
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
