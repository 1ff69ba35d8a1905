import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings in calendars and reminders.
 *
 * - `citizen.contact_preference`: whether Jobbro may e-mail the citizen (meeting invitations,
 *   reminders). 'email' by default: a citizen's address is only stored when they gave it.
 * - `scheduled_meeting`: a meeting planned ahead (the `meeting` table keeps what was recorded
 *   after the fact). Its id is the iCalendar UID; `sequence` rises on every change that is mailed,
 *   so calendars replace the earlier version; a cancelled meeting keeps its row.
 * - `scheduled_meeting_participant`: the staff users invited (the citizen is a flag on the meeting).
 * - `reminder_sent`: one row per reminder sent to a person for an item and period; the primary key
 *   makes "at most once per person, item and day" a database fact (insert ... on conflict do
 *   nothing in the transaction that enqueues the mail). `period` is the day for daily items and
 *   the Monday of the ISO week for weekly ones (milestones due this week).
 */
export class MeetingsReminders1764090000015 implements MigrationInterface {
  name = 'MeetingsReminders1764090000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE citizen ADD COLUMN contact_preference varchar(10) NOT NULL DEFAULT 'email'
        CHECK (contact_preference IN ('email', 'none'))`);

    await q.query(`
      CREATE TABLE scheduled_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        kind meeting_kind NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        location varchar(300) CHECK (location IS NULL OR length(btrim(location)) > 0),
        include_citizen boolean NOT NULL DEFAULT false,
        sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
        organizer_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        cancelled_at timestamptz,
        cancel_reason varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT scheduled_meeting_ends_after_start CHECK (ends_at > starts_at),
        CONSTRAINT scheduled_meeting_at_most_12_hours CHECK (ends_at - starts_at <= interval '12 hours'),
        CONSTRAINT scheduled_meeting_reason_when_cancelled
          CHECK (cancel_reason IS NULL OR cancelled_at IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX scheduled_meeting_citizen ON scheduled_meeting (citizen_id, starts_at)`,
    );
    await q.query(
      `CREATE INDEX scheduled_meeting_starts ON scheduled_meeting (starts_at) WHERE cancelled_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE scheduled_meeting_participant (
        meeting_id uuid NOT NULL REFERENCES scheduled_meeting (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        PRIMARY KEY (meeting_id, user_id)
      )`);
    await q.query(
      `CREATE INDEX scheduled_meeting_participant_user ON scheduled_meeting_participant (user_id)`,
    );
    // Follow-ups due: the latest recorded meeting per citizen and its follow-up date.
    await q.query(
      `CREATE INDEX meeting_next_follow_up ON meeting (next_follow_up_on) WHERE next_follow_up_on IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE reminder_sent (
        recipient varchar(60) NOT NULL CHECK (recipient ~ '^(user|citizen):[0-9a-f-]{36}$'),
        item varchar(120) NOT NULL,
        period date NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (recipient, item, period)
      )`);
    await q.query(`CREATE INDEX reminder_sent_period ON reminder_sent (period)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reminder_sent`);
    await q.query(`DROP INDEX meeting_next_follow_up`);
    await q.query(`DROP TABLE scheduled_meeting_participant`);
    await q.query(`DROP TABLE scheduled_meeting`);
    await q.query(`ALTER TABLE citizen DROP COLUMN contact_preference`);
  }
}
