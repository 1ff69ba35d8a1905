import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttemptState } from './attempt-policy';

export interface AttemptSubjectKey {
  scope: string;
  key: string;
}

export interface LockedAttempt extends AttemptSubjectKey {
  state: AttemptState;
}

interface AttemptRow {
  scope: string;
  key: string;
  windowStart: Date;
  failures: number;
  blockedUntil: Date | null;
  now: Date;
}

/** Failed-attempt counters (table sign_in_attempt), one row per scope and keyed subject. */
@Injectable()
export class SignInAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Locks the subjects' rows (creating empty ones), in key order so two requests naming the same
   * subjects cannot deadlock, and reads the database clock: every API process judges by one clock.
   */
  async lock(
    manager: EntityManager,
    subjects: readonly AttemptSubjectKey[],
  ): Promise<{ now: Date; attempts: LockedAttempt[] }> {
    const scopes = subjects.map((s) => s.scope);
    const keys = subjects.map((s) => s.key);
    await manager.query(
      `INSERT INTO sign_in_attempt (scope, key, window_start, failures)
       SELECT scope, key, now(), 0 FROM unnest($1::text[], $2::text[]) AS s(scope, key)
       ORDER BY scope, key
       ON CONFLICT (scope, key) DO NOTHING`,
      [scopes, keys],
    );
    const rows: AttemptRow[] = await manager.query(
      `SELECT a.scope, a.key, a.window_start AS "windowStart", a.failures,
              a.blocked_until AS "blockedUntil", now() AS now
         FROM sign_in_attempt a JOIN unnest($1::text[], $2::text[]) AS s(scope, key)
              ON a.scope = s.scope AND a.key = s.key
        ORDER BY a.scope, a.key
          FOR UPDATE OF a`,
      [scopes, keys],
    );
    return {
      now: rows[0]?.now ?? new Date(),
      attempts: rows.map((r) => ({
        scope: r.scope,
        key: r.key,
        state: { windowStart: r.windowStart, failures: r.failures, blockedUntil: r.blockedUntil },
      })),
    };
  }

  async save(manager: EntityManager, attempt: LockedAttempt): Promise<void> {
    await manager.query(
      `UPDATE sign_in_attempt SET window_start = $3, failures = $4, blocked_until = $5
        WHERE scope = $1 AND key = $2`,
      [
        attempt.scope,
        attempt.key,
        attempt.state.windowStart,
        attempt.state.failures,
        attempt.state.blockedUntil,
      ],
    );
  }

  async reset(subject: AttemptSubjectKey): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_attempt WHERE scope = $1 AND key = $2`, [
      subject.scope,
      subject.key,
    ]);
  }

  /** Starts a subject's wait again from now (the attempt that imposed it has just failed). */
  async restartWait(subject: AttemptSubjectKey, seconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE sign_in_attempt SET blocked_until = greatest(blocked_until, now() + make_interval(secs => $3))
        WHERE scope = $1 AND key = $2`,
      [subject.scope, subject.key, seconds],
    );
  }

  /** Takes one counted failure back (the attempt succeeded); a running delay stays. */
  async refund(subject: AttemptSubjectKey): Promise<void> {
    await this.dataSource.query(
      `UPDATE sign_in_attempt SET failures = greatest(failures - 1, 0) WHERE scope = $1 AND key = $2`,
      [subject.scope, subject.key],
    );
  }

  /** Rows whose window and delay both ended long ago say nothing any more. */
  async deleteStale(olderThanSeconds: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM sign_in_attempt
        WHERE window_start < now() - make_interval(secs => $1)
          AND (blocked_until IS NULL OR blocked_until < now())`,
      [olderThanSeconds],
    );
  }
}
