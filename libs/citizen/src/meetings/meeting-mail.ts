import type { Language } from '@jobbro/core';
import type { CalendarInvite, MeetingMailParams } from '@jobbro/notifications';
import { MeetingKind } from '../citizen.enums';

const KIND_LABELS: Record<MeetingKind, Record<Language, string>> = {
  [MeetingKind.Start]: { da: 'Opstartsmøde', en: 'Start meeting' },
  [MeetingKind.FollowUp]: { da: 'Opfølgningsmøde', en: 'Follow-up meeting' },
  [MeetingKind.Network]: { da: 'Netværksmøde', en: 'Network meeting' },
  [MeetingKind.Status]: { da: 'Statusmøde', en: 'Status meeting' },
};

export const meetingKindLabel = (kind: MeetingKind, language: Language): string =>
  KIND_LABELS[kind][language];

/** Someone a meeting mail goes to. */
export interface MeetingRecipient {
  /** `user:<id>` or `citizen:<id>`: the same person before and after a change. */
  key: string;
  userId: string | null;
  name: string;
  email: string;
  language: Language;
  isCitizen: boolean;
}

export type MeetingMailKind = 'meeting-invitation' | 'meeting-updated' | 'meeting-cancelled';

/** Who gets which mail when a meeting's people change: new ones an invitation, gone ones a cancellation. */
export function recipientChanges(
  before: readonly MeetingRecipient[],
  after: readonly MeetingRecipient[],
): { recipient: MeetingRecipient; kind: MeetingMailKind }[] {
  const was = new Set(before.map((r) => r.key));
  const is = new Set(after.map((r) => r.key));
  return [
    ...after.map((recipient) => ({
      recipient,
      kind: was.has(recipient.key) ? ('meeting-updated' as const) : ('meeting-invitation' as const),
    })),
    ...before
      .filter((r) => !is.has(r.key))
      .map((recipient) => ({ recipient, kind: 'meeting-cancelled' as const })),
  ];
}

export interface MeetingForMail {
  id: string;
  kind: MeetingKind;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  sequence: number;
}

/**
 * The mail's parameters: the meeting's kind, time and place, who organised it and, for staff, the
 * citizen's first name. Never notes, decisions or a cancellation's reason: mail leaves Jobbro's
 * access control, so nothing special-category (or free text that might be) goes in it.
 */
export function meetingMailParams(
  meeting: MeetingForMail,
  recipient: MeetingRecipient,
  organizerName: string,
  citizenFirstName: string,
): MeetingMailParams {
  return {
    recipientName: recipient.name,
    meetingKind: meetingKindLabel(meeting.kind, recipient.language),
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    location: meeting.location,
    organizerName,
    citizenFirstName: recipient.isCitizen ? null : citizenFirstName,
  };
}

/** The iCalendar part: the same UID for every version of a meeting, the sequence as stored. */
export function calendarInvite(
  meeting: MeetingForMail,
  recipient: MeetingRecipient,
  method: 'REQUEST' | 'CANCEL',
  organizer: { name: string; email: string },
  attendees: { name: string; email: string }[],
  citizenFirstName: string,
): CalendarInvite {
  const label = meetingKindLabel(meeting.kind, recipient.language);
  const summary = recipient.isCitizen
    ? `${label} (Jobbro)`
    : `${label} ${recipient.language === 'da' ? 'med' : 'with'} ${citizenFirstName}`;
  return {
    uid: `${meeting.id}@jobbro`,
    sequence: meeting.sequence,
    method,
    start: meeting.startsAt.toISOString(),
    end: meeting.endsAt.toISOString(),
    summary,
    location: meeting.location,
    description: recipient.language === 'da' ? 'Planlagt i Jobbro.' : 'Planned in Jobbro.',
    organizer,
    attendees,
  };
}
