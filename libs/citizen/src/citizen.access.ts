import { AuditService } from '@jobbro/auth';
import { forbidden, isStaff, type Principal, Role } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { AssignmentRole, ConsentScope } from './citizen.enums';
import { CitizenException } from './citizen.exception';
import { CitizenRepository } from './citizen.repository';
import type { CitizenRow } from './citizen.types';

/** What one caller may do with one citizen's data. */
export interface CitizenAccessDecision {
  /** The caller may know this citizen exists (and read what `sharedScopes` allows). */
  read: boolean;
  /** Change the case (goals, plan, meetings): staff of the citizen's job centre. */
  write: boolean;
  /** Health and social data (GDPR art. 9): the citizen and the professionals on their team. */
  specialCategory: boolean;
  /** The citizen themself. */
  self: boolean;
  /** For company users: exactly what the citizen agreed to share with their company. */
  sharedScopes: ConsentScope[] | 'all';
  /** The caller's roles on the citizen's team (empty when not on it). */
  teamRoles: AssignmentRole[];
}

const NONE: CitizenAccessDecision = {
  read: false,
  write: false,
  specialCategory: false,
  self: false,
  sharedScopes: [],
  teamRoles: [],
};

/** Team roles that coordinate the case and so may change who else is on the team. */
const COORDINATING: readonly AssignmentRole[] = [
  AssignmentRole.Caseworker,
  AssignmentRole.Consultant,
];

/**
 * Who may add someone to (or remove someone from) a citizen's team. Being on the team opens the
 * citizen's health and social data, so:
 * - nobody adds themselves (in any role, even when already on the team in another);
 * - the coordinating caseworker or consultant (staff on the team in one of those roles) may add or
 *   remove others;
 * - an administrator of the citizen's job centre may add or remove others, on the team or not;
 * - anyone on the team may remove themselves (leaving takes access away, never grants it);
 * - everyone else may not: a social-support member, staff off the team, staff of another job
 *   centre (who are not even told the citizen exists), company users and citizens.
 */
export function mayChangeTeam(change: {
  role: Role;
  sameJobCentre: boolean;
  teamRoles: readonly AssignmentRole[];
  self: boolean;
  kind: 'add' | 'remove';
}): boolean {
  if (!isStaff(change.role) || !change.sameJobCentre) return false;
  if (change.self) return change.kind === 'remove' && change.teamRoles.length > 0;
  return (
    change.role === Role.Administrator || change.teamRoles.some((r) => COORDINATING.includes(r))
  );
}

/**
 * Who may invite a citizen to their own login: staff of the citizen's job centre who coordinate the
 * citizen's team (on it as caseworker or consultant, the same roles that may change the team).
 * Whoever accepts the invitation becomes the citizen (their special-category data, consents and
 * access log), so this is the decision to hand out the citizen's identity: not for staff off the
 * team, nor for a social-support member (who may not change the team either), nor for anyone
 * else. The acceptance checks it again (the inviter may have left the team or been deactivated).
 */
export function mayInviteCitizen(invite: {
  role: Role;
  sameJobCentre: boolean;
  teamRoles: readonly AssignmentRole[];
}): boolean {
  return (
    isStaff(invite.role) &&
    invite.sameJobCentre &&
    invite.teamRoles.some((r) => COORDINATING.includes(r))
  );
}

/**
 * Need-to-know access to citizens, in one place:
 * - staff (consultant, caseworker, administrator) see citizens of their own job centre and may
 *   work on the case; health and social data only when they are on the citizen's team;
 * - company admins and mentors see only what the citizen consented to share with their company,
 *   and never special-category data;
 * - a citizen sees their own data, team and access log;
 * - nobody else sees anything, and every decision (allowed or not) is written to the audit trail.
 *
 * Existence: a caller who may not know a citizen exists (staff of another job centre, a company
 * without the citizen's consent, another citizen) is answered exactly as for an id that does not
 * exist: NOT_FOUND with the same message (CITIZEN_NOT_FOUND, or JOB_GOAL_NOT_FOUND /
 * CONSENT_NOT_FOUND when the id named a goal or a consent). Only a caller who may know the citizen
 * exists but not do this (e.g. staff of the citizen's job centre off the team asking for health
 * data) gets FORBIDDEN. Refusals of either kind are audited.
 *
 * Special-category fields (needs' notes, limits and support needs; meeting notes and decisions)
 * are refused with FORBIDDEN to anyone who may not see them, whether or not they hold a value, so
 * the refusal says nothing about the data. Only staff of the citizen's job centre are told that
 * something is hidden from them (`specialCategoryHidden`), so they can ask to join the team;
 * companies are never told whether such data exists.
 *
 * The team: see `mayChangeTeam` above. Every change (adding or removing) carries a reason, which
 * the citizen sees in their access log together with who changed whom, and when.
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
        ? {
            read: true,
            write: false,
            specialCategory: true,
            self: true,
            sharedScopes: 'all',
            teamRoles: [],
          }
        : NONE;
    }
    if (isStaff(principal.role)) {
      if (principal.jobCentreId !== citizen.jobCentreId) return NONE;
      const teamRoles = await this.citizens.teamRolesOf(citizen.id, principal.userId);
      return {
        read: true,
        write: true,
        specialCategory: teamRoles.length > 0,
        self: false,
        sharedScopes: 'all',
        teamRoles,
      };
    }
    if (principal.role === Role.SocialSupportWorker) {
      // A CTI worker sees (not changes) only the citizens whose team they are on (need to know).
      if (principal.jobCentreId !== citizen.jobCentreId) return NONE;
      const teamRoles = await this.citizens.teamRolesOf(citizen.id, principal.userId);
      return teamRoles.length > 0
        ? {
            read: true,
            write: false,
            specialCategory: true,
            self: false,
            sharedScopes: 'all',
            teamRoles,
          }
        : NONE;
    }
    if (principal.role === Role.CompanyAdmin || principal.role === Role.Mentor) {
      const companyIds = await this.citizens.companyIdsOfUser(principal.userId);
      const scopes = companyIds.length
        ? await this.citizens.sharedScopes(citizen.id, companyIds)
        : [];
      return scopes.length ? { ...NONE, read: true, sharedScopes: scopes } : NONE;
    }
    return NONE;
  }

  /**
   * Decides, writes the audit row (allowed or denied) and throws when the caller may not do what
   * `need` asks: NOT_FOUND (`hidden`, by default CITIZEN_NOT_FOUND) to a caller who may not know
   * the citizen exists, FORBIDDEN to one who may. Returns the decision for field-level filtering.
   */
  async check(
    principal: Principal,
    citizen: CitizenRow,
    operation: string,
    need: 'read' | 'write' | 'specialCategory',
    action: 'read' | 'create' | 'update' | 'export' = need === 'read' ? 'read' : 'update',
    hidden?: () => Error,
  ): Promise<CitizenAccessDecision> {
    const decision = await this.decide(principal, citizen);
    await this.enforce(principal, citizen, decision, decision[need], operation, action, hidden);
    return decision;
  }

  /**
   * Audits a decision the caller made from `decide` and throws the refusal `check` would throw.
   */
  async enforce(
    principal: Principal,
    citizen: CitizenRow,
    decision: CitizenAccessDecision,
    allowed: boolean,
    operation: string,
    action: 'read' | 'create' | 'update' | 'export',
    hidden?: () => Error,
  ): Promise<void> {
    await this.audit.record({ principal, citizenIds: [citizen.id], action, operation, allowed });
    if (allowed) return;
    throw decision.read ? forbidden() : (hidden?.() ?? new CitizenException('CITIZEN_NOT_FOUND'));
  }

  /**
   * Decides and audits an invitation of the citizen under `mayInviteCitizen`; throws NOT_FOUND or
   * FORBIDDEN as `check` does (FORBIDDEN to staff of the centre who are not coordinating the team).
   */
  async checkInvite(principal: Principal, citizen: CitizenRow): Promise<void> {
    const decision = await this.decide(principal, citizen);
    const allowed =
      decision.write &&
      mayInviteCitizen({
        role: principal.role,
        sameJobCentre: principal.jobCentreId === citizen.jobCentreId,
        teamRoles: decision.teamRoles,
      });
    await this.enforce(principal, citizen, decision, allowed, 'inviteCitizen', 'create');
  }

  /**
   * Decides and audits a team change under `mayChangeTeam`; throws NOT_FOUND or FORBIDDEN as
   * `check` does.
   */
  async checkTeamChange(
    principal: Principal,
    citizen: CitizenRow,
    memberUserId: string,
    kind: 'add' | 'remove',
  ): Promise<void> {
    const decision = await this.decide(principal, citizen);
    const allowed =
      decision.read &&
      mayChangeTeam({
        role: principal.role,
        sameJobCentre: principal.jobCentreId === citizen.jobCentreId,
        teamRoles: decision.teamRoles,
        self: memberUserId === principal.userId,
        kind,
      });
    await this.enforce(
      principal,
      citizen,
      decision,
      allowed,
      kind === 'add' ? 'addTeamMember' : 'removeTeamMember',
      'update',
    );
  }
}

export const shares = (decision: CitizenAccessDecision, scope: ConsentScope): boolean =>
  decision.sharedScopes === 'all' || decision.sharedScopes.includes(scope);

/** Only staff of the citizen's job centre may learn that something is hidden from them. */
export const mayKnowWhatIsHidden = (decision: CitizenAccessDecision): boolean =>
  decision.write && !decision.specialCategory;
