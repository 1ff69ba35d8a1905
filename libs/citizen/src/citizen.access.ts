import { AuditService } from '@jobbro/auth';
import { forbidden, isStaff, type Principal, Role } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { ConsentScope } from './citizen.enums';
import { CitizenRepository } from './citizen.repository';
import type { CitizenRow } from './citizen.types';

/** What one caller may do with one citizen's data. */
export interface CitizenAccessDecision {
  read: boolean;
  /** Change the case (goals, plan, meetings, team): staff of the citizen's job centre. */
  write: boolean;
  /** Health and social data (GDPR art. 9): the citizen and the professionals on their team. */
  specialCategory: boolean;
  /** The citizen themself. */
  self: boolean;
  /** For company users: exactly what the citizen agreed to share with their company. */
  sharedScopes: ConsentScope[] | 'all';
}

const NONE: CitizenAccessDecision = {
  read: false,
  write: false,
  specialCategory: false,
  self: false,
  sharedScopes: [],
};

/**
 * Need-to-know access to citizens, in one place:
 * - staff (consultant, caseworker, administrator) see citizens of their own job centre and may
 *   work on the case; health and social data only when they are on the citizen's team;
 * - company admins and mentors see only what the citizen consented to share with their company,
 *   and never special-category data;
 * - a citizen sees their own data, team and access log;
 * - nobody else sees anything, and every decision (allowed or not) is written to the audit trail.
 */
@Injectable()
export class CitizenAccess {
  constructor(
    private readonly citizens: CitizenRepository,
    private readonly audit: AuditService,
  ) {}

  async decide(principal: Principal, citizen: CitizenRow): Promise<CitizenAccessDecision> {
    if (principal.role === Role.Citizen) {
      return citizen.userId === principal.userId
        ? { read: true, write: false, specialCategory: true, self: true, sharedScopes: 'all' }
        : NONE;
    }
    if (isStaff(principal.role)) {
      if (principal.jobCentreId !== citizen.jobCentreId) return NONE;
      const assigned = await this.citizens.isAssigned(citizen.id, principal.userId);
      return {
        read: true,
        write: true,
        specialCategory: assigned,
        self: false,
        sharedScopes: 'all',
      };
    }
    if (principal.role === Role.CompanyAdmin || principal.role === Role.Mentor) {
      const companyIds = await this.citizens.companyIdsOfUser(principal.userId);
      const scopes = companyIds.length
        ? await this.citizens.sharedScopes(citizen.id, companyIds)
        : [];
      return scopes.length
        ? { read: true, write: false, specialCategory: false, self: false, sharedScopes: scopes }
        : NONE;
    }
    return NONE;
  }

  /**
   * Decides, writes the audit row (allowed or denied) and throws FORBIDDEN when the caller may not
   * do what `need` asks. Returns the decision for field-level filtering.
   */
  async check(
    principal: Principal,
    citizen: CitizenRow,
    operation: string,
    need: 'read' | 'write' | 'specialCategory',
    action: 'read' | 'create' | 'update' | 'export' = need === 'read' ? 'read' : 'update',
  ): Promise<CitizenAccessDecision> {
    const decision = await this.decide(principal, citizen);
    const allowed = decision[need];
    await this.audit.record({ principal, citizenIds: [citizen.id], action, operation, allowed });
    if (!allowed) throw forbidden();
    return decision;
  }

  /** Records a refused attempt on a citizen the caller could not even see. */
  async recordDenied(
    principal: Principal,
    citizenId: string,
    operation: string,
    action: 'read' | 'update',
  ): Promise<void> {
    await this.audit.record({
      principal,
      citizenIds: [citizenId],
      action,
      operation,
      allowed: false,
    });
  }
}

export const shares = (decision: CitizenAccessDecision, scope: ConsentScope): boolean =>
  decision.sharedScopes === 'all' || decision.sharedScopes.includes(scope);
