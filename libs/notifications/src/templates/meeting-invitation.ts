import { meetingTemplate } from './meeting-body';

/** An invitation to a planned meeting, with the meeting as an iCalendar part. No notes, decisions or reasons: only kind, time and place (libs/citizen). */
export const template = meetingTemplate<'meeting-invitation'>({
  da: {
    subject: '{{meetingKind}} {{date startsAt}}',
    intro: 'Du er inviteret til et møde.',
    outro: 'Mødet er vedhæftet, så du kan lægge det i din kalender.',
  },
  en: {
    subject: '{{meetingKind}} on {{date startsAt}}',
    intro: 'You are invited to a meeting.',
    outro: 'The meeting is attached so you can add it to your calendar.',
  },
});
