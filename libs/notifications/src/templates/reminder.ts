import type { MailTemplate } from '../template-engine';

/**
 * One reminder (recipients who chose immediate mails): a planned meeting tomorrow, a follow-up
 * due tomorrow, or a milestone due this week. Only kind, dates, place and (for staff) the
 * citizen's first name: no plan text, notes or decisions (libs/citizen/src/reminders).
 */
export const template: MailTemplate<'reminder'> = {
  da: {
    subject: 'Påmindelse fra Jobbro',
    text: `Hej {{recipientName}}

{{#if item.isMeeting}}{{item.meetingKind}}{{#if item.citizenFirstName}} med {{item.citizenFirstName}}{{/if}} i morgen, {{date item.startsAt}} kl. {{time item.startsAt}}{{#if item.location}}, {{item.location}}{{/if}}{{/if}}{{#if item.isFollowUp}}Opfølgning{{#if item.citizenFirstName}} med {{item.citizenFirstName}}{{/if}} skal ske i morgen, {{date item.dueOn}}{{/if}}{{#if item.isMilestone}}{{#if item.citizenFirstName}}Et delmål i {{item.citizenFirstName}}s plan{{else}}Et delmål i din plan{{/if}} har frist {{date item.deadline}}{{/if}}.

Log ind i Jobbro for at se detaljerne.

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{recipientName}}</p>
<p>{{#if item.isMeeting}}{{item.meetingKind}}{{#if item.citizenFirstName}} med {{item.citizenFirstName}}{{/if}} i morgen, {{date item.startsAt}} kl. {{time item.startsAt}}{{#if item.location}}, {{item.location}}{{/if}}{{/if}}{{#if item.isFollowUp}}Opfølgning{{#if item.citizenFirstName}} med {{item.citizenFirstName}}{{/if}} skal ske i morgen, {{date item.dueOn}}{{/if}}{{#if item.isMilestone}}{{#if item.citizenFirstName}}Et delmål i {{item.citizenFirstName}}s plan{{else}}Et delmål i din plan{{/if}} har frist {{date item.deadline}}{{/if}}.</p>
<p>Log ind i Jobbro for at se detaljerne.</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    subject: 'Reminder from Jobbro',
    text: `Hello {{recipientName}}

{{#if item.isMeeting}}{{item.meetingKind}}{{#if item.citizenFirstName}} with {{item.citizenFirstName}}{{/if}} tomorrow, {{date item.startsAt}} at {{time item.startsAt}}{{#if item.location}}, {{item.location}}{{/if}}{{/if}}{{#if item.isFollowUp}}A follow-up{{#if item.citizenFirstName}} with {{item.citizenFirstName}}{{/if}} is due tomorrow, {{date item.dueOn}}{{/if}}{{#if item.isMilestone}}{{#if item.citizenFirstName}}A milestone in {{item.citizenFirstName}}’s plan{{else}}A milestone in your plan{{/if}} is due {{date item.deadline}}{{/if}}.

Sign in to Jobbro to see the details.

Kind regards
Jobbro`,
    html: `<p>Hello {{recipientName}}</p>
<p>{{#if item.isMeeting}}{{item.meetingKind}}{{#if item.citizenFirstName}} with {{item.citizenFirstName}}{{/if}} tomorrow, {{date item.startsAt}} at {{time item.startsAt}}{{#if item.location}}, {{item.location}}{{/if}}{{/if}}{{#if item.isFollowUp}}A follow-up{{#if item.citizenFirstName}} with {{item.citizenFirstName}}{{/if}} is due tomorrow, {{date item.dueOn}}{{/if}}{{#if item.isMilestone}}{{#if item.citizenFirstName}}A milestone in {{item.citizenFirstName}}’s plan{{else}}A milestone in your plan{{/if}} is due {{date item.deadline}}{{/if}}.</p>
<p>Sign in to Jobbro to see the details.</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};
