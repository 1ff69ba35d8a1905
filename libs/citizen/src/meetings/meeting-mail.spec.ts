import { MeetingKind } from '../citizen.enums';
import {
  calendarInvite,
  meetingMailParams,
  type MeetingRecipient,
  recipientChanges,
} from './meeting-mail';

const person = (key: string, isCitizen = false): MeetingRecipient => ({
  key,
  userId: key.split(':')[1],
  name: key,
  email: `${key.replace(':', '-')}@test.dk`,
  language: 'da',
  isCitizen,
});
const meeting = {
  id: '11111111-1111-4111-8111-111111111111',
  kind: MeetingKind.FollowUp,
  startsAt: new Date('2026-12-03T09:00:00Z'),
  endsAt: new Date('2026-12-03T10:00:00Z'),
  location: 'Lokale 2',
  sequence: 2,
};

describe('recipientChanges', () => {
  it.each([
    [
      'a new meeting invites everyone',
      [],
      ['user:a', 'citizen:c'],
      { 'user:a': 'meeting-invitation', 'citizen:c': 'meeting-invitation' },
    ],
    [
      'a move updates those kept, invites the new, cancels for the gone',
      ['user:a', 'user:b'],
      ['user:a', 'user:d'],
      {
        'user:a': 'meeting-updated',
        'user:d': 'meeting-invitation',
        'user:b': 'meeting-cancelled',
      },
    ],
    [
      'a cancellation cancels for everyone',
      ['user:a', 'citizen:c'],
      [],
      { 'user:a': 'meeting-cancelled', 'citizen:c': 'meeting-cancelled' },
    ],
  ])('%s', (_what, before, after, expected) => {
    const changes = recipientChanges(
      before.map((k) => person(k)),
      after.map((k) => person(k)),
    );
    expect(Object.fromEntries(changes.map((c) => [c.recipient.key, c.kind]))).toEqual(expected);
  });
});

describe('meeting mails', () => {
  it('name the citizen to staff, not to the citizen, and carry kind, time and place only', () => {
    expect(meetingMailParams(meeting, person('user:a'), 'Karin', 'Ahmad')).toEqual({
      recipientName: 'user:a',
      meetingKind: 'Opfølgningsmøde',
      startsAt: '2026-12-03T09:00:00.000Z',
      endsAt: '2026-12-03T10:00:00.000Z',
      location: 'Lokale 2',
      organizerName: 'Karin',
      citizenFirstName: 'Ahmad',
    });
    expect(
      meetingMailParams(meeting, person('citizen:c', true), 'Karin', 'Ahmad').citizenFirstName,
    ).toBeNull();
  });

  it('use the meeting id as UID and its sequence in every version', () => {
    const organizer = { name: 'Karin', email: 'karin@test.dk' };
    const invite = calendarInvite(meeting, person('user:a'), 'REQUEST', organizer, [], 'Ahmad');
    const cancel = calendarInvite(
      meeting,
      person('citizen:c', true),
      'CANCEL',
      organizer,
      [],
      'Ahmad',
    );
    expect(invite).toMatchObject({
      uid: `${meeting.id}@jobbro`,
      sequence: 2,
      method: 'REQUEST',
      summary: 'Opfølgningsmøde med Ahmad',
    });
    expect(cancel).toMatchObject({
      uid: `${meeting.id}@jobbro`,
      sequence: 2,
      method: 'CANCEL',
      summary: 'Opfølgningsmøde (Jobbro)',
    });
  });
});
