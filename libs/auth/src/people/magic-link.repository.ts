import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface MagicLinkRow {
  id: string;
  userId: string;
  expired: boolean;
  usedAt: Date | null;
  userActive: boolean;
}

export interface ActiveUser {
  id: string;
  displayName: string;
  language: 'da' | 'en';
  /**
   * Staff: their job centre; citizen users: their citizen's job centre. Its administrators see
   * the mail if it cannot be delivered (null: company users, seen by any job centre's).
   */
  jobCentreId: string | null;
}

/** Single-use sign-in links (table magic_link); only token hashes are stored. */
@Injectable()
export class MagicLinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findActiveUserByEmail(m: EntityManager, email: string): Promise<ActiveUser | null> {
    // citizen belongs to the citizen lib: a read-only join for the citizen user's job centre,
    // kept here in the repository's query (libs/auth does not import libs/citizen).
    const rows: ActiveUser[] = await m.query(
      `SELECT u.id, u.display_name AS "displayName", u.preferred_language AS language,
              coalesce(u.job_centre_id, c.job_centre_id) AS "jobCentreId"
         FROM app_user u LEFT JOIN citizen c ON c.user_id = u.id
        WHERE u.email = $1 AND u.disabled_at IS NULL`,
      [email],
    );
    return rows[0] ?? null;
  }

  async insert(
    m: EntityManager,
    userId: string,
    tokenHash: string,
    ttlMinutes: number,
  ): Promise<void> {
    await m.query(
      `INSERT INTO magic_link (user_id, token_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(mins => $3))`,
      [userId, tokenHash, ttlMinutes],
    );
  }

  /**
   * The link for a token, locked so that it signs in at most once; expiry by the database clock.
   * The user's row is locked first, so redemptions of two links of one user run one after the
   * other (each marks all of the user's links used) instead of deadlocking on each other's links.
   */
  async lock(m: EntityManager, tokenHash: string): Promise<MagicLinkRow | null> {
    await m.query(
      `SELECT 1 FROM app_user
        WHERE id = (SELECT user_id FROM magic_link WHERE token_hash = $1)
        FOR NO KEY UPDATE`,
      [tokenHash],
    );
    const rows: MagicLinkRow[] = await m.query(
      `SELECT l.id, l.user_id AS "userId", l.expires_at <= now() AS expired, l.used_at AS "usedAt",
              u.disabled_at IS NULL AS "userActive"
         FROM magic_link l JOIN app_user u ON u.id = l.user_id
        WHERE l.token_hash = $1 FOR UPDATE OF l`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Uses up every unused link of the user: one sign-in ends them all. */
  async markAllUsed(m: EntityManager, userId: string): Promise<void> {
    await m.query(`UPDATE magic_link SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
    ]);
  }

  /** Links a day past their expiry are no use to anyone, not even to say "expired". */
  async deleteStale(m: EntityManager): Promise<void> {
    await m.query(`DELETE FROM magic_link WHERE expires_at < now() - interval '1 day'`);
  }
}
