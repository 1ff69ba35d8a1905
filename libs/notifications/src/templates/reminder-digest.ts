import type { MailTemplate } from '../template-engine';

/**
 * The day's reminders in one mail (recipients who chose a daily digest). The same items and the
 * same restraint as `reminder`.
 */
export const template: MailTemplate<'reminder-digest'> = {
  da: {
    subject: 'Dagens påmindelser fra Jobbro',
    text: `Hej {{recipientName}}

Her er dagens påmindelser:
{{#each items}}
- {{#if isMeeting}}{{meetingKind}}{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}} i morgen, {{date startsAt}} kl. {{time startsAt}}{{#if location}}, {{location}}{{/if}}{{/if}}{{#if isFollowUp}}Opfølgning{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}} skal ske i morgen, {{date dueOn}}{{/if}}{{#if isMilestone}}{{#if citizenFirstName}}Et delmål i {{citizenFirstName}}s plan{{else}}Et delmål i din plan{{/if}} har frist {{date deadline}}{{/if}}
{{/each}}

Log ind i Jobbro for at se detaljerne.

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{recipientName}}</p>
<p>Her er dagens påmindelser:</p>
<ul>
{{#each items}}<li>{{#if isMeeting}}{{meetingKind}}{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}} i morgen, {{date startsAt}} kl. {{time startsAt}}{{#if location}}, {{location}}{{/if}}{{/if}}{{#if isFollowUp}}Opfølgning{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}} skal ske i morgen, {{date dueOn}}{{/if}}{{#if isMilestone}}{{#if citizenFirstName}}Et delmål i {{citizenFirstName}}s plan{{else}}Et delmål i din plan{{/if}} har frist {{date deadline}}{{/if}}</li>
{{/each}}</ul>
<p>Log ind i Jobbro for at se detaljerne.</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: 'Today’s reminders from Jobbro',
    text: `Hello {{recipientName}}

Here are today’s reminders:
{{#each items}}
- {{#if isMeeting}}{{meetingKind}}{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}} tomorrow, {{date startsAt}} at {{time startsAt}}{{#if location}}, {{location}}{{/if}}{{/if}}{{#if isFollowUp}}A follow-up{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}} is due tomorrow, {{date dueOn}}{{/if}}{{#if isMilestone}}{{#if citizenFirstName}}A milestone in {{citizenFirstName}}’s plan{{else}}A milestone in your plan{{/if}} is due {{date deadline}}{{/if}}
{{/each}}

Sign in to Jobbro to see the details.

Kind regards
Jobbro`,
    html: `<p>Hello {{recipientName}}</p>
<p>Here are today’s reminders:</p>
<ul>
{{#each items}}<li>{{#if isMeeting}}{{meetingKind}}{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}} tomorrow, {{date startsAt}} at {{time startsAt}}{{#if location}}, {{location}}{{/if}}{{/if}}{{#if isFollowUp}}A follow-up{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}} is due tomorrow, {{date dueOn}}{{/if}}{{#if isMilestone}}{{#if citizenFirstName}}A milestone in {{citizenFirstName}}’s plan{{else}}A milestone in your plan{{/if}} is due {{date deadline}}{{/if}}</li>
{{/each}}</ul>
<p>Sign in to Jobbro to see the details.</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
