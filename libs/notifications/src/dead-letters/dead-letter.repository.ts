import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DeadLetterRow {
  id: string;
  kind: string;
  /** The job centre the message belongs to; null: none (an employer's sign-up...). */
  jobCentreId: string | null;
  sealed: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date | null;
  resentCount: number;
}

const COLUMNS = `aggregate_id AS id, payload->>'kind' AS kind,
  payload->>'jobCentreId' AS "jobCentreId", payload->>'sealed' AS sealed,
  attempts, last_error AS "lastError", occurred_at AS "createdAt", dead_at AS "failedAt",
  resent_count AS "resentCount"`;

/**
 * Mail in the outbox that the relay gave up on. Visible to an administrator: messages of their
 * job centre, and messages that belong to no job centre (an employer's sign-up, a company admin's
 * invitation of a mentor), which no other staff could otherwise see or resend. The service masks
 * the recipient of the latter (every administrator sees them, none of them owns them).
 */
const VISIBLE = `type = 'mail.requested'
  AND (payload->>'jobCentreId' IS NULL OR payload->>'jobCentreId' = $1::text)`;

@Injectable()
export class DeadLetterRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(jobCentreId: string, first: number): Promise<DeadLetterRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM outbox_event
        WHERE dead_at IS NOT NULL AND ${VISIBLE}
        ORDER BY dead_at DESC, id DESC LIMIT $2`,
      [jobCentreId, first],
    );
  }

  /** Puts a visible dead letter back in the queue; null when there is none with this id. */
  async requeue(jobCentreId: string, messageId: string): Promise<DeadLetterRow | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [DeadLetterRow[], number] = await this.dataSource.query(
      `UPDATE outbox_event
          SET dead_at = NULL, attempts = 0, available_at = now(), resent_count = resent_count + 1
        WHERE aggregate_id = $2 AND dead_at IS NOT NULL AND processed_at IS NULL AND ${VISIBLE}
        RETURNING ${COLUMNS}`,
      [jobCentreId, messageId],
    );
    return rows[0] ?? null;
  }
}
