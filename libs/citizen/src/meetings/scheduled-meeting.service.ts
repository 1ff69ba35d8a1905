import { type UserContact, UserDirectory } from '@jobbro/auth';
import type { Principal } from '@jobbro/core';
import { MailOutbox } from '@jobbro/notifications';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CitizenAccess } from '../citizen.access';
import { ContactPreference } from '../citizen.enums';
import { CitizenException } from '../citizen.exception';
import { CitizenRepository } from '../citizen.repository';
import { CitizenService } from '../citizen.service';
import type { CitizenRow } from '../citizen.types';
import {
  calendarInvite,
  type MeetingMailKind,
  meetingMailParams,
  type MeetingRecipient,
  recipientChanges,
} from './meeting-mail';
import { meetingTimeProblem } from './meeting-time';
import type {
  CancelMeetingInput,
  RescheduleMeetingInput,
  ScheduleMeetingInput,
} from './scheduled-meeting.dto';
import type { ScheduledMeetingModel } from './scheduled-meeting.model';
import {
  ScheduledMeetingRepository,
  type ScheduledMeetingRow,
} from './scheduled-meeting.repository';

export const toScheduledMeetingModel = (row: ScheduledMeetingRow): ScheduledMeetingModel => ({
  id: row.id,
  kind: row.kind,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  location: row.location,
  includeCitizen: row.includeCitizen,
  participants: row.participants,
  organizerName: row.organizerName,
  sequence: row.sequence,
  cancelled: row.cancelledAt !== null,
  cancelledAt: row.cancelledAt,
  cancelReason: row.cancelReason,
});

/**
 * Meetings planned ahead, in the participants' calendars. Staff of the citizen's job centre plan,
 * move and cancel them (the write access of CitizenAccess, audited); participants are
 * professionals on the citizen's team, and the citizen when `includeCitizen`.
 *
 * Every change mails each person concerned, in the transaction of the change: an invitation
 * (METHOD:REQUEST) to someone new, an update (REQUEST, same UID, higher SEQUENCE) to someone still
 * invited, a cancellation (METHOD:CANCEL, same UID) to someone taken off or when the meeting is
 * cancelled (showing the time they were invited to, not where it moved). Moving a meeting without
 * naming participants keeps the stored ones still on the citizen's team: whoever has left the
 * team is taken off and told nothing new. The citizen is mailed only with a login, an active account and e-mail as their
 * contact preference. Mails carry kind, time, place, the organiser and (to staff) the citizen's
 * first name: never notes, decisions or the reason for a cancellation.
 */
@Injectable()
export class ScheduledMeetingService {
  constructor(
    private readonly meetings: ScheduledMeetingRepository,
    private readonly citizens: CitizenRepository,
    private readonly profiles: CitizenService,
    private readonly access: CitizenAccess,
    private readonly directory: UserDirectory,
    private readonly mail: MailOutbox,
  ) {}

  async scheduleMeeting(
    principal: Principal,
    input: ScheduleMeetingInput,
  ): Promise<ScheduledMeetingModel> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    await this.access.check(principal, citizen, 'scheduleMeeting', 'write', 'create');
    this.requireTime(input.startsAt, input.endsAt);
    const participantUserIds = await this.requireTeamMembers(citizen, input.participantUserIds);
    const id = await this.meetings.transaction(async (m) => {
      const meetingId = await this.meetings.insert(m, {
        citizenId: citizen.id,
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        location: input.location ?? null,
        includeCitizen: input.includeCitizen,
        organizerUserId: principal.userId,
        participantUserIds,
      });
      const saved = (await this.meetings.lock(m, meetingId)) as ScheduledMeetingRow;
      const after = await this.recipients(citizen, saved);
      await this.send(m, principal, citizen, saved, recipientChanges([], after), after);
      return meetingId;
    });
    return toScheduledMeetingModel((await this.meetings.find(id)) as ScheduledMeetingRow);
  }

  async rescheduleMeeting(
    principal: Principal,
    input: RescheduleMeetingInput,
  ): Promise<ScheduledMeetingModel> {
    const { meeting, citizen } = await this.requireMeeting(
      principal,
      input.id,
      'rescheduleMeeting',
    );
    this.requireTime(input.startsAt, input.endsAt);
    const participantUserIds =
      input.participantUserIds === undefined
        ? null
        : await this.requireTeamMembers(citizen, input.participantUserIds);
    await this.meetings.transaction(async (m) => {
      const before = await this.lockOpen(m, meeting.id);
      // Without new participants, those stored who are still on the team stay invited; anyone
      // who has left the team is taken off (and gets a cancellation of the time they knew).
      const team = new Set((await this.citizens.assignments(citizen.id)).map((a) => a.userId));
      await this.meetings.reschedule(m, meeting.id, {
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        location: input.location === undefined ? before.location : input.location,
        includeCitizen: input.includeCitizen ?? before.includeCitizen,
        participantUserIds:
          participantUserIds ??
          before.participants.map((p) => p.userId).filter((id) => team.has(id)),
      });
      const after = (await this.meetings.lock(m, meeting.id)) as ScheduledMeetingRow;
      const was = await this.recipients(citizen, before);
      const is = await this.recipients(citizen, after);
      await this.send(m, principal, citizen, after, recipientChanges(was, is), is, before);
    });
    return toScheduledMeetingModel((await this.meetings.find(meeting.id)) as ScheduledMeetingRow);
  }

  async cancelMeeting(
    principal: Principal,
    input: CancelMeetingInput,
  ): Promise<ScheduledMeetingModel> {
    const { meeting, citizen } = await this.requireMeeting(principal, input.id, 'cancelMeeting');
    await this.meetings.transaction(async (m) => {
      const before = await this.lockOpen(m, meeting.id);
      await this.meetings.cancel(m, meeting.id, input.reason ?? null);
      const after = (await this.meetings.lock(m, meeting.id)) as ScheduledMeetingRow;
      const was = await this.recipients(citizen, before);
      await this.send(m, principal, citizen, after, recipientChanges(was, []), was);
    });
    return toScheduledMeetingModel((await this.meetings.find(meeting.id)) as ScheduledMeetingRow);
  }

  /** The meeting and its citizen after the access check; NOT_FOUND alike for unknown and hidden. */
  private async requireMeeting(
    principal: Principal,
    id: string,
    operation: string,
  ): Promise<{ meeting: ScheduledMeetingRow; citizen: CitizenRow }> {
    const meeting = await this.meetings.find(id);
    if (!meeting) throw new CitizenException('MEETING_NOT_FOUND');
    const citizen = await this.profiles.requireCitizen(meeting.citizenId);
    await this.access.check(
      principal,
      citizen,
      operation,
      'write',
      'update',
      () => new CitizenException('MEETING_NOT_FOUND'),
    );
    return { meeting, citizen };
  }

  private async lockOpen(m: EntityManager, id: string): Promise<ScheduledMeetingRow> {
    const row = await this.meetings.lock(m, id);
    if (!row) throw new CitizenException('MEETING_NOT_FOUND');
    if (row.cancelledAt) throw new CitizenException('MEETING_CANCELLED');
    return row;
  }

  private requireTime(startsAt: Date, endsAt: Date): void {
    const problem = meetingTimeProblem(startsAt, endsAt, new Date());
    if (!problem) return;
    throw new CitizenException('MEETING_TIME_INVALID', {}, [
      {
        field: problem,
        constraint: 'meetingTime',
        message: {
          da: 'Tidspunktet passer ikke (se fejlbeskeden).',
          en: 'The time does not fit (see the error message).',
        },
      },
    ]);
  }

  /** Each id must be a professional on the citizen's team (anyone else answers alike). */
  private async requireTeamMembers(citizen: CitizenRow, userIds: string[]): Promise<string[]> {
    const unique = [...new Set(userIds)];
    const team = new Set((await this.citizens.assignments(citizen.id)).map((a) => a.userId));
    const index = userIds.findIndex((id) => !team.has(id));
    if (index >= 0) {
      throw new CitizenException('MEETING_PARTICIPANT_NOT_ON_TEAM', {}, [
        {
          field: `participantUserIds.${index}`,
          constraint: 'onTeam',
          message: {
            da: 'Er ikke på borgerens team.',
            en: 'Is not on the citizen’s team.',
          },
        },
      ]);
    }
    return unique;
  }

  /** Who this version of the meeting mails: active participants, and the citizen when they may be mailed. */
  private async recipients(
    citizen: CitizenRow,
    meeting: ScheduledMeetingRow,
  ): Promise<MeetingRecipient[]> {
    const mailCitizen =
      meeting.includeCitizen &&
      citizen.userId !== null &&
      citizen.contactPreference === ContactPreference.Email;
    const ids = meeting.participants.map((p) => p.userId);
    const contacts = await this.directory.contacts(
      mailCitizen && citizen.userId ? [...ids, citizen.userId] : ids,
    );
    const byId = new Map(contacts.filter((c) => c.active).map((c) => [c.userId, c]));
    const staff = ids.flatMap((id) => {
      const c = byId.get(id);
      return c ? [recipientOf(`user:${id}`, c, false)] : [];
    });
    const own = mailCitizen && citizen.userId ? byId.get(citizen.userId) : undefined;
    return own ? [...staff, recipientOf(`citizen:${citizen.id}`, own, true)] : staff;
  }

  private async send(
    m: EntityManager,
    principal: Principal,
    citizen: CitizenRow,
    meeting: ScheduledMeetingRow,
    mails: { recipient: MeetingRecipient; kind: MeetingMailKind }[],
    attendees: MeetingRecipient[],
    previous?: ScheduledMeetingRow,
  ): Promise<void> {
    if (mails.length === 0) return;
    const [me] = await this.directory.contacts([principal.userId]);
    const organizer = { name: me?.displayName ?? 'Jobbro', email: me?.email ?? 'jobbro@invalid' };
    const list = attendees.map((a) => ({ name: a.name, email: a.email }));
    // Someone taken off a moved meeting is not told where or when it moved: their cancellation
    // shows the version they were invited to (with the new sequence, so calendars apply it).
    const known = previous
      ? {
          ...meeting,
          startsAt: previous.startsAt,
          endsAt: previous.endsAt,
          location: previous.location,
        }
      : meeting;
    for (const { recipient, kind } of mails) {
      const method = kind === 'meeting-cancelled' ? 'CANCEL' : 'REQUEST';
      const shown = method === 'CANCEL' ? known : meeting;
      await this.mail.enqueue(m, {
        kind,
        to: recipient.email,
        language: recipient.language,
        params: meetingMailParams(shown, recipient, organizer.name, citizen.firstName),
        calendar: calendarInvite(
          shown,
          recipient,
          method,
          organizer,
          // A cancellation names the one it goes to: they may no longer be among the attendees.
          method === 'CANCEL' ? [{ name: recipient.name, email: recipient.email }] : list,
          citizen.firstName,
        ),
        jobCentreId: citizen.jobCentreId,
        userId: recipient.userId,
      });
    }
  }
}

const recipientOf = (key: string, c: UserContact, isCitizen: boolean): MeetingRecipient => ({
  key,
  userId: c.userId,
  name: c.displayName,
  email: c.email,
  language: c.language,
  isCitizen,
});
