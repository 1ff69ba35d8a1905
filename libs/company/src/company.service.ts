import { AuthService } from '@jobbro/auth';
import { forbidden, type Principal, publishEvent, todayInDenmark } from '@jobbro/core';
import { PARTNERSHIP_STATUS_LABELS, ReferenceService } from '@jobbro/reference';
import { Injectable } from '@nestjs/common';
import { CompanyAccess } from './company.access';
import type {
  CompanyEntity,
  MentorEntity,
  PartnershipEntity,
  SiteEntity,
} from './company.entities';
import { PartnershipStatus } from './company.enums';
import { CompanyException } from './company.exception';
import { CompanyRepository } from './company.repository';
import type {
  ChangePartnershipStatusInput,
  CreateSiteInput,
  ProposePartnershipInput,
  RegisterCompanyInput,
  UpdateCompanyInput,
} from './dto/company.inputs';
import { isValidCvr, normalizeCvr } from './rules/cvr';
import { canChangePartnership, VISIBLE_PARTNERSHIP_STATUSES } from './rules/partnership-rules';

@Injectable()
export class CompanyService {
  constructor(
    private readonly companies: CompanyRepository,
    private readonly access: CompanyAccess,
    private readonly reference: ReferenceService,
    private readonly auth: AuthService,
  ) {}

  /** A company admin registers a company and becomes its administrator. */
  async registerCompany(principal: Principal, input: RegisterCompanyInput): Promise<CompanyEntity> {
    const cvr = normalizeCvr(input.cvr);
    if (!isValidCvr(cvr)) {
      throw new CompanyException('INVALID_CVR', {}, [
        {
          field: 'cvr',
          constraint: 'cvr',
          message: {
            da: 'Ugyldigt CVR-nummer (8 cifre, modulus 11).',
            en: 'Invalid CVR number (8 digits, modulus 11).',
          },
        },
      ]);
    }
    if (await this.companies.cvrExists(cvr)) throw new CompanyException('DUPLICATE_CVR');
    const result = await this.companies.transaction(async (manager) => {
      const saved = await this.companies.insertCompanyWithAdmin(
        manager,
        {
          cvr,
          name: input.name.trim(),
          industry: input.industry?.trim() || null,
          ordinaryEmployees: input.ordinaryEmployees,
          createdBy: principal.userId,
        },
        principal.userId,
      );
      if (saved === 'duplicate') return saved;
      // Invited by a job centre to register: the partnership starts now if the admin registered
      // the CVR the job centre named; any other CVR (or none named) is only proposed by the job
      // centre, for the company to accept (see CompanyPeopleService).
      const invite = await this.companies.takeRegistrationInvite(manager, principal.userId);
      if (invite)
        await this.companies.insertInvitedPartnership(
          manager,
          saved.id,
          invite.jobCentreId,
          invite.invitedBy,
          invite.cvr === cvr ? 'active' : 'proposed',
        );
      await publishEvent(manager, 'company.changed', saved.id, { companyId: saved.id });
      return saved;
    });
    if (result === 'duplicate') throw new CompanyException('DUPLICATE_CVR');
    return result;
  }

  async updateCompany(principal: Principal, input: UpdateCompanyInput): Promise<CompanyEntity> {
    await this.requireManageableCompany(principal, input.id);
    return this.companies.transaction(async (manager) => {
      const company = await this.companies.updateCompany(manager, input.id, {
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.industry !== undefined && { industry: input.industry?.trim() || null }),
        ...(input.ordinaryEmployees !== undefined && {
          ordinaryEmployees: input.ordinaryEmployees,
        }),
        ...(input.sector !== undefined && { sector: input.sector ?? null }),
      });
      await publishEvent(manager, 'company.changed', company.id, { companyId: company.id });
      return company;
    });
  }

  company(principal: Principal, id: string): Promise<CompanyEntity> {
    return this.requireReadableCompany(principal, id);
  }

  /** Companies a company admin administers or a mentor works at. */
  companyIdsOfUser(userId: string): Promise<string[]> {
    return this.companies.companyIdsOfUser(userId);
  }

  /**
   * Whether the company partners with the job centre (active or paused): the one "partner of this
   * job centre" predicate, for other libs (a citizen's consent to share with a company, say).
   */
  isPartnerOf(jobCentreId: string, companyId: string): Promise<boolean> {
    return this.companies.hasPartnershipIn(jobCentreId, companyId, VISIBLE_PARTNERSHIP_STATUSES);
  }

  /** Companies whose slots the job centre's staff see. */
  partnerCompanyIds(jobCentreId: string): Promise<string[]> {
    return this.companies.partnerCompanyIds(jobCentreId);
  }

  async myCompanies(principal: Principal): Promise<CompanyEntity[]> {
    const ids = await this.companies.companyIdsOfUser(principal.userId);
    return ids.length ? this.companies.findCompaniesByIds(ids) : [];
  }

  async jobCentrePartnerships(principal: Principal): Promise<PartnershipEntity[]> {
    if (!principal.jobCentreId) throw forbidden();
    return this.companies.findPartnershipsOfJobCentre(principal.jobCentreId);
  }

  async createSite(principal: Principal, input: CreateSiteInput): Promise<SiteEntity> {
    await this.requireManageableCompany(principal, input.companyId);
    return this.companies.insertSite({
      companyId: input.companyId,
      name: input.name.trim(),
      streetAddress: input.streetAddress.trim(),
      ...(await this.siteLocation(input.postalCode)),
      pNumber: input.pNumber ?? null,
    });
  }

  /** Where a site with this postal code is (area and coordinates); a field error if unknown. */
  async siteLocation(postalCode: string): Promise<{
    postalCode: string;
    municipalityCode: number;
    latitude: number;
    longitude: number;
  }> {
    const postal = await this.reference.postalCode(postalCode);
    if (!postal) {
      throw new CompanyException('UNKNOWN_POSTAL_CODE', {}, [
        {
          field: 'postalCode',
          constraint: 'postalCode',
          message: { da: 'Ukendt postnummer.', en: 'Unknown postal code.' },
        },
      ]);
    }
    return {
      postalCode: postal.code,
      municipalityCode: postal.municipalityCode,
      latitude: postal.latitude,
      longitude: postal.longitude,
    };
  }

  async proposePartnership(
    principal: Principal,
    input: ProposePartnershipInput,
  ): Promise<PartnershipEntity> {
    // Job centres are public (the jobCentres query); a company exists only for who may know it.
    const [jobCentre] = await this.auth.findJobCentresByIds([input.jobCentreId]);
    if (!jobCentre) {
      throw new CompanyException('JOB_CENTRE_NOT_FOUND', {}, [
        {
          field: 'jobCentreId',
          constraint: 'exists',
          message: { da: 'Ukendt jobcenter.', en: 'Unknown job centre.' },
        },
      ]);
    }
    const company = await this.companies.findCompany(input.companyId);
    if (!company || !(await this.access.mayProposeTo(principal, input.companyId)))
      throw new CompanyException('COMPANY_NOT_FOUND');
    const side = await this.access.partySide(principal, input.companyId, input.jobCentreId);
    if (!side) throw forbidden();
    if (input.endsOn && input.endsOn < input.startsOn) {
      throw new CompanyException('PARTNERSHIP_PERIOD_INVALID', {}, [
        {
          field: 'endsOn',
          constraint: 'period',
          message: {
            da: 'Slutdatoen ligger før startdatoen.',
            en: 'The end date is before the start date.',
          },
        },
      ]);
    }
    const partnership = await this.companies.insertPartnership({
      companyId: input.companyId,
      jobCentreId: input.jobCentreId,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      slotsPerYear: input.slotsPerYear ?? null,
      placementTypes: input.placementTypes ?? [],
      notes: input.notes?.trim() || null,
      proposedBy: principal.userId,
      proposedBySide: side,
    });
    if (partnership === 'duplicate') throw new CompanyException('PARTNERSHIP_EXISTS');
    return partnership;
  }

  /** Accept, pause, resume or end a partnership, under a row lock so two decisions cannot cross. */
  async changePartnershipStatus(
    principal: Principal,
    input: ChangePartnershipStatusInput,
  ): Promise<PartnershipEntity> {
    const existing = await this.companies.findPartnership(input.id);
    if (!existing || !(await this.access.canSeePartnership(principal, existing)))
      throw new CompanyException('PARTNERSHIP_NOT_FOUND');
    const side = await this.access.partySide(principal, existing.companyId, existing.jobCentreId);
    if (!side) throw forbidden();
    await this.companies.transaction(async (manager) => {
      const current = await this.companies.lockPartnership(manager, input.id);
      if (!current) throw new CompanyException('PARTNERSHIP_NOT_FOUND');
      if (!canChangePartnership(current, input.status, side)) {
        throw new CompanyException('PARTNERSHIP_INVALID_TRANSITION', {
          fromDa: PARTNERSHIP_STATUS_LABELS[current.status].da,
          fromEn: PARTNERSHIP_STATUS_LABELS[current.status].en,
          toDa: PARTNERSHIP_STATUS_LABELS[input.status].da,
          toEn: PARTNERSHIP_STATUS_LABELS[input.status].en,
        });
      }
      const endsOn = input.status === PartnershipStatus.Ended ? todayInDenmark() : null;
      await this.companies.updatePartnershipStatus(manager, input.id, input.status, endsOn);
      await publishEvent(manager, 'company.changed', current.companyId, {
        companyId: current.companyId,
      });
    });
    return (await this.companies.findPartnership(input.id)) as PartnershipEntity;
  }

  // Batch lookups for the per-request loaders; the parent object was already access-checked.
  companiesByIds(ids: readonly string[]): Promise<CompanyEntity[]> {
    return this.companies.findCompaniesByIds(ids);
  }
  sitesByIds(ids: readonly string[]): Promise<SiteEntity[]> {
    return this.companies.findSitesByIds(ids);
  }
  mentorsByIds(ids: readonly string[]): Promise<MentorEntity[]> {
    return this.companies.findMentorsByIds(ids);
  }
  sitesOfCompanies(companyIds: readonly string[]): Promise<SiteEntity[]> {
    return this.companies.findSitesOfCompanies(companyIds);
  }
  mentorsOfCompanies(companyIds: readonly string[]): Promise<MentorEntity[]> {
    return this.companies.findMentorsOfCompanies(companyIds);
  }
  partnershipsOfCompanies(companyIds: readonly string[]): Promise<PartnershipEntity[]> {
    return this.companies.findPartnershipsOfCompanies(companyIds);
  }

  /** The company, if the caller may read it; else COMPANY_NOT_FOUND, as for a random id. */
  async requireReadableCompany(principal: Principal, companyId: string): Promise<CompanyEntity> {
    const company = await this.companies.findCompany(companyId);
    if (!company || !(await this.access.canReadCompany(principal, companyId)))
      throw new CompanyException('COMPANY_NOT_FOUND');
    return company;
  }

  /** The company, if the caller manages it: NOT_FOUND if they may not read it, else FORBIDDEN. */
  async requireManageableCompany(principal: Principal, companyId: string): Promise<CompanyEntity> {
    const company = await this.requireReadableCompany(principal, companyId);
    if (!(await this.access.canManage(principal, companyId))) throw forbidden();
    return company;
  }

  async requireSiteOf(companyId: string, siteId: string): Promise<SiteEntity> {
    const site = await this.companies.findSite(siteId);
    // A removed site is offered for nothing new.
    if (site?.companyId !== companyId || site.removedAt) {
      throw new CompanyException('SITE_NOT_FOUND', {}, [
        {
          field: 'siteId',
          constraint: 'exists',
          message: { da: 'Ukendt arbejdssted.', en: 'Unknown site.' },
        },
      ]);
    }
    return site;
  }

  async requireMentorOf(companyId: string, mentorId: string): Promise<MentorEntity> {
    const mentor = await this.companies.findMentor(mentorId);
    if (mentor?.companyId !== companyId) {
      throw new CompanyException('MENTOR_NOT_FOUND', {}, [
        {
          field: 'mentorId',
          constraint: 'exists',
          message: { da: 'Ukendt mentor.', en: 'Unknown mentor.' },
        },
      ]);
    }
    if (mentor.deactivatedAt) {
      throw new CompanyException('MENTOR_DEACTIVATED', {}, [
        {
          field: 'mentorId',
          constraint: 'active',
          message: {
            da: 'Mentoren er deaktiveret; vælg en anden.',
            en: 'The mentor has been deactivated; choose another.',
          },
        },
      ]);
    }
    return mentor;
  }
}
