import type { MailTemplate } from '../template-engine';

/** A sign-in link (requestMagicLink). Sent only to an address that has an active account. */
export const template: MailTemplate<'magic-link'> = {
  da: {
    subject: 'Dit login-link til Jobbro',
    text: `Hej {{displayName}}

Du har bedt om at logge ind i Jobbro. Åbn linket herunder, og tryk på knappen på siden
(linket virker i {{validMinutes}} minutter og kan kun bruges én gang):

{{signInUrl}}

Har du ikke bedt om det, kan du se bort fra denne e-mail. Ingen kan logge ind uden linket.

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{displayName}}</p>
<p>Du har bedt om at logge ind i Jobbro. Åbn linket herunder, og tryk på knappen på siden
(linket virker i {{validMinutes}} minutter og kan kun bruges én gang):</p>
<p>{{link signInUrl}}</p>
<p>Har du ikke bedt om det, kan du se bort fra denne e-mail. Ingen kan logge ind uden linket.</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: 'Your sign-in link for Jobbro',
    text: `Hello {{displayName}}

You asked to sign in to Jobbro. Open the link below and press the button on the page
(the link works for {{validMinutes}} minutes and only once):

{{signInUrl}}

If you did not ask for it, you can ignore this email. Nobody can sign in without the link.

Kind regards
Jobbro`,
    html: `<p>Hello {{displayName}}</p>
<p>You asked to sign in to Jobbro. Open the link below and press the button on the page
(the link works for {{validMinutes}} minutes and only once):</p>
<p>{{link signInUrl}}</p>
<p>If you did not ask for it, you can ignore this email. Nobody can sign in without the link.</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
