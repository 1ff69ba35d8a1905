import type { UserContact } from '@jobbro/auth';
import { ContactPreference, MeetingKind, MilestoneStatus } from '../citizen.enums';
import {
  type CitizenReach,
  mailItem,
  planMails,
  type Reminder,
  type ReminderCandidates,
  reminderDays,
  remindersAreDue,
  selectReminders,
} from './reminder-rules';

describe('reminderDays (Europe/Copenhagen)', () => {
  it.each([
    // now (UTC), today, tomorrow, weekStart, weekEnd, hour in Denmark
    [
      'Wednesday 23:59 in winter',
      '2026-12-02T22:59:59Z',
      '2026-12-02',
      '2026-12-03',
      '2026-11-30',
      '2026-12-06',
      23,
    ],
    [
      'Danish midnight is 23:00 UTC in winter',
      '2026-12-02T23:00:00Z',
      '2026-12-03',
      '2026-12-04',
      '2026-11-30',
      '2026-12-06',
      0,
    ],
    [
      'Sunday ends the ISO week',
      '2026-12-06T12:00:00Z',
      '2026-12-06',
      '2026-12-07',
      '2026-11-30',
      '2026-12-06',
      13,
    ],
    [
      'Sunday 23:30 Danish time is already Monday',
      '2026-12-06T23:30:00Z',
      '2026-12-07',
      '2026-12-08',
      '2026-12-07',
      '2026-12-13',
      0,
    ],
    [
      'Danish midnight is 22:00 UTC in summer',
      '2026-06-30T22:30:00Z',
      '2026-07-01',
      '2026-07-02',
      '2026-06-29',
      '2026-07-05',
      0,
    ],
    [
      'a week across the new year',
      '2026-12-31T12:00:00Z',
      '2026-12-31',
      '2027-01-01',
      '2026-12-28',
      '2027-01-03',
      13,
    ],
    [
      'the night summer time starts',
      '2026-03-29T01:30:00Z',
      '2026-03-29',
      '2026-03-30',
      '2026-03-23',
      '2026-03-29',
      3,
    ],
  ])('%s', (_what, now, today, tomorrow, weekStart, weekEnd, hour) => {
    expect(reminderDays(new Date(now))).toEqual({ today, tomorrow, weekStart, weekEnd, hour });
  });

  it.each([
    ['06:59 Danish time', '2026-12-03T05:59:00Z', false],
    ['07:00 Danish time', '2026-12-03T06:00:00Z', true],
    ['07:00 in summer is 05:00 UTC', '2026-07-01T05:00:00Z', true],
    ['06:30 in summer', '2026-07-01T04:30:00Z', false],
  ])('reminders are due from REMINDER_HOUR=7: %s', (_what, now, due) => {
    expect(remindersAreDue(reminderDays(new Date(now)), 7)).toBe(due);
  });
});

// Wednesday 2 December 2026, 08:00 in Denmark.
const DAYS = reminderDays(new Date('2026-12-02T07:00:00Z'));
const citizen = (over: Partial<CitizenReach> = {}): CitizenReach => ({
  citizenId: 'c1',
  firstName: 'Ahmad',
  email: 'ahmad@test.dk',
  userId: null,
  contactPreference: ContactPreference.Email,
  ...over,
});
const none: ReminderCandidates = { meetings: [], followUps: [], milestones: [] };
const meeting = (
  startsAt: string,
  cancelled = false,
  teamUserIds: string[] = ['u1', 'u2'],
): ReminderCandidates => ({
  ...none,
  meetings: [
    {
      meetingId: 'm1',
      citizenId: 'c1',
      citizenFirstName: 'Ahmad',
      jobCentreId: 'j1',
      kind: MeetingKind.FollowUp,
      startsAt: new Date(startsAt),
      location: 'Lokale 2',
      cancelled,
      participantUserIds: ['u1', 'u2', 'u1'],
      teamUserIds,
    },
  ],
});
const followUp = (dueOn: string): ReminderCandidates => ({
  ...none,
  followUps: [
    {
      meetingId: 'r1',
      citizenId: 'c1',
      citizenFirstName: 'Ahmad',
      jobCentreId: 'j1',
      dueOn,
      teamUserIds: ['u1'],
    },
  ],
});
const milestone = (deadline: string | null, status = MilestoneStatus.Open): ReminderCandidates => ({
  ...none,
  milestones: [
    {
      milestoneId: 'ms1',
      deadline,
      status,
      citizen: citizen(),
      jobCentreId: 'j1',
      teamUserIds: ['u1'],
    },
  ],
});
const who = (rs: Reminder[]): string[] =>
  rs.map(
    (r) => `${r.recipient.kind === 'user' ? r.recipient.userId : 'citizen'} ${r.item} ${r.period}`,
  );

describe('selectReminders on Wednesday 2 December 2026', () => {
  it.each([
    [
      'a meeting tomorrow 10:00 reminds each participant once',
      meeting('2026-12-03T09:00:00Z'),
      ['u1 meeting:m1 2026-12-02', 'u2 meeting:m1 2026-12-02'],
    ],
    [
      'tomorrow 00:30 Danish time is 23:30 UTC today',
      meeting('2026-12-02T23:30:00Z'),
      ['u1 meeting:m1 2026-12-02', 'u2 meeting:m1 2026-12-02'],
    ],
    [
      'tomorrow 23:30 Danish time is still tomorrow',
      meeting('2026-12-03T22:30:00Z'),
      ['u1 meeting:m1 2026-12-02', 'u2 meeting:m1 2026-12-02'],
    ],
    [
      'a participant who has left the citizen’s team is not reminded',
      meeting('2026-12-03T09:00:00Z', false, ['u1', 'u3']),
      ['u1 meeting:m1 2026-12-02'],
    ],
    [
      'nobody invited is on the team any more: no reminder',
      meeting('2026-12-03T09:00:00Z', false, []),
      [],
    ],
    ['the day after tomorrow 00:10 is not', meeting('2026-12-03T23:10:00Z'), []],
    ['a meeting later today is not', meeting('2026-12-02T13:00:00Z'), []],
    ['a cancelled meeting is not', meeting('2026-12-03T09:00:00Z', true), []],
    [
      'a follow-up due tomorrow reminds the team',
      followUp('2026-12-03'),
      ['u1 follow-up:r1 2026-12-02'],
    ],
    [
      'a follow-up due tomorrow with a meeting planned then: the meeting only',
      {
        ...meeting('2026-12-03T09:00:00Z'),
        followUps: followUp('2026-12-03').followUps,
      },
      ['u1 meeting:m1 2026-12-02', 'u2 meeting:m1 2026-12-02'],
    ],
    ['a follow-up due today is not (followUpsDue lists it)', followUp('2026-12-02'), []],
    ['a follow-up due in two days is not', followUp('2026-12-04'), []],
    [
      'a milestone on Friday: team and citizen, once for the week',
      milestone('2026-12-04'),
      ['u1 milestone:c1:ms1 2026-11-30', 'citizen milestone:c1:ms1 2026-11-30'],
    ],
    [
      'a milestone on Monday of this week (overdue, still this week)',
      milestone('2026-11-30'),
      ['u1 milestone:c1:ms1 2026-11-30', 'citizen milestone:c1:ms1 2026-11-30'],
    ],
    [
      'a milestone on Sunday of this week',
      milestone('2026-12-06'),
      ['u1 milestone:c1:ms1 2026-11-30', 'citizen milestone:c1:ms1 2026-11-30'],
    ],
    ['a milestone last Sunday is not', milestone('2026-11-29'), []],
    ['a milestone next Monday is not', milestone('2026-12-07'), []],
    ['a reached milestone is not', milestone('2026-12-04', MilestoneStatus.Reached), []],
    ['a milestone without a deadline is not', milestone(null), []],
  ])('%s', (_what, candidates, expected) => {
    expect(who(selectReminders(DAYS, candidates))).toEqual(expected);
  });
});

const contact = (userId: string, over: Partial<UserContact> = {}): UserContact => ({
  userId,
  email: `${userId}@test.dk`,
  displayName: userId,
  language: 'da',
  notificationMode: 'immediate',
  active: true,
  ...over,
});
const both = (): Reminder[] =>
  selectReminders(DAYS, {
    ...meeting('2026-12-03T09:00:00Z'),
    // Another citizen's follow-up (one with a meeting planned then is reminded as the meeting).
    followUps: followUp('2026-12-03').followUps.map((f) => ({ ...f, citizenId: 'c2' })),
  });

describe('planMails', () => {
  it.each([
    [
      'immediate: one mail per reminder',
      { u1: {}, u2: {} },
      ['u1@test.dk:1', 'u1@test.dk:1', 'u2@test.dk:1'],
    ],
    [
      'digest: one mail per person with all their reminders',
      { u1: { notificationMode: 'daily_digest' }, u2: {} },
      ['u1@test.dk:2 digest', 'u2@test.dk:1'],
    ],
    ['a deactivated user gets nothing', { u1: { active: false }, u2: {} }, ['u2@test.dk:1']],
    ['an unknown user gets nothing', { u2: {} }, ['u2@test.dk:1']],
  ] as const)('%s', (_what, users, expected) => {
    const contacts = new Map(
      Object.entries(users).map(([id, over]) => [id, contact(id, over as Partial<UserContact>)]),
    );
    const mails = planMails(both(), contacts).map(
      (m) => `${m.to}:${m.reminders.length}${m.digest ? ' digest' : ''}`,
    );
    expect(mails.sort()).toEqual([...expected].sort());
  });

  const forCitizen = (reach: Partial<CitizenReach>, contacts: UserContact[] = []) =>
    planMails(
      selectReminders(DAYS, {
        ...none,
        milestones: [
          { ...milestone('2026-12-04').milestones[0], citizen: citizen(reach), teamUserIds: [] },
        ],
      }),
      new Map(contacts.map((c) => [c.userId, c])),
    ).map((m) => `${m.to} ${m.language} ${m.name}${m.digest ? ' digest' : ''}`);

  it.each([
    [
      'without a login: the address the job centre holds, in Danish',
      {},
      [],
      ['ahmad@test.dk da Ahmad'],
    ],
    ['contact preference none: nothing', { contactPreference: ContactPreference.None }, [], []],
    ['without a login or an address: nothing', { email: null }, [], []],
    [
      'with a login: its address, language and mode',
      { userId: 'cu' },
      [contact('cu', { email: 'login@test.dk', language: 'en', notificationMode: 'daily_digest' })],
      ['login@test.dk en Ahmad digest'],
    ],
    ['with a deactivated login: nothing', { userId: 'cu' }, [contact('cu', { active: false })], []],
    [
      'with a login but preference none: nothing',
      { userId: 'cu', contactPreference: ContactPreference.None },
      [contact('cu')],
      [],
    ],
  ] as const)('a citizen %s', (_what, reach, contacts, expected) => {
    expect(forCitizen(reach, [...contacts])).toEqual(expected);
  });

  it('puts a reminder in the recipient’s language, without the name in the citizen’s own', () => {
    const [staff, own] = selectReminders(DAYS, milestone('2026-12-04'));
    expect(mailItem(staff, 'da')).toMatchObject({
      isMilestone: true,
      citizenFirstName: 'Ahmad',
      deadline: '2026-12-04',
    });
    expect(mailItem(own, 'da').citizenFirstName).toBeNull();
    const [m] = selectReminders(DAYS, meeting('2026-12-03T09:00:00Z'));
    expect(mailItem(m, 'en')).toMatchObject({
      isMeeting: true,
      meetingKind: 'Follow-up meeting',
      startsAt: '2026-12-03T09:00:00.000Z',
      location: 'Lokale 2',
    });
  });
});
