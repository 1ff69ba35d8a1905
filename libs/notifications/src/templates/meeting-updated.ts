import { meetingTemplate } from './meeting-body';

/** A planned meeting moved (or its place changed): the calendar update has the same UID. No notes, decisions or reasons: only kind, time and place (libs/citizen). */
export const template = meetingTemplate<'meeting-updated'>({
  da: {
    subject: 'Ændret: {{meetingKind}} {{date startsAt}}',
    intro: 'Et møde, du er inviteret til, er ændret. Her er det nye tidspunkt og sted.',
    outro: 'Din kalender bliver opdateret med den vedhæftede ændring.',
  },
  en: {
    subject: 'Changed: {{meetingKind}} on {{date startsAt}}',
    intro: 'A meeting you are invited to has changed. Here is the new time and place.',
    outro: 'Your calendar is updated by the attached change.',
  },
});
