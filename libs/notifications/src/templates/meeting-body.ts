import type { Language } from '@jobbro/core';
import type { MailKind } from '../mail';
import type { MailTemplate } from '../template-engine';

/** What differs between the meeting mails: the subject, the first line and the calendar line. */
export type MeetingWording = Record<Language, { subject: string; intro: string; outro: string }>;

/** The meeting's details, the same in every meeting mail: kind, time, place and organiser only. */
const DETAILS: Record<Language, { text: string; html: string }> = {
  da: {
    text: `Hej {{recipientName}}

@@INTRO@@

Hvad: {{meetingKind}}{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}}
Hvornår: {{date startsAt}} kl. {{time startsAt}}-{{time endsAt}}
{{#if location}}Hvor: {{location}}
{{/if}}Arrangør: {{organizerName}}

@@OUTRO@@

Venlig hilsen
Jobbro`,
    html: `<p>Hej {{recipientName}}</p>
<p>@@INTRO@@</p>
<ul>
<li>Hvad: {{meetingKind}}{{#if citizenFirstName}} med {{citizenFirstName}}{{/if}}</li>
<li>Hvornår: {{date startsAt}} kl. {{time startsAt}}-{{time endsAt}}</li>
{{#if location}}<li>Hvor: {{location}}</li>
{{/if}}<li>Arrangør: {{organizerName}}</li>
</ul>
<p>@@OUTRO@@</p>
<p>Venlig hilsen<br>Jobbro</p>`,
  },
  en: {
    text: `Hello {{recipientName}}

@@INTRO@@

What: {{meetingKind}}{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}}
When: {{date startsAt}}, {{time startsAt}}-{{time endsAt}}
{{#if location}}Where: {{location}}
{{/if}}Organiser: {{organizerName}}

@@OUTRO@@

Kind regards
Jobbro`,
    html: `<p>Hello {{recipientName}}</p>
<p>@@INTRO@@</p>
<ul>
<li>What: {{meetingKind}}{{#if citizenFirstName}} with {{citizenFirstName}}{{/if}}</li>
<li>When: {{date startsAt}}, {{time startsAt}}-{{time endsAt}}</li>
{{#if location}}<li>Where: {{location}}</li>
{{/if}}<li>Organiser: {{organizerName}}</li>
</ul>
<p>@@OUTRO@@</p>
<p>Kind regards<br>Jobbro</p>`,
  },
};

/**
 * Every meeting mail (invitation, update, cancellation) shares one body; each kind gives its
 * subject, first line and calendar line. No notes, decisions or reasons ever (libs/citizen).
 */
export function meetingTemplate<K extends MailKind>(wording: MeetingWording): MailTemplate<K> {
  const fill = (language: Language, source: string): string =>
    source
      .replace('@@INTRO@@', () => wording[language].intro)
      .replace('@@OUTRO@@', () => wording[language].outro);
  return {
    da: {
      subject: wording.da.subject,
      text: fill('da', DETAILS.da.text),
      html: fill('da', DETAILS.da.html),
    },
    en: {
      subject: wording.en.subject,
      text: fill('en', DETAILS.en.text),
      html: fill('en', DETAILS.en.html),
    },
  };
}
