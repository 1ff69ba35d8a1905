import type { Principal } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type AuditAction = 'read' | 'create' | 'update' | 'export';

export interface AuditEntry {
  principal: Principal;
  citizenIds: readonly string[];
  action: AuditAction;
  /** The operation (purpose) as the citizen will see it, e.g. "citizen", "updatePlan". */
  operation: string;
  allowed: boolean;
}

export interface AccessLogRow {
  occurredAt: Date;
  action: AuditAction;
  operation: string;
  userRole: string | null;
  userName: string | null;
  allowed: boolean;
}

/**
 * The audit trail of personal data: one row per citizen per read or change, allowed or denied.
 * Rows hold who, when, what operation and whose data, never the data itself. Written outside the
 * business transaction, so a refused or failed attempt is still on record.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry): Promise<void> {
    if (entry.citizenIds.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO audit_event (user_id, user_role, citizen_id, action, operation, allowed)
       SELECT $1, $2, unnest($3::uuid[]), $4, $5, $6`,
      [
        entry.principal.userId,
        entry.principal.role,
        entry.citizenIds,
        entry.action,
        entry.operation,
        entry.allowed,
      ],
    );
  }

  /** As record(), for the ids among these that are citizens (ids from a request may be anything). */
  async recordForExistingCitizens(entry: AuditEntry): Promise<void> {
    if (entry.citizenIds.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO audit_event (user_id, user_role, citizen_id, action, operation, allowed)
       SELECT $1, $2, c.id, $4, $5, $6 FROM citizen c WHERE c.id = ANY($3::uuid[])`,
      [
        entry.principal.userId,
        entry.principal.role,
        entry.citizenIds,
        entry.action,
        entry.operation,
        entry.allowed,
      ],
    );
  }

  /** A citizen's own view of the lookups: when, by which role (and name for staff), for what. */
  accessLog(citizenId: string, limit: number): Promise<AccessLogRow[]> {
    return this.dataSource.query<AccessLogRow[]>(
      `SELECT a.occurred_at AS "occurredAt", a.action, a.operation, a.user_role AS "userRole",
              u.display_name AS "userName", a.allowed
         FROM audit_event a LEFT JOIN app_user u ON u.id = a.user_id
        WHERE a.citizen_id = $1
        ORDER BY a.occurred_at DESC, a.id DESC
        LIMIT $2`,
      [citizenId, limit],
    );
  }

  /** Deletes rows older than the retention; returns how many went. */
  async purgeOlderThan(days: number): Promise<number> {
    const result = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM audit_event WHERE occurred_at < now() - make_interval(days => $1)`,
      [days],
    );
    return result[1];
  }
}
