import { isStaff, type Principal, Role } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import type { PartnershipEntity } from './company.entities';
import { PartnershipStatus } from './company.enums';
import { CompanyRepository } from './company.repository';
import type { PlacementVisibility } from './placement-visibility';
import type { PartySide } from './rules/partnership-rules';

const EVERY_PARTNERSHIP_STATUS = Object.values(PartnershipStatus);

/**
 * Who may see and change company-side data, in one place:
 * - a company admin manages their own companies (and only those);
 * - a mentor reads their company (an active mentor: a deactivated mentor's login keeps the account
 *   but reaches the company no more);
 * - job-centre staff read companies that partner with their job centre (active or paused) or have
 *   proposed to it, and their slots once out of draft while the partnership is active or paused
 *   (`placementVisibility`; every operation that reads a slot applies it, matching and search
 *   included, through `visiblePlacementsSql`);
 *   staff see their own job centre's partnership, never the company's agreements with others;
 * - a job centre's administrators and consultants propose partnerships for their own job centre,
 *   to a company it has been in touch with (any partnership or proposal, ended ones included):
 *   a new relationship starts with the company's proposal;
 * - a job consultant of a job centre in ACTIVE partnership with a company creates slots for it and
 *   edits the slots they may see (drafts their own job centre made, and slots out of draft), on the
 *   company's behalf: recorded with who and for which job centre, shown to the company. Publishing,
 *   pausing and closing stay with the company's admins (the company decides what it offers);
 * - citizens and social-support workers see no company-side data through these operations.
 *
 * Not found and not allowed look the same: to a caller who may not see a company, slot,
 * partnership, site or mentor, it does not exist, and a real id answers exactly as a random id
 * (the domain's NOT_FOUND, same message). Only a caller who may see the thing but may not do the
 * action gets FORBIDDEN: a mentor changing a slot, a partner consultant changing one while the
 * partnership is paused, a partner consultant publishing one, staff proposing for another job centre, a caseworker deciding a partnership.
 * Checks run in that order: existence and visibility first, then the action.
 */
@Injectable()
export class CompanyAccess {
  constructor(private readonly companies: CompanyRepository) {}

  async canManage(principal: Principal, companyId: string): Promise<boolean> {
    return (
      principal.role === Role.CompanyAdmin &&
      (await this.companies.isCompanyAdmin(principal.userId, companyId))
    );
  }

  async canReadCompany(principal: Principal, companyId: string): Promise<boolean> {
    switch (principal.role) {
      case Role.CompanyAdmin:
        return this.companies.isCompanyAdmin(principal.userId, companyId);
      case Role.Mentor:
        return this.companies.isMentorAt(principal.userId, companyId);
      case Role.Administrator:
      case Role.JobConsultant:
      case Role.Caseworker:
        return (
          principal.jobCentreId !== null &&
          this.companies.isPartnerOrInvitedBy(principal.jobCentreId, companyId)
        );
      case Role.Citizen:
      case Role.SocialSupportWorker:
        return false;
    }
  }

  /**
   * Who edits the company's slots and as which side: its admins ('company'), or a job consultant
   * of a job centre in active partnership with it, on its behalf ('job_centre'); else null.
   */
  async slotEditorSide(principal: Principal, companyId: string): Promise<PartySide | null> {
    if (await this.canManage(principal, companyId)) return 'company';
    if (
      principal.role === Role.JobConsultant &&
      principal.jobCentreId !== null &&
      (await this.companies.hasPartnershipIn(principal.jobCentreId, companyId, [
        PartnershipStatus.Active,
      ]))
    )
      return 'job_centre';
    return null;
  }

  /** Whose slots the caller sees; `visiblePlacementsSql` applies it. */
  async placementVisibility(principal: Principal): Promise<PlacementVisibility> {
    if (principal.role === Role.CompanyAdmin || principal.role === Role.Mentor) {
      return {
        kind: 'companies',
        companyIds: await this.companies.companyIdsOfUser(principal.userId),
      };
    }
    if (isStaff(principal.role) && principal.jobCentreId !== null) {
      return { kind: 'jobCentre', jobCentreId: principal.jobCentreId };
    }
    return { kind: 'none' };
  }

  /** The two parties see a partnership: the company's people and the job centre's staff. */
  async canSeePartnership(principal: Principal, partnership: PartnershipEntity): Promise<boolean> {
    if (isStaff(principal.role)) return principal.jobCentreId === partnership.jobCentreId;
    if (principal.role === Role.CompanyAdmin || principal.role === Role.Mentor)
      return this.canReadCompany(principal, partnership.companyId);
    return false;
  }

  /**
   * Whether the caller may know that the company exists when proposing a partnership: its admin,
   * or staff of a job centre that has been in touch with it.
   */
  async mayProposeTo(principal: Principal, companyId: string): Promise<boolean> {
    if (principal.role === Role.CompanyAdmin)
      return this.companies.isCompanyAdmin(principal.userId, companyId);
    if (isStaff(principal.role) && principal.jobCentreId !== null)
      return this.companies.hasPartnershipIn(
        principal.jobCentreId,
        companyId,
        EVERY_PARTNERSHIP_STATUS,
      );
    return false;
  }

  /** The side a user acts for in a partnership between `companyId` and `jobCentreId`, if any. */
  async partySide(
    principal: Principal,
    companyId: string,
    jobCentreId: string,
  ): Promise<PartySide | null> {
    if (
      principal.role === Role.CompanyAdmin &&
      (await this.companies.isCompanyAdmin(principal.userId, companyId))
    ) {
      return 'company';
    }
    if (
      (principal.role === Role.Administrator || principal.role === Role.JobConsultant) &&
      principal.jobCentreId === jobCentreId
    ) {
      return 'job_centre';
    }
    return null;
  }
}
