import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { CalendarInvite } from './mail';
import { plainValue } from './template-engine';

/**
 * The iCalendar text (RFC 5545) of an invitation or cancellation, for nodemailer's icalEvent.
 * ical-generator escapes the values; names and free text are also cleaned and bounded first.
 */
export function calendarText(invite: CalendarInvite): string {
  const cancel = invite.method === 'CANCEL';
  const calendar = ical({
    prodId: { company: 'Jobbro', product: 'Jobbro', language: 'DA' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    start: new Date(invite.start),
    end: new Date(invite.end),
    summary: plainValue(invite.summary, 300),
    location: invite.location === null ? null : plainValue(invite.location, 300),
    description: invite.description === undefined ? null : plainValue(invite.description, 2000),
    organizer: { name: plainValue(invite.organizer.name), email: invite.organizer.email },
    attendees: invite.attendees.map((a) => ({
      name: plainValue(a.name),
      email: a.email,
      rsvp: !cancel,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
    })),
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
