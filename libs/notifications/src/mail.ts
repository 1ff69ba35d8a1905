import type { Language } from '@jobbro/core';

/** Every kind of message Jobbro sends; each has one Danish and one English template. */
export type MailKind =
  | 'employer-sign-up-confirm'
  | 'employer-sign-up-existing'
  // Citizen: planned meetings (with an iCalendar part) and reminders.
  | 'meeting-invitation'
  | 'meeting-updated'
  | 'meeting-cancelled'
  | 'reminder'
  | 'reminder-digest'
  // Sign-in by link and invitations (PEOPLE).
  | 'magic-link'
  | 'invitation-staff'
  | 'invitation-company-admin'
  | 'invitation-mentor'
  | 'invitation-citizen'
  // Proposals (libs/proposal): an answer awaited, and news of a proposal one follows.
  | 'proposal-to-citizen'
  | 'proposal-to-employer'
  | 'proposal-update';

/**
 * The parameters each kind's template takes. All are plain values (strings, numbers, booleans,
 * arrays and objects of them); the template engine cleans and escapes them, templates never do.
 */
export interface MailParams {
  'employer-sign-up-confirm': { confirmUrl: string; validHours: number };
  'employer-sign-up-existing': { displayName: string; signInUrl: string };
  'meeting-invitation': MeetingMailParams;
  'meeting-updated': MeetingMailParams;
  'meeting-cancelled': MeetingMailParams;
  reminder: { recipientName: string; item: ReminderMailItem };
  'reminder-digest': { recipientName: string; items: ReminderMailItem[] };
  'magic-link': { displayName: string; signInUrl: string; validMinutes: number };
  'invitation-staff': InvitationMailParams;
  'invitation-company-admin': InvitationMailParams;
  'invitation-mentor': InvitationMailParams;
  'invitation-citizen': InvitationMailParams;
  'proposal-to-citizen': ProposalMailParams;
  'proposal-to-employer': ProposalMailParams;
  'proposal-update': ProposalMailParams & { status: string };
}

/**
 * A proposal as its mails show it: the slot, the company, the period and the link. Never the
 * citizen's data (an employer's mail does not even name them), notes or reasons. `status` is
 * already in the recipient's language; `answerBy` is an ISO instant or null.
 */
export interface ProposalMailParams {
  recipientName: string;
  placementTitle: string;
  companyName: string;
  start: string;
  end: string;
  answerBy: string | null;
  url: string;
}

/**
 * A planned meeting as its mails show it (libs/citizen): kind (already in the recipient's
 * language), time (ISO instants) and place; the citizen's first name for staff (null in the
 * citizen's own mail). Never notes, decisions or reasons.
 */
export interface MeetingMailParams {
  recipientName: string;
  meetingKind: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  organizerName: string;
  citizenFirstName: string | null;
}

/**
 * One reminder (libs/citizen): exactly one of the three flags is true. `citizenFirstName` is null
 * in the citizen's own reminders; `startsAt` only for a planned meeting, `deadline` (YYYY-MM-DD)
 * only for a milestone, `dueOn` only for a recorded follow-up date.
 */
export interface ReminderMailItem {
  isMeeting: boolean;
  isFollowUp: boolean;
  isMilestone: boolean;
  citizenFirstName: string | null;
  meetingKind: string | null;
  startsAt: string | null;
  location: string | null;
  dueOn: string | null;
  deadline: string | null;
}

/** Every invitation mail (PEOPLE): who invites whom into what, and the single-use link. */
export interface InvitationMailParams {
  displayName: string;
  inviterName: string;
  /** The company or job centre; null for a company admin invited to register a new company. */
  organisationName: string | null;
  /** The role the person gets, in both languages. */
  role: { da: string; en: string };
  acceptUrl: string;
  validDays: number;
}

/**
 * A meeting to put in the recipients' calendars (an iCalendar part, METHOD:REQUEST or CANCEL).
 * The same `uid` for every version of one meeting; `sequence` raised on every change.
 */
export interface CalendarInvite {
  /** Stable per meeting, e.g. `${meetingId}@jobbro`. */
  uid: string;
  /** Raised on every change (time, place, cancellation). */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  /** ISO 8601 instants. */
  start: string;
  end: string;
  summary: string;
  location: string | null;
  description?: string;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

/** A message to one person, as the code that caused it asks for it. */
export interface MailRequest<K extends MailKind = MailKind> {
  kind: K;
  to: string;
  language: Language;
  params: MailParams[K];
  /** Attached as an iCalendar invitation (nodemailer's icalEvent). */
  calendar?: CalendarInvite;
  /**
   * The job centre the message belongs to: its administrators see it if it ends in dead letters.
   * Null (or absent) for messages outside any job centre, e.g. an employer's sign-up.
   */
  jobCentreId?: string | null;
  /** The recipient's user id, when known. */
  userId?: string | null;
}

/** A message ready for the transport. */
export interface RenderedMail {
  /** One line, no control characters. */
  subject: string;
  text: string;
  /** A whole HTML document; absent only for messages built outside the template engine. */
  html?: string;
}
