import type { MailTemplate } from '../template-engine';

/** An invitation for a citizen to get their own login: a single-use link that creates the account. */
export const template: MailTemplate<'invitation-citizen'> = {
  da: {
    subject: 'Du er inviteret til Jobbro',
    text: `Hej {{displayName}}

{{inviterName}} har inviteret dig til Jobbro som borger hos {{organisationName}}, så du selv kan se din plan og dine aftaler.
Åbn linket herunder, og tryk på knappen på siden for at tage imod invitationen
(linket virker i {{validDays}} dage og kan kun bruges én gang):

{{acceptUrl}}

Du skal ikke vælge en adgangskode: næste gang logger du ind med et login-link, som du får
tilsendt på e-mail.

Kender du ikke afsenderen, kan du se bort fra denne e-mail.

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{displayName}}</p>
<p>{{inviterName}} har inviteret dig til Jobbro som borger hos {{organisationName}}, så du selv kan se din plan og dine aftaler.
Åbn linket herunder, og tryk på knappen på siden for at tage imod invitationen
(linket virker i {{validDays}} dage og kan kun bruges én gang):</p>
<p>{{link acceptUrl}}</p>
<p>Du skal ikke vælge en adgangskode: næste gang logger du ind med et login-link, som du får
tilsendt på e-mail.</p>
<p>Kender du ikke afsenderen, kan du se bort fra denne e-mail.</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: 'You are invited to Jobbro',
    text: `Hello {{displayName}}

{{inviterName}} has invited you to Jobbro as a citizen of {{organisationName}}, so you can see your plan and agreements yourself.
Open the link below and press the button on the page to accept the invitation
(the link works for {{validDays}} days and only once):

{{acceptUrl}}

You do not need a password: next time you sign in with a sign-in link sent to your email.

If you do not know the sender, you can ignore this email.

Kind regards
Jobbro`,
    html: `<p>Hello {{displayName}}</p>
<p>{{inviterName}} has invited you to Jobbro as a citizen of {{organisationName}}, so you can see your plan and agreements yourself.
Open the link below and press the button on the page to accept the invitation
(the link works for {{validDays}} days and only once):</p>
<p>{{link acceptUrl}}</p>
<p>You do not need a password: next time you sign in with a sign-in link sent to your email.</p>
<p>If you do not know the sender, you can ignore this email.</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
