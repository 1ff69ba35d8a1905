import { forbidden, isStaff, type Principal, Role } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import type { PlacementEntity } from './company.entities';
import { PlacementStatus } from './company.enums';
import { CompanyRepository } from './company.repository';
import type { PlacementVisibility } from './placement.repository';
import type { PartySide } from './rules/partnership-rules';
import { VISIBLE_PARTNERSHIP_STATUSES } from './rules/partnership-rules';

/**
 * Who may see and change company-side data, in one place:
 * - a company admin manages their own companies (and only those);
 * - a mentor reads their company;
 * - job-centre staff read companies that partner with their job centre (active or paused) or have
 *   proposed to it, and their slots once out of draft while the partnership is active or paused;
 *   staff see their own job centre's partnership, never the company's agreements with others;
 * - citizens see no company-side data through these operations.
 */
@Injectable()
export class CompanyAccess {
  constructor(private readonly companies: CompanyRepository) {}

  async assertCanManage(principal: Principal, companyId: string): Promise<void> {
    if (
      principal.role === Role.CompanyAdmin &&
      (await this.companies.isCompanyAdmin(principal.userId, companyId))
    ) {
      return;
    }
    throw forbidden();
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
        return false;
    }
  }

  async assertCanReadCompany(principal: Principal, companyId: string): Promise<void> {
    if (!(await this.canReadCompany(principal, companyId))) throw forbidden();
  }

  async canReadPlacement(principal: Principal, placement: PlacementEntity): Promise<boolean> {
    if (principal.role === Role.CompanyAdmin || principal.role === Role.Mentor) {
      return this.canReadCompany(principal, placement.companyId);
    }
    if (isStaff(principal.role) && principal.jobCentreId !== null) {
      return (
        placement.status !== PlacementStatus.Draft &&
        this.companies.hasPartnershipIn(
          principal.jobCentreId,
          placement.companyId,
          VISIBLE_PARTNERSHIP_STATUSES,
        )
      );
    }
    return false;
  }

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
