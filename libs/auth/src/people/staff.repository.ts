import type { Cursor, Role } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from '../user.entity';

export interface StaffFilter {
  role?: Role | null;
  active?: boolean | null;
  /** Part of the name or email, case-insensitive. */
  search?: string | null;
}

export interface StaffRow {
  id: string;
  role: Role;
  disabledAt: Date | null;
}

const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.role,
  u.job_centre_id AS "jobCentreId", u.preferred_language AS "preferredLanguage",
  u.notification_mode AS "notificationMode", u.disabled_at AS "disabledAt",
  u.created_at AS "createdAt"`;

const JOB_CENTRE_ROLES_SQL = `('administrator', 'job_consultant', 'caseworker', 'social_support_worker')`;

/** Staff accounts of a job centre, for its administrators. */
@Injectable()
export class StaffRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async page(
    jobCentreId: string,
    filter: StaffFilter,
    first: number,
    after: Cursor | null,
  ): Promise<{ rows: UserEntity[]; totalCount: number }> {
    const like = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const where = `u.job_centre_id = $1 AND u.role::text IN ${JOB_CENTRE_ROLES_SQL}
      AND ($2::user_role IS NULL OR u.role = $2::user_role)
      AND ($3::boolean IS NULL OR (u.disabled_at IS NULL) = $3::boolean)
      AND ($4::text IS NULL OR u.display_name ILIKE $4 OR u.email::text ILIKE $4)`;
    const params = [jobCentreId, filter.role ?? null, filter.active ?? null, like];
    const rows: UserEntity[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM app_user u
        WHERE ${where}
          AND ($5::timestamptz IS NULL OR (u.created_at, u.id) < ($5::timestamptz, $6::uuid))
        ORDER BY u.created_at DESC, u.id DESC
        LIMIT $7`,
      [...params, after?.at ?? null, after?.id ?? null, first + 1],
    );
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM app_user u WHERE ${where}`,
      params,
    );
    return { rows, totalCount: n };
  }

  /**
   * Locks the job centre's staff (the target and every active administrator) so that two
   * administrators cannot each remove the other as the last one; under that lock, locks the
   * caller's row and says whether they are still an active administrator of the job centre (a
   * concurrent change may have demoted or deactivated them after their request was let in).
   * `target` is null when the user is not staff of this job centre.
   */
  async lockForChange(
    m: EntityManager,
    jobCentreId: string,
    callerId: string,
    userId: string,
  ): Promise<{
    callerIsAdministrator: boolean;
    target: StaffRow | null;
    activeAdministrators: number;
  }> {
    await m.query(`SELECT 1 FROM job_centre WHERE id = $1 FOR UPDATE`, [jobCentreId]);
    const caller: unknown[] = await m.query(
      `SELECT 1 FROM app_user
        WHERE id = $2 AND job_centre_id = $1 AND role = 'administrator' AND disabled_at IS NULL
        FOR UPDATE`,
      [jobCentreId, callerId],
    );
    const rows: StaffRow[] = await m.query(
      `SELECT id, role, disabled_at AS "disabledAt" FROM app_user
        WHERE id = $2 AND job_centre_id = $1 AND role::text IN ${JOB_CENTRE_ROLES_SQL}
        FOR UPDATE`,
      [jobCentreId, userId],
    );
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM app_user
        WHERE job_centre_id = $1 AND role = 'administrator' AND disabled_at IS NULL`,
      [jobCentreId],
    );
    return {
      callerIsAdministrator: caller.length > 0,
      target: rows[0] ?? null,
      activeAdministrators: n,
    };
  }

  /** Deactivates the user and ends every session and refresh token of theirs at once. */
  async deactivate(m: EntityManager, userId: string): Promise<void> {
    await m.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL`, [
      userId,
    ]);
    await m.query(
      `UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    await m.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    await m.query(`UPDATE magic_link SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
    ]);
  }

  async reactivate(m: EntityManager, userId: string): Promise<void> {
    await m.query(`UPDATE app_user SET disabled_at = NULL WHERE id = $1`, [userId]);
  }

  async changeRole(m: EntityManager, userId: string, role: Role): Promise<void> {
    await m.query(`UPDATE app_user SET role = $2 WHERE id = $1`, [userId, role]);
  }

  async updateSettings(
    userId: string,
    mode: 'immediate' | 'daily_digest',
    language: 'da' | 'en' | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE app_user SET notification_mode = $2, preferred_language = coalesce($3, preferred_language)
        WHERE id = $1`,
      [userId, mode, language],
    );
  }

  findUser(m: EntityManager | undefined, id: string): Promise<UserEntity | null> {
    return (m ?? this.dataSource.manager).getRepository(UserEntity).findOneBy({ id });
  }
}
