import type { Cursor, Role } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { InvitationRecord, InvitationStatus, NewInvitation } from './invitation.types';

const COLUMNS = `
  i.id, i.kind, i.email, i.display_name AS "displayName", i.role, i.language,
  i.job_centre_id AS "jobCentreId", i.company_id AS "companyId", i.company_cvr AS "companyCvr",
  i.subject_id AS "subjectId", i.invited_by AS "invitedBy", u.display_name AS "invitedByName",
  i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt",
  i.accepted_user_id AS "acceptedUserId", i.revoked_at AS "revokedAt"`;

const STATUS_SQL: Record<InvitationStatus, string> = {
  pending: `i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`,
  accepted: `i.accepted_at IS NOT NULL`,
  revoked: `i.revoked_at IS NOT NULL`,
  expired: `i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= now()`,
};

/**
 * Whose invitations a caller sees ($1 = user id, $2 = job centre of an administrator or null):
 * the ones they sent; an administrator also every invitation of their job centre; a company admin
 * also every invitation to their companies.
 */
const VISIBLE_TO = `(
  i.invited_by = $1
  OR ($2::uuid IS NOT NULL AND i.job_centre_id = $2)
  OR i.company_id IN (SELECT ca.company_id FROM company_admin ca WHERE ca.user_id = $1))`;

export interface ExistingUserRow {
  id: string;
  role: Role;
  jobCentreId: string | null;
  disabledAt: Date | null;
}

/** Invitations (table invitation). */
@Injectable()
export class InvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(
    m: EntityManager,
    row: Omit<NewInvitation, 'invitedBy'> & {
      tokenHash: string;
      invitedBy: string;
      ttlDays: number;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO invitation (kind, token_hash, email, display_name, role, language, job_centre_id,
                               company_id, company_cvr, subject_id, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() + make_interval(days => $12))
       RETURNING id`,
      [
        row.kind,
        row.tokenHash,
        row.email,
        row.displayName,
        row.role,
        row.language,
        row.jobCentreId,
        row.companyId,
        row.companyCvr,
        row.subjectId,
        row.invitedBy,
        row.ttlDays,
      ],
    );
    return rows[0].id;
  }

  async findById(m: EntityManager | undefined, id: string): Promise<InvitationRecord | null> {
    const rows: InvitationRecord[] = await (m ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM invitation i LEFT JOIN app_user u ON u.id = i.invited_by WHERE i.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The invitation for a token, locked so that it is accepted at most once. */
  async lockByTokenHash(m: EntityManager, tokenHash: string): Promise<InvitationRecord | null> {
    const rows: InvitationRecord[] = await m.query(
      `SELECT ${COLUMNS} FROM invitation i LEFT JOIN app_user u ON u.id = i.invited_by
        WHERE i.token_hash = $1 FOR UPDATE OF i`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** The invitation if the caller may see it (see VISIBLE_TO), locked for a change. */
  async lockVisible(
    m: EntityManager,
    id: string,
    userId: string,
    adminJobCentreId: string | null,
  ): Promise<InvitationRecord | null> {
    const rows: InvitationRecord[] = await m.query(
      `SELECT ${COLUMNS} FROM invitation i LEFT JOIN app_user u ON u.id = i.invited_by
        WHERE i.id = $3 AND ${VISIBLE_TO} FOR UPDATE OF i`,
      [userId, adminJobCentreId, id],
    );
    return rows[0] ?? null;
  }

  async page(
    userId: string,
    adminJobCentreId: string | null,
    status: InvitationStatus | null,
    first: number,
    after: Cursor | null,
  ): Promise<{ rows: InvitationRecord[]; totalCount: number }> {
    const where = [VISIBLE_TO, status ? STATUS_SQL[status] : 'true'].join(' AND ');
    const rows: InvitationRecord[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM invitation i LEFT JOIN app_user u ON u.id = i.invited_by
        WHERE ${where}
          AND ($3::timestamptz IS NULL OR (i.created_at, i.id) < ($3::timestamptz, $4::uuid))
        ORDER BY i.created_at DESC, i.id DESC
        LIMIT $5`,
      [userId, adminJobCentreId, after?.at ?? null, after?.id ?? null, first + 1],
    );
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM invitation i WHERE ${where}`,
      [userId, adminJobCentreId],
    );
    return { rows, totalCount: n };
  }

  async markAccepted(m: EntityManager, id: string, userId: string): Promise<void> {
    await m.query(
      `UPDATE invitation SET accepted_at = now(), accepted_user_id = $2 WHERE id = $1`,
      [id, userId],
    );
  }

  async markRevoked(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE invitation SET revoked_at = now() WHERE id = $1`, [id]);
  }

  /**
   * Revokes the pending invitations one user sent (only those for one company when given);
   * returns how many.
   */
  async revokePendingFrom(
    m: EntityManager,
    inviterUserId: string,
    companyId: string | null,
  ): Promise<number> {
    const [{ n }]: { n: number }[] = await m.query(
      `WITH revoked AS (
         UPDATE invitation i SET revoked_at = now()
          WHERE i.invited_by = $1 AND ($2::uuid IS NULL OR i.company_id = $2)
            AND ${STATUS_SQL.pending}
          RETURNING i.id)
       SELECT count(*)::int AS n FROM revoked`,
      [inviterUserId, companyId],
    );
    return n;
  }

  async revokePendingFor(m: EntityManager, kind: string, subjectId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await m.query(
      `WITH revoked AS (
         UPDATE invitation i SET revoked_at = now()
          WHERE i.kind = $1 AND i.subject_id = $2 AND ${STATUS_SQL.pending}
          RETURNING i.id)
       SELECT count(*)::int AS n FROM revoked`,
      [kind, subjectId],
    );
    return n;
  }

  /** A new token and a new expiry: the old link stops working. */
  async renew(m: EntityManager, id: string, tokenHash: string, ttlDays: number): Promise<void> {
    await m.query(
      `UPDATE invitation SET token_hash = $2,
                             expires_at = now() + make_interval(days => $3)
        WHERE id = $1`,
      [id, tokenHash, ttlDays],
    );
  }

  /** The account that has this address, locked (it may be linked to the invitation). */
  async lockUserByEmail(m: EntityManager, email: string): Promise<ExistingUserRow | null> {
    const rows: ExistingUserRow[] = await m.query(
      `SELECT id, role, job_centre_id AS "jobCentreId", disabled_at AS "disabledAt"
         FROM app_user WHERE email = $1 FOR UPDATE`,
      [email],
    );
    return rows[0] ?? null;
  }

  /** The inviter as they stand now (role, job centre, deactivation), or null if gone. */
  async inviter(
    m: EntityManager,
    userId: string,
  ): Promise<{ role: Role; jobCentreId: string | null; disabledAt: Date | null } | null> {
    const rows: { role: Role; jobCentreId: string | null; disabledAt: Date | null }[] =
      await m.query(
        `SELECT role, job_centre_id AS "jobCentreId", disabled_at AS "disabledAt"
           FROM app_user WHERE id = $1`,
        [userId],
      );
    return rows[0] ?? null;
  }

  async userName(m: EntityManager, userId: string): Promise<string | null> {
    const rows: { name: string }[] = await m.query(
      `SELECT display_name AS name FROM app_user WHERE id = $1`,
      [userId],
    );
    return rows[0]?.name ?? null;
  }

  /** The name of what the person is invited into: the company, or else the job centre. */
  async organisationName(
    m: EntityManager,
    companyId: string | null,
    jobCentreId: string | null,
  ): Promise<string | null> {
    const rows: { name: string }[] = await m.query(
      `SELECT coalesce((SELECT name FROM company WHERE id = $1),
                       (SELECT name FROM job_centre WHERE id = $2)) AS name`,
      [companyId, jobCentreId],
    );
    return rows[0]?.name ?? null;
  }
}
