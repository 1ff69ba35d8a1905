import type { MailTemplate } from '../template-engine';

/**
 * The sign-up confirmation. It does not repeat the name typed into the form: anyone can ask for
 * it to any address, so it carries no text of theirs.
 */
export const template: MailTemplate<'employer-sign-up-confirm'> = {
  da: {
    subject: 'Bekræft din e-mailadresse til Jobbro',
    text: `Hej

Nogen har bedt om en arbejdsgiverkonto i Jobbro med denne e-mailadresse.
Var det dig, så bekræft adressen ved at åbne linket herunder (gyldigt i {{validHours}} timer):

{{confirmUrl}}

Var det ikke dig, kan du se bort fra denne e-mail. Der oprettes ingen konto.

Venlig hilsen
Jobbro`,
    html: `<p>Hej</p>
<p>Nogen har bedt om en arbejdsgiverkonto i Jobbro med denne e-mailadresse.
Var det dig, så bekræft adressen ved at åbne linket herunder (gyldigt i {{validHours}} timer):</p>
<p>{{link confirmUrl}}</p>
<p>Var det ikke dig, kan du se bort fra denne e-mail. Der oprettes ingen konto.</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: 'Confirm your email address for Jobbro',
    text: `Hello

Someone asked for an employer account in Jobbro with this email address.
If it was you, confirm the address by opening the link below (valid for {{validHours}} hours):

{{confirmUrl}}

If it was not you, you can ignore this email. No account is created.

Kind regards
Jobbro`,
    html: `<p>Hello</p>
<p>Someone asked for an employer account in Jobbro with this email address.
If it was you, confirm the address by opening the link below (valid for {{validHours}} hours):</p>
<p>{{link confirmUrl}}</p>
<p>If it was not you, you can ignore this email. No account is created.</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
