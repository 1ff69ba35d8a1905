import {
  AuthService,
  type InvitationModel,
  type InvitationRecord,
  InvitationService,
} from '@jobbro/auth';
import { forbidden, type Language, type Principal, Role } from '@jobbro/core';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CompanyAccess } from './company.access';
import type { CompanyEntity, MentorEntity } from './company.entities';
import { PartnershipStatus } from './company.enums';
import { CompanyException } from './company.exception';
import { type CompanyAdminRow, CompanyRepository } from './company.repository';
import type { CompanyRegistrationInviteModel } from './models/company.models';
import { CompanyService } from './company.service';
import { type AddMentorInput, type InviteCompanyUserInput } from './dto/company.inputs';
import { planCompanyInvitation } from './rules/company-invitation-rules';

const mentorNotFound = (field: string): CompanyException =>
  new CompanyException('MENTOR_NOT_FOUND', {}, [
    {
      field,
      constraint: 'exists',
      message: { da: 'Ukendt mentor.', en: 'Unknown mentor.' },
    },
  ]);

/**
 * The company's people: who administers it, and invitations that give company admins and mentors
 * their login.
 *
 * - A job centre's consultant or administrator invites the first company admin: for a company in
 *   active partnership with the job centre that has no admin yet (registered by staff, say), or
 *   for a new company (its CVR optionally prefilled; whether the CVR is registered in Jobbro is
 *   not told: registering it later is refused as a duplicate). Once a company has an admin, only
 *   its admins add admins (COMPANY_HAS_ADMIN). The invited admin of a new company sees that job
 *   centre and CVR (`companyRegistrationInvite`); registering that CVR starts an active
 *   partnership with the job centre at once (it asked by inviting, the company agreed by
 *   registering), any other CVR one proposed by the job centre for the company to accept.
 * - A company admin invites a second admin (`addCompanyAdmin`) or one of the company's mentors
 *   (`inviteMentor`, or `addMentor` with `invite`). The answer is the invitation whether or not
 *   the address has an account; accepting links an existing account of the same role.
 * - Accepting a company-admin invitation re-checks, under a lock on the company row, that it
 *   still holds: a job centre's invitation while the company has no admin and the partnership is
 *   active, an admin's invitation while the inviter is still an admin of the company.
 * - Removing an admin locks the company row, so two removals cannot leave it without one, and
 *   revokes the pending invitations they sent for the company.
 */
@Injectable()
export class CompanyPeopleService implements OnModuleInit {
  constructor(
    private readonly companies: CompanyRepository,
    private readonly company: CompanyService,
    private readonly access: CompanyAccess,
    private readonly invitations: InvitationService,
    private readonly auth: AuthService,
  ) {}

  onModuleInit(): void {
    this.invitations.registerAcceptor('company_admin', (m, invitation, userId) =>
      this.acceptAdmin(m, invitation, userId),
    );
    this.invitations.registerAcceptor('mentor', (m, invitation, userId) =>
      this.acceptMentor(m, invitation, userId),
    );
  }

  async inviteCompanyUser(
    principal: Principal,
    input: InviteCompanyUserInput,
    language: Language,
  ): Promise<InvitationModel> {
    const plan = planCompanyInvitation(principal.role, input);
    const person = {
      email: input.email ?? '',
      displayName: input.displayName ?? '',
      language: input.language ?? language,
    };
    switch (plan.kind) {
      case 'invalid':
        throw new CompanyException(plan.code, {}, plan.problems);
      case 'forbidden':
        throw forbidden();
      case 'mentor':
        return this.inviteMentor(principal, plan.mentorId, person.language);
      case 'adminOfCompany':
        if (plan.side === 'company') return this.addCompanyAdmin(principal, plan.companyId, person);
        return this.inviteAdminForPartner(principal, plan.companyId, person);
      case 'adminOfNewCompany':
        return this.inviteAdminForNewCompany(principal, plan.cvr, person);
    }
  }

  /**
   * A job centre's consultant or administrator, for a company in active partnership with it that
   * has no admin yet. Acceptance checks both again (`acceptAdmin`).
   */
  private async inviteAdminForPartner(
    principal: Principal,
    companyId: string,
    person: { email: string; displayName: string; language: Language },
  ): Promise<InvitationModel> {
    await this.company.requireReadableCompany(principal, companyId);
    const partner =
      principal.jobCentreId !== null &&
      (await this.companies.hasPartnershipIn(principal.jobCentreId, companyId, [
        PartnershipStatus.Active,
      ]));
    if (!partner) throw forbidden();
    return this.companies.transaction(async (m) => {
      if ((await this.companies.countAdmins(m, companyId)) > 0)
        throw new CompanyException('COMPANY_HAS_ADMIN');
      return this.invitations.create(m, {
        kind: 'company_admin',
        ...person,
        role: Role.CompanyAdmin,
        jobCentreId: principal.jobCentreId,
        companyId,
        companyCvr: null,
        subjectId: null,
        invitedBy: principal,
      });
    });
  }

  /**
   * For a company not yet in Jobbro; its CVR (optional) is shown when the admin registers it. A CVR
   * already in Jobbro answers alike (telling would show a consultant which companies use Jobbro):
   * registering it is refused as a duplicate, and the invited admin learns it there.
   */
  private async inviteAdminForNewCompany(
    principal: Principal,
    cvr: string | null,
    person: { email: string; displayName: string; language: Language },
  ): Promise<InvitationModel> {
    if (!principal.jobCentreId) throw forbidden();
    return this.companies.transaction((m) =>
      this.invitations.create(m, {
        kind: 'company_admin',
        ...person,
        role: Role.CompanyAdmin,
        jobCentreId: principal.jobCentreId,
        companyId: null,
        companyCvr: cvr,
        subjectId: null,
        invitedBy: principal,
      }),
    );
  }

  /** A company admin invites another admin of their company (through an invitation, always). */
  async addCompanyAdmin(
    principal: Principal,
    companyId: string,
    person: { email: string; displayName: string; language: Language },
  ): Promise<InvitationModel> {
    await this.company.requireManageableCompany(principal, companyId);
    return this.companies.transaction((m) =>
      this.invitations.create(m, {
        kind: 'company_admin',
        ...person,
        role: Role.CompanyAdmin,
        jobCentreId: null,
        companyId,
        companyCvr: null,
        subjectId: null,
        invitedBy: principal,
      }),
    );
  }

  /**
   * Never the last admin; removing yourself is allowed while another admin remains. The removed
   * admin's pending invitations for the company are revoked in the same transaction.
   */
  async removeCompanyAdmin(
    principal: Principal,
    companyId: string,
    userId: string,
  ): Promise<CompanyEntity> {
    const company = await this.company.requireManageableCompany(principal, companyId);
    await this.companies.transaction(async (m) => {
      // The caller may have been removed by another admin while this request waited for the lock.
      if (
        !(await this.companies.lockCompany(m, companyId)) ||
        !(await this.companies.isCompanyAdminIn(m, principal.userId, companyId))
      )
        throw new CompanyException('COMPANY_NOT_FOUND');
      const admins = await this.companies.countAdmins(m, companyId);
      const isAdmin = await this.companies.isCompanyAdminIn(m, userId, companyId);
      if (!isAdmin) throw new CompanyException('COMPANY_ADMIN_NOT_FOUND');
      if (admins <= 1) throw new CompanyException('LAST_COMPANY_ADMIN');
      await this.companies.deleteAdmin(m, companyId, userId);
      await this.invitations.revokePendingFrom(m, userId, { companyId });
    });
    return company;
  }

  /** Adds a mentor; with `invite`, their invitation is written in the same transaction. */
  async addMentor(
    principal: Principal,
    input: AddMentorInput,
    language: Language,
  ): Promise<MentorEntity> {
    await this.company.requireManageableCompany(principal, input.companyId);
    if (input.siteId) await this.company.requireSiteOf(input.companyId, input.siteId);
    return this.companies.transaction(async (m) => {
      const mentor = await this.companies.insertMentor(m, {
        companyId: input.companyId,
        siteId: input.siteId ?? null,
        name: input.name,
        email: input.email,
        phone: input.phone?.trim() ?? null,
        capacity: input.capacity,
        userId: null,
      });
      if (mentor === 'duplicate') throw new CompanyException('MENTOR_EMAIL_TAKEN');
      if (input.invite)
        await this.createMentorInvitation(m, principal, mentor, input.language ?? language);
      return mentor;
    });
  }

  /** Mails a mentor of the caller's company an invitation to sign in. */
  async inviteMentor(
    principal: Principal,
    mentorId: string,
    language: Language | undefined,
  ): Promise<InvitationModel> {
    const mentor = await this.companies.findMentor(mentorId);
    if (!mentor || !(await this.access.canReadCompany(principal, mentor.companyId)))
      throw new CompanyException('NO_SUCH_MENTOR');
    if (!(await this.access.canManage(principal, mentor.companyId))) throw forbidden();
    return this.companies.transaction(async (m) => {
      const current = await this.companies.lockMentor(m, mentor.id);
      if (!current) throw new CompanyException('NO_SUCH_MENTOR');
      return this.createMentorInvitation(m, principal, current, language ?? 'da');
    });
  }

  /** In the caller's transaction (addMentor with `invite`). */
  async createMentorInvitation(
    m: EntityManager,
    principal: Principal,
    mentor: MentorEntity,
    language: Language,
  ): Promise<InvitationModel> {
    if (mentor.deactivatedAt) throw new CompanyException('MENTOR_DEACTIVATED');
    if (mentor.userId) throw new CompanyException('MENTOR_HAS_LOGIN');
    return this.invitations.create(m, {
      kind: 'mentor',
      email: mentor.email,
      displayName: mentor.name,
      language,
      role: Role.Mentor,
      jobCentreId: null,
      companyId: mentor.companyId,
      companyCvr: null,
      subjectId: mentor.id,
      invitedBy: principal,
    });
  }

  /** The invitation to register a company that the caller accepted, if not yet used. */
  async registrationInvite(principal: Principal): Promise<CompanyRegistrationInviteModel | null> {
    const invite = await this.companies.findRegistrationInvite(principal.userId);
    if (!invite) return null;
    const [jobCentre] = await this.auth.findJobCentresByIds([invite.jobCentreId]);
    return {
      jobCentreId: invite.jobCentreId,
      jobCentreName: jobCentre?.name ?? '',
      cvr: invite.cvr,
    };
  }

  adminsOfCompanies(companyIds: readonly string[]): Promise<CompanyAdminRow[]> {
    return this.companies.adminsOfCompanies(companyIds);
  }

  /**
   * Under a lock on the company row (admin removals and other acceptances wait): a job centre's
   * invitation holds while the company has no admin and the partnership is active, an admin's
   * while the inviter is still an admin of the company. Throwing rolls the acceptance back.
   */
  private async acceptAdmin(
    m: EntityManager,
    invitation: InvitationRecord,
    userId: string,
  ): Promise<void> {
    const companyId = invitation.companyId;
    if (companyId) {
      if (!(await this.companies.lockCompany(m, companyId)))
        throw new CompanyException('COMPANY_NOT_FOUND');
      if (invitation.jobCentreId) {
        if ((await this.companies.countAdmins(m, companyId)) > 0)
          throw new CompanyException('COMPANY_HAS_ADMIN');
        if (!(await this.companies.lockActivePartnership(m, invitation.jobCentreId, companyId)))
          throw new CompanyException('PARTNERSHIP_NOT_ACTIVE');
      } else if (
        !invitation.invitedBy ||
        !(await this.companies.isCompanyAdminIn(m, invitation.invitedBy, companyId))
      ) {
        throw new CompanyException('INVITER_NOT_COMPANY_ADMIN');
      }
      await this.companies.insertAdmin(m, companyId, userId, invitation.invitedBy);
      return;
    }
    if (invitation.jobCentreId) {
      await this.companies.saveRegistrationInvite(m, {
        userId,
        jobCentreId: invitation.jobCentreId,
        invitedBy: invitation.invitedBy,
        cvr: invitation.companyCvr,
        invitationId: invitation.id,
      });
    }
  }

  /** Links the invited mentor to the new login; a deactivated mentor's invitation fails. */
  private async acceptMentor(
    m: EntityManager,
    invitation: InvitationRecord,
    userId: string,
  ): Promise<void> {
    const mentor = invitation.subjectId
      ? await this.companies.lockMentor(m, invitation.subjectId)
      : null;
    if (!mentor || mentor.companyId !== invitation.companyId) throw mentorNotFound('mentorId');
    if (mentor.deactivatedAt) throw new CompanyException('MENTOR_DEACTIVATED');
    const linked = await this.companies.linkMentorUser(m, mentor.id, userId);
    if (linked !== 'linked') throw new CompanyException('MENTOR_HAS_LOGIN');
  }
}
