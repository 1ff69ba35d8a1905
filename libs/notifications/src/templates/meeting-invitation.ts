import type { MailTemplate } from '../template-engine';

/** An invitation to a planned meeting, with the meeting as an iCalendar part. No notes, decisions or reasons: only kind, time and place (libs/citizen). */
export const template: MailTemplate<'meeting-invitation'> = {
  da: {
    subject: '{{meetingKind}} {{date startsAt}}',
    text: `Hej {{recipientName}}

Du er inviteret til et møde.

Hvad: {{meetingKind}}{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}}
Hvornår: {{date startsAt}} kl. {{time startsAt}}-{{time endsAt}}
{{#if location}}Hvor: {{location}}
{{/if}}Arrangør: {{organizerName}}

Mødet er vedhæftet, så du kan lægge det i din kalender.

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{recipientName}}</p>
<p>Du er inviteret til et møde.</p>
<ul>
<li>Hvad: {{meetingKind}}{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}}</li>
<li>Hvornår: {{date startsAt}} kl. {{time startsAt}}-{{time endsAt}}</li>
{{#if location}}<li>Hvor: {{location}}</li>
{{/if}}<li>Arrangør: {{organizerName}}</li>
</ul>
<p>Mødet er vedhæftet, så du kan lægge det i din kalender.</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: '{{meetingKind}} on {{date startsAt}}',
    text: `Hello {{recipientName}}

You are invited to a meeting.

What: {{meetingKind}}{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}}
When: {{date startsAt}}, {{time startsAt}}-{{time endsAt}}
{{#if location}}Where: {{location}}
{{/if}}Organiser: {{organizerName}}

The meeting is attached so you can add it to your calendar.

Kind regards
Jobbro`,
    html: `<p>Hello {{recipientName}}</p>
<p>You are invited to a meeting.</p>
<ul>
<li>What: {{meetingKind}}{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}}</li>
<li>When: {{date startsAt}}, {{time startsAt}}-{{time endsAt}}</li>
{{#if location}}<li>Where: {{location}}</li>
{{/if}}<li>Organiser: {{organizerName}}</li>
</ul>
<p>The meeting is attached so you can add it to your calendar.</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
