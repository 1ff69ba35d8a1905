import { meetingTemplate } from './meeting-body';

/** A planned meeting cancelled (or the recipient taken off it): METHOD:CANCEL with the same UID. No notes, decisions or reasons: only kind, time and place (libs/citizen). */
export const template = meetingTemplate<'meeting-cancelled'>({
  da: {
    subject: 'Aflyst: {{meetingKind}} {{date startsAt}}',
    intro: 'Et møde, du var inviteret til, er aflyst (eller du er ikke længere med).',
    outro: 'Den vedhæftede aflysning fjerner mødet fra din kalender.',
  },
  en: {
    subject: 'Cancelled: {{meetingKind}} on {{date startsAt}}',
    intro: 'A meeting you were invited to has been cancelled (or you are no longer part of it).',
    outro: 'The attached cancellation removes the meeting from your calendar.',
  },
});
