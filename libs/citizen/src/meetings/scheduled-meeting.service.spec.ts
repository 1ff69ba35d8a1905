import type { UserContact, UserDirectory } from '@jobbro/auth';
import { type Principal, Role } from '@jobbro/core';
import type { MailOutbox, MailRequest } from '@jobbro/notifications';
import type { EntityManager } from 'typeorm';
import type { CitizenAccess } from '../citizen.access';
import { CitizenStatus, ContactPreference, MeetingKind } from '../citizen.enums';
import { CitizenException } from '../citizen.exception';
import type { CitizenRepository } from '../citizen.repository';
import type { CitizenService } from '../citizen.service';
import type { CitizenRow } from '../citizen.types';
import type {
  ScheduledMeetingRepository,
  ScheduledMeetingRow,
} from './scheduled-meeting.repository';
import { ScheduledMeetingService } from './scheduled-meeting.service';

/** A mock that fails the test on any call nobody stubbed (immich's newTestService, in small). */
function strict<T extends object>(stubs: Record<string, unknown>): T {
  return new Proxy(stubs, {
    get(target, prop) {
      if (prop in target) return target[prop as string];
      if (prop === 'then') return undefined;
      throw new Error(`unstubbed call: ${String(prop)}`);
    },
  }) as T;
}

const ME: Principal = { userId: 'me', role: Role.JobConsultant, jobCentreId: 'j1' };
const MANAGER = {} as EntityManager;
const citizen = (over: Partial<CitizenRow> = {}): CitizenRow =>
  ({
    id: 'c1',
    jobCentreId: 'j1',
    firstName: 'Ahmad',
    lastName: 'Karimi',
    email: 'ahmad@test.dk',
    status: CitizenStatus.Active,
    userId: 'cu',
    contactPreference: ContactPreference.Email,
    ...over,
  }) as CitizenRow;
const meeting = (over: Partial<ScheduledMeetingRow> = {}): ScheduledMeetingRow => ({
  id: 'm1',
  citizenId: 'c1',
  kind: MeetingKind.Status,
  startsAt: new Date(Date.now() + 86_400_000),
  endsAt: new Date(Date.now() + 90_000_000),
  location: 'Lokale 2',
  includeCitizen: true,
  sequence: 0,
  organizerUserId: 'me',
  organizerName: 'Karin',
  cancelledAt: null,
  cancelReason: null,
  participants: [
    { userId: 'a', displayName: 'A' },
    { userId: 'b', displayName: 'B' },
  ],
  ...over,
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

function serviceWith(options: {
  citizen?: CitizenRow;
  before?: ScheduledMeetingRow;
  after?: ScheduledMeetingRow;
  team?: string[];
  contacts?: UserContact[];
}) {
  const before = options.before ?? meeting();
  const after = options.after ?? before;
  const sent: MailRequest[] = [];
  const locks = [before, after];
  const meetings = strict<ScheduledMeetingRepository>({
    find: () => Promise.resolve(after),
    transaction: (work: (m: EntityManager) => Promise<unknown>) => work(MANAGER),
    lock: () => Promise.resolve(locks.shift() ?? after),
    reschedule: jest.fn(() => Promise.resolve()),
    cancel: jest.fn(() => Promise.resolve()),
  });
  const contacts = options.contacts ?? ['me', 'a', 'b', 'd', 'cu'].map((id) => contact(id));
  const service = new ScheduledMeetingService(
    meetings,
    strict<CitizenRepository>({
      assignments: () =>
        Promise.resolve((options.team ?? ['a', 'b', 'd']).map((userId) => ({ userId }))),
    }),
    strict<CitizenService>({ requireCitizen: () => Promise.resolve(options.citizen ?? citizen()) }),
    strict<CitizenAccess>({ check: () => Promise.resolve({}) }),
    strict<UserDirectory>({
      contacts: (ids: string[]) => Promise.resolve(contacts.filter((c) => ids.includes(c.userId))),
    }),
    strict<MailOutbox>({
      enqueue: (_m: EntityManager, request: MailRequest) => {
        sent.push(request);
        return Promise.resolve('id');
      },
    }),
  );
  return { service, sent, meetings };
}

const summary = (sent: MailRequest[]): string[] =>
  sent.map((r) => `${r.to} ${r.kind} ${r.calendar?.method} ${r.calendar?.sequence}`).sort();

describe('ScheduledMeetingService', () => {
  const times = {
    startsAt: new Date(Date.now() + 2 * 86_400_000),
    endsAt: new Date(Date.now() + 2 * 86_400_000 + 3_600_000),
  };

  it('on a move: an update to those kept, an invitation to the new, a cancellation to the gone', async () => {
    const after = meeting({
      sequence: 1,
      participants: [
        { userId: 'a', displayName: 'A' },
        { userId: 'd', displayName: 'D' },
      ],
    });
    const { service, sent } = serviceWith({ after });
    await service.rescheduleMeeting(ME, { id: 'm1', ...times, participantUserIds: ['a', 'd'] });
    expect(summary(sent)).toEqual([
      'a@test.dk meeting-updated REQUEST 1',
      'b@test.dk meeting-cancelled CANCEL 1',
      'cu@test.dk meeting-updated REQUEST 1',
      'd@test.dk meeting-invitation REQUEST 1',
    ]);
    expect(sent.every((r) => r.calendar?.uid === 'm1@jobbro' && r.jobCentreId === 'j1')).toBe(true);
    expect(sent.find((r) => r.to === 'cu@test.dk')?.params).toMatchObject({
      citizenFirstName: null,
    });
  });

  it.each([
    ['wants no e-mail', { contactPreference: ContactPreference.None }, undefined],
    ['has no login', { userId: null }, undefined],
    ['has a deactivated login', {}, [contact('a'), contact('b'), contact('cu', { active: false })]],
  ])('mails staff only when the citizen %s', async (_what, over, contacts) => {
    const { service, sent } = serviceWith({ citizen: citizen(over), contacts });
    await service.cancelMeeting(ME, { id: 'm1' });
    expect(summary(sent)).toEqual([
      'a@test.dk meeting-cancelled CANCEL 0',
      'b@test.dk meeting-cancelled CANCEL 0',
    ]);
  });

  it('leaves a deactivated participant out', async () => {
    const { service, sent } = serviceWith({
      citizen: citizen({ userId: null }),
      contacts: [contact('a'), contact('b', { active: false })],
    });
    await service.cancelMeeting(ME, { id: 'm1' });
    expect(summary(sent)).toEqual(['a@test.dk meeting-cancelled CANCEL 0']);
  });

  it('refuses to move or cancel a cancelled meeting, and mails nothing', async () => {
    const cancelled = meeting({ cancelledAt: new Date() });
    for (const run of [
      (s: ScheduledMeetingService) => s.rescheduleMeeting(ME, { id: 'm1', ...times }),
      (s: ScheduledMeetingService) => s.cancelMeeting(ME, { id: 'm1' }),
    ]) {
      const { service, sent, meetings } = serviceWith({ before: cancelled });
      await expect(run(service)).rejects.toMatchObject({ code: 'MEETING_CANCELLED' });
      expect(sent).toEqual([]);
      expect(meetings.reschedule).not.toHaveBeenCalled();
      expect(meetings.cancel).not.toHaveBeenCalled();
    }
  });

  it('refuses a participant off the team before anything is written', async () => {
    const { service, sent } = serviceWith({ team: ['a'] });
    const error = await service
      .rescheduleMeeting(ME, { id: 'm1', ...times, participantUserIds: ['a', 'x'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CitizenException);
    expect(error).toMatchObject({ code: 'MEETING_PARTICIPANT_NOT_ON_TEAM' });
    expect(sent).toEqual([]);
  });
});
