import type { MailTemplate } from '../template-engine';

/** A planned meeting moved (or its place changed): the calendar update has the same UID. No notes, decisions or reasons: only kind, time and place (libs/citizen). */
export const template: MailTemplate<'meeting-updated'> = {
  da: {
    subject: 'Ændret: {{meetingKind}} {{date startsAt}}',
    text: `Hej {{recipientName}}

Et møde, du er inviteret til, er ændret. Her er det nye tidspunkt og sted.

Hvad: {{meetingKind}}{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}}
Hvornår: {{date startsAt}} kl. {{time startsAt}}-{{time endsAt}}
{{#if location}}Hvor: {{location}}
{{/if}}Arrangør: {{organizerName}}

Din kalender bliver opdateret med den vedhæftede ændring.

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{recipientName}}</p>
<p>Et møde, du er inviteret til, er ændret. Her er det nye tidspunkt og sted.</p>
<ul>
<li>Hvad: {{meetingKind}}{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}}</li>
<li>Hvornår: {{date startsAt}} kl. {{time startsAt}}-{{time endsAt}}</li>
{{#if location}}<li>Hvor: {{location}}</li>
{{/if}}<li>Arrangør: {{organizerName}}</li>
</ul>
<p>Din kalender bliver opdateret med den vedhæftede ændring.</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: 'Changed: {{meetingKind}} on {{date startsAt}}',
    text: `Hello {{recipientName}}

A meeting you are invited to has changed. Here is the new time and place.

What: {{meetingKind}}{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}}
When: {{date startsAt}}, {{time startsAt}}-{{time endsAt}}
{{#if location}}Where: {{location}}
{{/if}}Organiser: {{organizerName}}

Your calendar is updated by the attached change.

Kind regards
Jobbro`,
    html: `<p>Hello {{recipientName}}</p>
<p>A meeting you are invited to has changed. Here is the new time and place.</p>
<ul>
<li>What: {{meetingKind}}{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}}</li>
<li>When: {{date startsAt}}, {{time startsAt}}-{{time endsAt}}</li>
{{#if location}}<li>Where: {{location}}</li>
{{/if}}<li>Organiser: {{organizerName}}</li>
</ul>
<p>Your calendar is updated by the attached change.</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
