import type { MailTemplate } from '../template-engine';

/** News of a proposal the recipient follows: its new status, no reasons or notes. */
export const template: MailTemplate<'proposal-update'> = {
  da: {
    subject: 'Forslaget om {{placementTitle}} er {{status}}',
    text: `Hej {{recipientName}}

Forslaget om pladsen som {{placementTitle}} hos {{companyName}} ({{date start}} til {{date end}}) er nu {{status}}.

Se forslaget her: {{url}}

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{recipientName}}</p>
<p>Forslaget om pladsen som {{placementTitle}} hos {{companyName}} ({{date start}} til {{date end}}) er nu {{status}}.</p>
<p>Se forslaget: {{link url}}</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: 'The proposal of {{placementTitle}} is {{status}}',
    text: `Hello {{recipientName}}

The proposal of the place as {{placementTitle}} at {{companyName}} ({{date start}} to {{date end}}) is now {{status}}.

See the proposal here: {{url}}

Kind regards
Jobbro`,
    html: `<p>Hello {{recipientName}}</p>
<p>The proposal of the place as {{placementTitle}} at {{companyName}} ({{date start}} to {{date end}}) is now {{status}}.</p>
<p>See the proposal: {{link url}}</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
