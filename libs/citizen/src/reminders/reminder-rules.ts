import type { UserContact } from '@jobbro/auth';
import { type Language, todayInDenmark } from '@jobbro/core';
import type { ReminderMailItem } from '@jobbro/notifications';
import { ContactPreference, type MeetingKind, MilestoneStatus } from '../citizen.enums';
import { meetingKindLabel } from '../meetings/meeting-mail';

/**
 * Which reminders are due, to whom, in which mails: pure rules over candidates the repository
 * reads, with the clock as an argument. Every day is a day in Denmark (Europe/Copenhagen), where
 * every job centre is: "tomorrow" and "this week" change at Danish midnight, not UTC's.
 */

const HOUR_IN_DENMARK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  hourCycle: 'h23',
});

export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The days reminders speak of, in Danish time. */
export interface ReminderDays {
  today: string;
  tomorrow: string;
  /** Monday and Sunday of the current ISO week. */
  weekStart: string;
  weekEnd: string;
  /** The hour in Denmark (0-23). */
  hour: number;
}

export function reminderDays(now: Date): ReminderDays {
  const today = todayInDenmark(now);
  // 0 = Sunday ... 6 = Saturday, of the calendar day (UTC arithmetic on a date is exact).
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const weekStart = addDays(today, -((weekday + 6) % 7));
  return {
    today,
    tomorrow: addDays(today, 1),
    weekStart,
    weekEnd: addDays(weekStart, 6),
    hour: Number(HOUR_IN_DENMARK.format(now)),
  };
}

/** Reminders go out from `sendHour` (Danish time) on; earlier runs do nothing. */
export const remindersAreDue = (days: ReminderDays, sendHour: number): boolean =>
  days.hour >= sendHour;

/** A citizen as reminders reach them. */
export interface CitizenReach {
  citizenId: string;
  firstName: string;
  email: string | null;
  userId: string | null;
  contactPreference: ContactPreference;
}

export interface PlannedMeetingCandidate {
  meetingId: string;
  citizenId: string;
  citizenFirstName: string;
  jobCentreId: string;
  kind: MeetingKind;
  startsAt: Date;
  location: string | null;
  cancelled: boolean;
  /** Who was invited when the meeting was planned or last moved (stored). */
  participantUserIds: string[];
  /** Who is on the citizen's team now: only they are reminded. */
  teamUserIds: string[];
}

export interface FollowUpCandidate {
  /** The recorded meeting that set the follow-up date (the citizen's latest). */
  meetingId: string;
  citizenId: string;
  citizenFirstName: string;
  jobCentreId: string;
  dueOn: string;
  teamUserIds: string[];
}

export interface MilestoneCandidate {
  milestoneId: string;
  deadline: string | null;
  status: MilestoneStatus;
  citizen: CitizenReach;
  jobCentreId: string;
  teamUserIds: string[];
}

export interface ReminderCandidates {
  meetings: PlannedMeetingCandidate[];
  followUps: FollowUpCandidate[];
  milestones: MilestoneCandidate[];
}

/** Who a reminder goes to: a user (staff) or a citizen (by their contact preference). */
export type Recipient =
  { kind: 'user'; userId: string } | { kind: 'citizen'; citizen: CitizenReach };

export const recipientKey = (r: Recipient): string =>
  r.kind === 'user' ? `user:${r.userId}` : `citizen:${r.citizen.citizenId}`;

/** What a reminder says, before it is put in the recipient's language. */
export type ReminderSubject =
  | { kind: 'meeting'; meetingKind: MeetingKind; startsAt: Date; location: string | null }
  | { kind: 'followUp'; dueOn: string }
  | { kind: 'milestone'; deadline: string };

export interface Reminder {
  recipient: Recipient;
  /** What it is about, for "at most once per person, item and period". */
  item: string;
  /** The day it is sent for; for weekly items (milestones) the Monday of the week. */
  period: string;
  jobCentreId: string;
  /** Null when the recipient is the citizen themself. */
  citizenFirstName: string | null;
  subject: ReminderSubject;
}

/**
 * The reminders due at `days`:
 * - a planned meeting (not cancelled) that starts tomorrow: to each professional invited to it
 *   who is still on the citizen's team (someone who left it is told nothing more about the case);
 * - a recorded follow-up date that is tomorrow (on the citizen's latest recorded meeting): to
 *   each professional on the citizen's team, unless a meeting with the citizen is planned for
 *   tomorrow (that meeting's reminder covers it);
 * - an open milestone whose deadline is in the current ISO week (Monday-Sunday): to each
 *   professional on the team and to the citizen, once per week.
 * Whether a citizen may be mailed at all is decided with their contact (`planMails`); deactivated
 * users are left out there too.
 */
export function selectReminders(days: ReminderDays, c: ReminderCandidates): Reminder[] {
  const out: Reminder[] = [];
  const tomorrow = c.meetings.filter(
    (m) => !m.cancelled && todayInDenmark(m.startsAt) === days.tomorrow,
  );
  const plannedFor = new Set(tomorrow.map((m) => m.citizenId));
  for (const m of tomorrow) {
    const team = new Set(m.teamUserIds);
    for (const userId of new Set(m.participantUserIds.filter((id) => team.has(id)))) {
      out.push({
        recipient: { kind: 'user', userId },
        item: `meeting:${m.meetingId}`,
        period: days.today,
        jobCentreId: m.jobCentreId,
        citizenFirstName: m.citizenFirstName,
        subject: {
          kind: 'meeting',
          meetingKind: m.kind,
          startsAt: m.startsAt,
          location: m.location,
        },
      });
    }
  }
  for (const f of c.followUps) {
    // A follow-up already planned as a meeting tomorrow is reminded as that meeting.
    if (f.dueOn !== days.tomorrow || plannedFor.has(f.citizenId)) continue;
    for (const userId of new Set(f.teamUserIds)) {
      out.push({
        recipient: { kind: 'user', userId },
        item: `follow-up:${f.meetingId}`,
        period: days.today,
        jobCentreId: f.jobCentreId,
        citizenFirstName: f.citizenFirstName,
        subject: { kind: 'followUp', dueOn: f.dueOn },
      });
    }
  }
  for (const ms of c.milestones) {
    const deadline = ms.deadline;
    if (ms.status !== MilestoneStatus.Open || deadline === null) continue;
    if (deadline < days.weekStart || deadline > days.weekEnd) continue;
    const base = {
      item: `milestone:${ms.citizen.citizenId}:${ms.milestoneId}`,
      period: days.weekStart,
      jobCentreId: ms.jobCentreId,
      subject: { kind: 'milestone' as const, deadline },
    };
    for (const userId of new Set(ms.teamUserIds)) {
      out.push({
        ...base,
        recipient: { kind: 'user', userId },
        citizenFirstName: ms.citizen.firstName,
      });
    }
    out.push({
      ...base,
      recipient: { kind: 'citizen', citizen: ms.citizen },
      citizenFirstName: null,
    });
  }
  return out;
}

/** One mail to send: a single reminder (immediate) or a person's day (digest). */
export interface ReminderMail {
  recipientKey: string;
  to: string;
  name: string;
  language: Language;
  userId: string | null;
  digest: boolean;
  jobCentreId: string;
  reminders: Reminder[];
}

interface Reach {
  to: string;
  name: string;
  language: Language;
  userId: string | null;
  digest: boolean;
}

/**
 * How each recipient is reached, or null to send nothing: a user by their directory entry (not a
 * deactivated one); a citizen only with e-mail as their contact preference, through their login
 * when they have one (its address, language and mail setting; nothing if it is deactivated),
 * otherwise at the address the job centre holds, in Danish, one mail per reminder.
 */
function reachOf(r: Recipient, contacts: ReadonlyMap<string, UserContact>): Reach | null {
  const viaLogin = (userId: string, name?: string): Reach | null => {
    const c = contacts.get(userId);
    if (!c?.active) return null;
    return {
      to: c.email,
      name: name ?? c.displayName,
      language: c.language,
      userId,
      digest: c.notificationMode === 'daily_digest',
    };
  };
  if (r.kind === 'user') return viaLogin(r.userId);
  const citizen = r.citizen;
  if (citizen.contactPreference !== ContactPreference.Email) return null;
  if (citizen.userId) return viaLogin(citizen.userId, citizen.firstName);
  if (!citizen.email) return null;
  return {
    to: citizen.email,
    name: citizen.firstName,
    language: 'da',
    userId: null,
    digest: false,
  };
}

/**
 * The mails for these reminders: one per reminder for those who chose immediate mails, one per
 * person for those who chose a daily digest (all their reminders of the run, in a stable order).
 */
export function planMails(
  reminders: readonly Reminder[],
  contacts: ReadonlyMap<string, UserContact>,
): ReminderMail[] {
  const mails: ReminderMail[] = [];
  const digests = new Map<string, ReminderMail>();
  const sorted = [...reminders].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  for (const reminder of sorted) {
    const reach = reachOf(reminder.recipient, contacts);
    if (!reach) continue;
    const key = recipientKey(reminder.recipient);
    if (!reach.digest) {
      mails.push({
        ...reach,
        recipientKey: key,
        jobCentreId: reminder.jobCentreId,
        reminders: [reminder],
      });
      continue;
    }
    const digest = digests.get(key);
    if (digest) {
      digest.reminders.push(reminder);
    } else {
      const mail = {
        ...reach,
        recipientKey: key,
        jobCentreId: reminder.jobCentreId,
        reminders: [reminder],
      };
      digests.set(key, mail);
      mails.push(mail);
    }
  }
  return mails;
}

const sortKey = (r: Reminder): string => {
  const s = r.subject;
  const when =
    s.kind === 'meeting' ? s.startsAt.toISOString() : s.kind === 'followUp' ? s.dueOn : s.deadline;
  return `${when}|${r.item}`;
};

/** A reminder as its mail shows it, in the recipient's language. */
export function mailItem(r: Reminder, language: Language): ReminderMailItem {
  const s = r.subject;
  return {
    isMeeting: s.kind === 'meeting',
    isFollowUp: s.kind === 'followUp',
    isMilestone: s.kind === 'milestone',
    citizenFirstName: r.citizenFirstName,
    meetingKind: s.kind === 'meeting' ? meetingKindLabel(s.meetingKind, language) : null,
    startsAt: s.kind === 'meeting' ? s.startsAt.toISOString() : null,
    location: s.kind === 'meeting' ? s.location : null,
    dueOn: s.kind === 'followUp' ? s.dueOn : null,
    deadline: s.kind === 'milestone' ? s.deadline : null,
  };
}
