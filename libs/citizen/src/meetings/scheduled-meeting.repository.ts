import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeetingKind } from '../citizen.enums';

/** A planned meeting as stored; its id is the iCalendar UID. */
export interface ScheduledMeetingRow {
  id: string;
  citizenId: string;
  kind: MeetingKind;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  includeCitizen: boolean;
  sequence: number;
  organizerUserId: string | null;
  organizerName: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  participants: { userId: string; displayName: string }[];
}

const COLUMNS = `s.id, s.citizen_id AS "citizenId", s.kind, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.location, s.include_citizen AS "includeCitizen", s.sequence, s.organizer_user_id AS "organizerUserId",
  o.display_name AS "organizerName", s.cancelled_at AS "cancelledAt", s.cancel_reason AS "cancelReason",
  coalesce((SELECT json_agg(json_build_object('userId', p.user_id, 'displayName', u.display_name)
                             ORDER BY u.display_name, p.user_id)
              FROM scheduled_meeting_participant p JOIN app_user u ON u.id = p.user_id
             WHERE p.meeting_id = s.id), '[]') AS participants`;
const FROM = `scheduled_meeting s LEFT JOIN app_user o ON o.id = s.organizer_user_id`;

/** Planned meetings (the `meeting` table keeps meetings recorded after the fact). */
@Injectable()
export class ScheduledMeetingRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async find(id: string): Promise<ScheduledMeetingRow | null> {
    const rows = await this.dataSource.query<ScheduledMeetingRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The meeting, locked until the transaction ends (one change at a time raises the sequence). */
  async lock(m: EntityManager, id: string): Promise<ScheduledMeetingRow | null> {
    await m.query(`SELECT 1 FROM scheduled_meeting WHERE id = $1 FOR UPDATE`, [id]);
    const rows = await m.query<ScheduledMeetingRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A citizen's planned meetings, the next first, then the past ones. */
  ofCitizen(citizenId: string): Promise<ScheduledMeetingRow[]> {
    return this.dataSource.query<ScheduledMeetingRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE s.citizen_id = $1 ORDER BY s.starts_at DESC, s.id`,
      [citizenId],
    );
  }

  async insert(
    m: EntityManager,
    meeting: {
      citizenId: string;
      kind: MeetingKind;
      startsAt: Date;
      endsAt: Date;
      location: string | null;
      includeCitizen: boolean;
      organizerUserId: string;
      participantUserIds: string[];
    },
  ): Promise<string> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO scheduled_meeting (citizen_id, kind, starts_at, ends_at, location, include_citizen, organizer_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        meeting.citizenId,
        meeting.kind,
        meeting.startsAt,
        meeting.endsAt,
        meeting.location,
        meeting.includeCitizen,
        meeting.organizerUserId,
      ],
    );
    await this.setParticipants(m, row.id, meeting.participantUserIds);
    return row.id;
  }

  /** New time, place and people; the sequence rises so calendars take this version. */
  async reschedule(
    m: EntityManager,
    id: string,
    changes: {
      startsAt: Date;
      endsAt: Date;
      location: string | null;
      includeCitizen: boolean;
      participantUserIds: string[];
    },
  ): Promise<void> {
    await m.query(
      `UPDATE scheduled_meeting SET starts_at = $2, ends_at = $3, location = $4, include_citizen = $5,
              sequence = sequence + 1, updated_at = now() WHERE id = $1`,
      [id, changes.startsAt, changes.endsAt, changes.location, changes.includeCitizen],
    );
    await this.setParticipants(m, id, changes.participantUserIds);
  }

  async cancel(m: EntityManager, id: string, reason: string | null): Promise<void> {
    await m.query(
      `UPDATE scheduled_meeting SET cancelled_at = now(), cancel_reason = $2, sequence = sequence + 1,
              updated_at = now() WHERE id = $1`,
      [id, reason],
    );
  }

  private async setParticipants(m: EntityManager, id: string, userIds: string[]): Promise<void> {
    await m.query(
      `DELETE FROM scheduled_meeting_participant WHERE meeting_id = $1 AND NOT (user_id = ANY($2::uuid[]))`,
      [id, userIds],
    );
    await m.query(
      `INSERT INTO scheduled_meeting_participant (meeting_id, user_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, userIds],
    );
  }
}
