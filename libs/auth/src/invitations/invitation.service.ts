import {
  AppConfig,
  decodeCursor,
  isJobCentreRole,
  type Language,
  normalizeEmail,
  type Page,
  type Principal,
  Role,
  toPage,
} from '@jobbro/core';
import { type MailKind, MailOutbox, publicBaseUrl } from '@jobbro/notifications';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit.service';
import { AuthException } from '../auth.exception';
import { AuthRepository } from '../auth.repository';
import { AuthService, type TokenPair } from '../auth.service';
import { newToken, tokenHash } from '../password';
import { InvitationLimiter, TokenSignInLimiter } from '../throttle/people.limiter';
import { UserEntity } from '../user.entity';
import type { InvitationModel } from './invitation.model';
import { InvitationRepository } from './invitation.repository';
import {
  type InvitationAcceptor,
  type InvitationKind,
  type InvitationRecord,
  type InvitationStatus,
  type NewInvitation,
  statusOf,
} from './invitation.types';

/** The role each kind creates (staff: one of the job-centre roles, chosen by the inviter). */
const KIND_ROLE: Record<Exclude<InvitationKind, 'staff'>, Role> = {
  company_admin: Role.CompanyAdmin,
  mentor: Role.Mentor,
  citizen: Role.Citizen,
};

const MAIL_KIND = {
  staff: 'invitation-staff',
  company_admin: 'invitation-company-admin',
  mentor: 'invitation-mentor',
  citizen: 'invitation-citizen',
} as const satisfies Record<InvitationKind, MailKind>;

/** A staff role's name in the invitation mail. */
export const ROLE_NAMES: Record<Role, { da: string; en: string }> = {
  [Role.Administrator]: { da: 'administrator', en: 'administrator' },
  [Role.JobConsultant]: { da: 'jobkonsulent', en: 'job consultant' },
  [Role.Caseworker]: { da: 'sagsbehandler', en: 'caseworker' },
  [Role.SocialSupportWorker]: { da: 'CTI-medarbejder', en: 'social-support worker' },
  [Role.CompanyAdmin]: { da: 'virksomhedsadministrator', en: 'company administrator' },
  [Role.Mentor]: { da: 'mentor', en: 'mentor' },
  [Role.Citizen]: { da: 'borger', en: 'citizen' },
};

export const toInvitationModel = (row: InvitationRecord, now = new Date()): InvitationModel => ({
  id: row.id,
  kind: row.kind,
  email: row.email,
  displayName: row.displayName,
  role: row.role,
  status: statusOf(row, now),
  invitedBy: { id: row.invitedBy, displayName: row.invitedByName },
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  acceptedAt: row.acceptedAt,
  revokedAt: row.revokedAt,
  companyId: row.companyId,
  companyCvr: row.companyCvr,
  jobCentreId: row.jobCentreId,
});

/**
 * Invitations: a single-use link (INVITATION_TTL_DAYS, default 7) that creates the user on first
 * use, with the invitation's role (and job centre for staff), runs the kind's acceptor (registered
 * by the company and citizen modules) in the same transaction, and signs the person in. No
 * password is needed: they sign in later by magic link.
 *
 * An address that already has an account: the invitation links to that account when its role is
 * the invitation's role (and, for staff, the same job centre), e.g. a company admin invited to a
 * second company or a mentor of a second company; any other account (another role, another job
 * centre, or a deactivated account) is refused with INVITATION_ACCOUNT_EXISTS and nothing changes.
 */
@Injectable()
export class InvitationService {
  private readonly logger = new Logger(InvitationService.name);
  private readonly acceptors = new Map<InvitationKind, InvitationAcceptor>();

  constructor(
    private readonly invitations: InvitationRepository,
    private readonly users: AuthRepository,
    private readonly auth: AuthService,
    private readonly mail: MailOutbox,
    private readonly config: AppConfig,
    private readonly sendLimiter: InvitationLimiter,
    private readonly tokenLimiter: TokenSignInLimiter,
    private readonly audit: AuditService,
  ) {}

  /** What accepting an invitation of this kind does besides the user (one per kind). */
  registerAcceptor(kind: InvitationKind, acceptor: InvitationAcceptor): void {
    if (kind === 'staff') throw new Error('Staff invitations need no acceptor');
    if (this.acceptors.has(kind)) throw new Error(`An acceptor for ${kind} is already registered`);
    this.acceptors.set(kind, acceptor);
  }

  /**
   * Writes the invitation and its mail in the caller's transaction. The caller has checked that
   * the inviter may invite this person; the per-inviter limit is counted here (RATE_LIMITED).
   */
  async create(manager: EntityManager, input: NewInvitation): Promise<InvitationModel> {
    this.checkShape(input);
    await this.sendLimiter.count(input.invitedBy.userId);
    const token = newToken();
    const id = await this.invitations.insert(manager, {
      kind: input.kind,
      tokenHash: tokenHash(token),
      // Called by other libs (company, citizen) as well as inviteStaff: normalised here, once.
      email: normalizeEmail(input.email),
      displayName: input.displayName.trim(),
      role: input.role,
      language: input.language,
      jobCentreId: input.jobCentreId,
      companyId: input.companyId,
      companyCvr: input.companyCvr,
      subjectId: input.subjectId,
      invitedBy: input.invitedBy.userId,
      ttlDays: this.config.invitationTtlDays,
    });
    const row = await this.invitations.findById(manager, id);
    if (!row) throw new Error('The invitation just written is gone');
    await this.sendMail(manager, row, token);
    return toInvitationModel(row);
  }

  /** Staff of the administrator's own job centre. */
  async inviteStaff(
    principal: Principal,
    input: { email: string; displayName: string; role: Role; language?: Language | null },
    language: Language,
  ): Promise<InvitationModel> {
    if (principal.role !== Role.Administrator || !principal.jobCentreId)
      throw new AuthException('ROLE_NOT_ALLOWED');
    if (!isJobCentreRole(input.role)) throw new AuthException('ROLE_NOT_ALLOWED');
    return this.invitations.transaction((m) =>
      this.create(m, {
        kind: 'staff',
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        language: input.language ?? language,
        jobCentreId: principal.jobCentreId,
        companyId: null,
        companyCvr: null,
        subjectId: null,
        invitedBy: principal,
      }),
    );
  }

  /**
   * Accepts an invitation from its link: creates (or links) the user, runs the kind's acceptor and
   * signs in, all in one transaction; single use. Every attempt counts against the client IP like
   * a sign-in; a successful one gives it back.
   */
  async accept(token: string, ip: string): Promise<{ user: UserEntity; tokens: TokenPair }> {
    return this.tokenLimiter.guard(ip, () =>
      this.invitations.transaction(async (m) => {
        const invitation = await this.invitations.lockByTokenHash(m, tokenHash(token));
        if (!invitation) throw new AuthException('INVITATION_INVALID');
        const status = statusOf(invitation);
        if (status === 'accepted') throw new AuthException('INVITATION_USED');
        if (status === 'revoked') throw new AuthException('INVITATION_REVOKED');
        if (status === 'expired') throw new AuthException('INVITATION_EXPIRED');
        await this.checkInviterStillMay(m, invitation);
        const userId = await this.userFor(m, invitation);
        await this.invitations.markAccepted(m, invitation.id, userId);
        const acceptor = this.acceptors.get(invitation.kind);
        if (acceptor) {
          await acceptor(m, invitation, userId);
        } else if (invitation.kind !== 'staff') {
          this.logger.error(`No acceptor registered for ${invitation.kind} invitations`);
          throw new Error(`No acceptor for ${invitation.kind}`);
        }
        const user = await m.getRepository(UserEntity).findOneByOrFail({ id: userId });
        return { user, tokens: await this.auth.issueTokens(user, m) };
      }),
    );
  }

  async revoke(principal: Principal, id: string): Promise<InvitationModel> {
    return this.invitations.transaction(async (m) => {
      const row = await this.lockPending(m, principal, id);
      await this.invitations.markRevoked(m, row.id);
      return toInvitationModel((await this.invitations.findById(m, row.id))!);
    });
  }

  /**
   * Revokes the pending invitations a user sent (only those for `scope.companyId` when given), in
   * the caller's transaction: when the user loses the right they invited with (deactivated, new
   * role, no longer admin of the company). Returns how many were revoked.
   */
  async revokePendingFrom(
    manager: EntityManager,
    inviterUserId: string,
    scope?: { companyId?: string },
  ): Promise<number> {
    return this.invitations.revokePendingFrom(manager, inviterUserId, scope?.companyId ?? null);
  }

  /**
   * Revokes the pending invitations for one subject (e.g. a mentor who was deactivated), in the
   * caller's transaction; returns how many.
   */
  async revokePendingFor(
    manager: EntityManager,
    kind: InvitationKind,
    subjectId: string,
  ): Promise<number> {
    return this.invitations.revokePendingFor(manager, kind, subjectId);
  }

  /** A new link (new token, new expiry) and a new mail; the old link stops working. */
  async resend(principal: Principal, id: string): Promise<InvitationModel> {
    return this.invitations.transaction(async (m) => {
      const row = await this.lockPending(m, principal, id, true);
      await this.sendLimiter.count(principal.userId);
      const token = newToken();
      await this.invitations.renew(m, row.id, tokenHash(token), this.config.invitationTtlDays);
      const renewed = (await this.invitations.findById(m, row.id))!;
      await this.sendMail(m, renewed, token);
      return toInvitationModel(renewed);
    });
  }

  async list(
    principal: Principal,
    status: InvitationStatus | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<InvitationModel>> {
    const cursor = decodeCursor(after);
    const { rows, totalCount } = await this.invitations.page(
      principal.userId,
      this.adminJobCentre(principal),
      status ?? null,
      first,
      cursor,
    );
    // A citizen invitation shows the citizen's name and address: seen by anyone but its inviter
    // (the job centre's administrators), it is a read of the citizen's data, audited as one.
    const citizenIds = rows
      .slice(0, first)
      .filter((r) => r.kind === 'citizen' && r.subjectId && r.invitedBy !== principal.userId)
      .map((r) => r.subjectId!);
    await this.audit.recordForExistingCitizens({
      principal,
      citizenIds: [...new Set(citizenIds)],
      action: 'read',
      operation: 'invitations',
      allowed: true,
    });
    const now = new Date();
    return toPage(
      rows.map((r) => toInvitationModel(r, now)),
      first,
      totalCount,
      (r) => r.createdAt,
    );
  }

  private adminJobCentre(principal: Principal): string | null {
    return principal.role === Role.Administrator ? principal.jobCentreId : null;
  }

  /** A visible invitation that is still open (expired ones may be re-sent, not revoked ones). */
  private async lockPending(
    m: EntityManager,
    principal: Principal,
    id: string,
    allowExpired = false,
  ): Promise<InvitationRecord> {
    const row = await this.invitations.lockVisible(
      m,
      id,
      principal.userId,
      this.adminJobCentre(principal),
    );
    if (!row) throw new AuthException('INVITATION_NOT_FOUND');
    const status = statusOf(row);
    if (status === 'pending' || (allowExpired && status === 'expired')) return row;
    throw new AuthException('INVITATION_NOT_PENDING');
  }

  /**
   * An invitation is only as good as its sender's rights now: refused as withdrawn when the
   * inviter has been deactivated, or (staff invitations) is no longer an administrator of the
   * invitation's job centre. Company and citizen invitations: their acceptors re-check the
   * inviter's company or citizen rights. Deactivation and role changes also revoke pending
   * invitations outright (revokePendingFrom); this covers the rest (e.g. changes made in SQL).
   * Not locked: a concurrent deactivation waits on the invitation row this transaction holds.
   */
  private async checkInviterStillMay(
    m: EntityManager,
    invitation: InvitationRecord,
  ): Promise<void> {
    const inviter = await this.invitations.inviter(m, invitation.invitedBy);
    const may =
      !!inviter &&
      !inviter.disabledAt &&
      (invitation.kind !== 'staff' ||
        (inviter.role === Role.Administrator && inviter.jobCentreId === invitation.jobCentreId));
    if (!may) throw new AuthException('INVITATION_REVOKED');
  }

  /** The user the invitation is for: a new one, or the existing account it may link to. */
  private async userFor(m: EntityManager, invitation: InvitationRecord): Promise<string> {
    const existing = await this.invitations.lockUserByEmail(m, invitation.email);
    const jobCentreId = invitation.kind === 'staff' ? invitation.jobCentreId : null;
    if (existing) {
      const sameRole = existing.role === invitation.role;
      const sameCentre = invitation.kind !== 'staff' || existing.jobCentreId === jobCentreId;
      if (sameRole && sameCentre && !existing.disabledAt && invitation.kind !== 'citizen')
        return existing.id;
      throw new AuthException('INVITATION_ACCOUNT_EXISTS');
    }
    try {
      const user = await this.users.insertUser(
        {
          email: invitation.email,
          passwordHash: null,
          displayName: invitation.displayName,
          role: invitation.role,
          jobCentreId,
          preferredLanguage: invitation.language,
        },
        m,
      );
      return user.id;
    } catch (e) {
      // Another acceptance created the address a moment ago (the row lock above saw nothing).
      if ((e as { driverError?: { code?: string } }).driverError?.code === '23505')
        throw new AuthException('INVITATION_ACCOUNT_EXISTS');
      throw e;
    }
  }

  private async sendMail(m: EntityManager, row: InvitationRecord, token: string): Promise<void> {
    const inviterName = (await this.invitations.userName(m, row.invitedBy)) ?? 'Jobbro';
    const organisationName =
      (await this.invitations.organisationName(m, row.companyId, row.jobCentreId)) ?? 'Jobbro';
    const validDays = Math.max(1, Math.round((row.expiresAt.getTime() - Date.now()) / 86_400_000));
    await this.mail.enqueue(m, {
      kind: MAIL_KIND[row.kind],
      to: row.email,
      language: row.language,
      jobCentreId: row.jobCentreId,
      userId: null,
      params: {
        displayName: row.displayName,
        inviterName,
        organisationName: row.kind === 'company_admin' && !row.companyId ? null : organisationName,
        role: ROLE_NAMES[row.role],
        // In the fragment, so the token never reaches a server log through the page's URL.
        acceptUrl: `${publicBaseUrl(this.config)}/invitation#token=${token}`,
        validDays,
      },
    });
  }

  private checkShape(input: NewInvitation): void {
    const fits =
      input.kind === 'staff' ? isJobCentreRole(input.role) : KIND_ROLE[input.kind] === input.role;
    if (!fits) throw new AuthException('ROLE_NOT_ALLOWED');
  }
}
