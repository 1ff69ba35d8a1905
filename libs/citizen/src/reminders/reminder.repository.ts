import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContactPreference } from '../citizen.enums';
import type {
  FollowUpCandidate,
  MilestoneCandidate,
  PlannedMeetingCandidate,
  ReminderCandidates,
  ReminderDays,
} from './reminder-rules';

const TEAM = `ARRAY(SELECT DISTINCT a.user_id FROM citizen_assignment a WHERE a.citizen_id = c.id)`;

/**
 * What reminders read (active citizens only) and the record of what was sent. The queries narrow
 * by date generously; the rules in reminder-rules.ts decide exactly what is due.
 */
@Injectable()
export class ReminderRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async candidates(days: ReminderDays): Promise<ReminderCandidates> {
    const [meetings, followUps, milestones] = await Promise.all([
      this.dataSource.query<PlannedMeetingCandidate[]>(
        `SELECT s.id AS "meetingId", s.citizen_id AS "citizenId", c.first_name AS "citizenFirstName",
                c.job_centre_id AS "jobCentreId", s.kind, s.starts_at AS "startsAt", s.location,
                s.cancelled_at IS NOT NULL AS cancelled,
                ARRAY(SELECT p.user_id FROM scheduled_meeting_participant p WHERE p.meeting_id = s.id)
                  AS "participantUserIds",
                ${TEAM} AS "teamUserIds"
           FROM scheduled_meeting s JOIN citizen c ON c.id = s.citizen_id AND c.status = 'active'
          WHERE s.cancelled_at IS NULL
            AND s.starts_at >= $1::date - 1 AND s.starts_at < $1::date + 3`,
        [days.today],
      ),
      // Only the citizen's latest recorded meeting sets the follow-up date (as followUpsDue).
      this.dataSource.query<FollowUpCandidate[]>(
        `SELECT m.id AS "meetingId", m.citizen_id AS "citizenId", c.first_name AS "citizenFirstName",
                c.job_centre_id AS "jobCentreId", to_char(m.next_follow_up_on, 'YYYY-MM-DD') AS "dueOn",
                ${TEAM} AS "teamUserIds"
           FROM meeting m JOIN citizen c ON c.id = m.citizen_id AND c.status = 'active'
          WHERE m.next_follow_up_on BETWEEN $1::date AND $2::date
            AND NOT EXISTS (SELECT 1 FROM meeting later WHERE later.citizen_id = m.citizen_id
                              AND (later.held_on, later.created_at) > (m.held_on, m.created_at))`,
        [days.today, days.tomorrow],
      ),
      this.dataSource
        .query<
          (Omit<MilestoneCandidate, 'citizen'> & {
            citizenId: string;
            firstName: string;
            email: string | null;
            userId: string | null;
            contactPreference: ContactPreference;
          })[]
        >(
          `SELECT ms->>'id' AS "milestoneId", ms->>'deadline' AS deadline, ms->>'status' AS status,
                  c.id AS "citizenId", c.first_name AS "firstName", c.email, c.user_id AS "userId",
                  c.contact_preference AS "contactPreference", c.job_centre_id AS "jobCentreId",
                  ${TEAM} AS "teamUserIds"
             FROM plan p JOIN citizen c ON c.id = p.citizen_id AND c.status = 'active',
                  jsonb_array_elements(p.milestones) ms
            WHERE ms->>'status' = 'open' AND ms->>'deadline' BETWEEN $1 AND $2`,
          [days.weekStart, days.weekEnd],
        )
        .then((rows) =>
          rows.map((r): MilestoneCandidate => ({
            milestoneId: r.milestoneId,
            deadline: r.deadline,
            status: r.status,
            jobCentreId: r.jobCentreId,
            teamUserIds: r.teamUserIds,
            citizen: {
              citizenId: r.citizenId,
              firstName: r.firstName,
              email: r.email,
              userId: r.userId,
              contactPreference: r.contactPreference,
            },
          })),
        ),
    ]);
    return {
      meetings,
      followUps,
      milestones,
    };
  }

  /**
   * Records these reminders as sent to the recipient, in the caller's transaction; returns those
   * not sent before (`item|period`). A concurrent run inserting the same row waits for this one
   * and then finds it: the primary key keeps it at most once.
   */
  async markSent(
    m: EntityManager,
    recipient: string,
    entries: { item: string; period: string }[],
  ): Promise<Set<string>> {
    const rows = await m.query<{ key: string }[]>(
      `INSERT INTO reminder_sent (recipient, item, period)
       SELECT $1, x.item, x.period FROM unnest($2::text[], $3::date[]) AS x(item, period)
       ON CONFLICT DO NOTHING
       RETURNING item || '|' || to_char(period, 'YYYY-MM-DD') AS key`,
      [recipient, entries.map((e) => e.item), entries.map((e) => e.period)],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Forgets what was sent before `day` (nothing older can be due again). */
  async purgeBefore(day: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM reminder_sent WHERE period < $1`, [day]);
  }
}
