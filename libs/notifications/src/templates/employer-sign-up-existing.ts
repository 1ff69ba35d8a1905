import type { MailTemplate } from '../template-engine';

/** Someone tried to sign up with an address that already has an account. */
export const template: MailTemplate<'employer-sign-up-existing'> = {
  da: {
    subject: 'Du har allerede en konto i Jobbro',
    text: `Hej {{displayName}}

Nogen har bedt om at oprette en konto i Jobbro med denne e-mailadresse, men du har allerede en.
Log ind her: {{signInUrl}}

Var det ikke dig, kan du se bort fra denne e-mail. Intet er ændret på din konto.

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{displayName}}</p>
<p>Nogen har bedt om at oprette en konto i Jobbro med denne e-mailadresse, men du har allerede en.</p>
<p>Log ind her: {{link signInUrl}}</p>
<p>Var det ikke dig, kan du se bort fra denne e-mail. Intet er ændret på din konto.</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: 'You already have a Jobbro account',
    text: `Hello {{displayName}}

Someone asked to create a Jobbro account with this email address, but you already have one.
Sign in here: {{signInUrl}}

If it was not you, you can ignore this email. Nothing has changed on your account.

Kind regards
Jobbro`,
    html: `<p>Hello {{displayName}}</p>
<p>Someone asked to create a Jobbro account with this email address, but you already have one.</p>
<p>Sign in here: {{link signInUrl}}</p>
<p>If it was not you, you can ignore this email. Nothing has changed on your account.</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
