import type { MailTemplate } from '../template-engine';

/** A planned meeting cancelled (or the recipient taken off it): METHOD:CANCEL with the same UID. No notes, decisions or reasons: only kind, time and place (libs/citizen). */
export const template: MailTemplate<'meeting-cancelled'> = {
  da: {
    subject: 'Aflyst: {{meetingKind}} {{date startsAt}}',
    text: `Hej {{recipientName}}

Et møde, du var inviteret til, er aflyst (eller du er ikke længere med).

Hvad: {{meetingKind}}{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}}
Hvornår: {{date startsAt}} kl. {{time startsAt}}-{{time endsAt}}
{{#if location}}Hvor: {{location}}
{{/if}}Arrangør: {{organizerName}}

Den vedhæftede aflysning fjerner mødet fra din kalender.

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{recipientName}}</p>
<p>Et møde, du var inviteret til, er aflyst (eller du er ikke længere med).</p>
<ul>
<li>Hvad: {{meetingKind}}{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}}</li>
<li>Hvornår: {{date startsAt}} kl. {{time startsAt}}-{{time endsAt}}</li>
{{#if location}}<li>Hvor: {{location}}</li>
{{/if}}<li>Arrangør: {{organizerName}}</li>
</ul>
<p>Den vedhæftede aflysning fjerner mødet fra din kalender.</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: 'Cancelled: {{meetingKind}} on {{date startsAt}}',
    text: `Hello {{recipientName}}

A meeting you were invited to has been cancelled (or you are no longer part of it).

What: {{meetingKind}}{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}}
When: {{date startsAt}}, {{time startsAt}}-{{time endsAt}}
{{#if location}}Where: {{location}}
{{/if}}Organiser: {{organizerName}}

The attached cancellation removes the meeting from your calendar.

Kind regards
Jobbro`,
    html: `<p>Hello {{recipientName}}</p>
<p>A meeting you were invited to has been cancelled (or you are no longer part of it).</p>
<ul>
<li>What: {{meetingKind}}{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}}</li>
<li>When: {{date startsAt}}, {{time startsAt}}-{{time endsAt}}</li>
{{#if location}}<li>Where: {{location}}</li>
{{/if}}<li>Organiser: {{organizerName}}</li>
</ul>
<p>The attached cancellation removes the meeting from your calendar.</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
