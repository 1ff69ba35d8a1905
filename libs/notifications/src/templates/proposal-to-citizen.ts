import type { MailTemplate } from '../template-engine';

/** A slot proposed to the citizen: what, where, when, and where to answer. No notes or reasons. */
export const template: MailTemplate<'proposal-to-citizen'> = {
  da: {
    subject: 'Forslag om praktik: {{placementTitle}}',
    text: `Hej {{recipientName}}

Din jobkonsulent foreslår dig en plads som {{placementTitle}} hos {{companyName}} fra {{date start}} til {{date end}}.

Se forslaget og svar her{{#if answerBy}} senest {{date answerBy}}{{/if}}: {{url}}
Du vælger selv, hvad virksomheden må se om dig.

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{recipientName}}</p>
<p>Din jobkonsulent foreslår dig en plads som {{placementTitle}} hos {{companyName}} fra {{date start}} til {{date end}}.</p>
<p>Se forslaget og svar{{#if answerBy}} senest {{date answerBy}}{{/if}}: {{link url}}. Du vælger selv, hvad virksomheden må se om dig.</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: 'A placement proposed to you: {{placementTitle}}',
    text: `Hello {{recipientName}}

Your job consultant proposes a place as {{placementTitle}} at {{companyName}} from {{date start}} to {{date end}}.

See the proposal and answer here{{#if answerBy}} by {{date answerBy}}{{/if}}: {{url}}
You choose what the company may see about you.

Kind regards
Jobbro`,
    html: `<p>Hello {{recipientName}}</p>
<p>Your job consultant proposes a place as {{placementTitle}} at {{companyName}} from {{date start}} to {{date end}}.</p>
<p>See the proposal and answer{{#if answerBy}} by {{date answerBy}}{{/if}}: {{link url}}. You choose what the company may see about you.</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
