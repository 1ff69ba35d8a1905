import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail that is never lost, on the outbox relay:
 * - `dead_at`: an event whose handler kept failing (a message the SMTP server kept refusing) stops
 *   being retried and waits for an administrator (deadLetterMessages, resendMessage).
 * - `last_attempt_at`: the relay claims events with a lease (attempts + 1, available_at pushed to
 *   the lease's end) instead of holding a transaction open while it sends; a worker that dies
 *   mid-send leaves the lease to run out, and the event is handled again (sent at most once
 *   more, never zero times). Counting the attempt at the claim means even a message that kills
 *   the worker every time ends in the dead letters.
 * - `resent_count`: how often an administrator put a dead letter back in the queue.
 * - `scheduled_job`: work that runs every so often (reminders), claimed by one worker per interval.
 */
export class MailDelivery1764090000012 implements MigrationInterface {
  name = 'MailDelivery1764090000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_event ADD COLUMN dead_at timestamptz`);
    await q.query(`ALTER TABLE outbox_event ADD COLUMN last_attempt_at timestamptz`);
    await q.query(`ALTER TABLE outbox_event ADD COLUMN resent_count integer NOT NULL DEFAULT 0`);
    // Events the old relay parked (10 failed attempts) are dead letters now.
    await q.query(
      `UPDATE outbox_event SET dead_at = now() WHERE processed_at IS NULL AND attempts >= 10`,
    );
    await q.query(`DROP INDEX outbox_event_pending`);
    await q.query(
      `CREATE INDEX outbox_event_pending ON outbox_event (available_at, id)
        WHERE processed_at IS NULL AND dead_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX outbox_event_dead ON outbox_event (dead_at DESC, id) WHERE dead_at IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE scheduled_job (
        name varchar(100) PRIMARY KEY,
        next_run_at timestamptz NOT NULL,
        last_started_at timestamptz,
        last_finished_at timestamptz,
        last_error varchar(2000)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scheduled_job`);
    await q.query(`DROP INDEX outbox_event_dead`);
    await q.query(`DROP INDEX outbox_event_pending`);
    await q.query(
      `CREATE INDEX outbox_event_pending ON outbox_event (available_at, id) WHERE processed_at IS NULL`,
    );
    await q.query(
      `UPDATE outbox_event SET attempts = greatest(attempts, 10) WHERE dead_at IS NOT NULL`,
    );
    await q.query(`ALTER TABLE outbox_event DROP COLUMN resent_count`);
    await q.query(`ALTER TABLE outbox_event DROP COLUMN last_attempt_at`);
    await q.query(`ALTER TABLE outbox_event DROP COLUMN dead_at`);
  }
}
