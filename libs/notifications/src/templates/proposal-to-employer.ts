import type { MailTemplate } from '../template-engine';

/** A candidate for one of the company's slots: the slot and period only, never the citizen's data. */
export const template: MailTemplate<'proposal-to-employer'> = {
  da: {
    subject: 'En kandidat til {{placementTitle}}',
    text: `Hej {{recipientName}}

Jobcentret foreslår en kandidat til jeres plads som {{placementTitle}} fra {{date start}} til {{date end}}.

Se det, kandidaten har valgt at dele, og svar her{{#if answerBy}} senest {{date answerBy}}{{/if}}: {{url}}

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{recipientName}}</p>
<p>Jobcentret foreslår en kandidat til jeres plads som {{placementTitle}} fra {{date start}} til {{date end}}.</p>
<p>Se det, kandidaten har valgt at dele, og svar{{#if answerBy}} senest {{date answerBy}}{{/if}}: {{link url}}.</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: 'A candidate for {{placementTitle}}',
    text: `Hello {{recipientName}}

The job centre proposes a candidate for your place as {{placementTitle}} from {{date start}} to {{date end}}.

See what the candidate chose to share, and answer here{{#if answerBy}} by {{date answerBy}}{{/if}}: {{url}}

Kind regards
Jobbro`,
    html: `<p>Hello {{recipientName}}</p>
<p>The job centre proposes a candidate for your place as {{placementTitle}} from {{date start}} to {{date end}}.</p>
<p>See what the candidate chose to share, and answer{{#if answerBy}} by {{date answerBy}}{{/if}}: {{link url}}.</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
