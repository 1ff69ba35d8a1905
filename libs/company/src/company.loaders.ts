import { byIds, groupedBy, requestLoader, Role } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type {
  CompanyEntity,
  MentorEntity,
  PartnershipEntity,
  SiteEntity,
} from './company.entities';
import { CompanyService } from './company.service';

/**
 * Per-request batch loaders for the company side's field resolvers. The parent object was
 * access-checked when it was read; these only fill in its parts.
 */
@Injectable()
export class CompanyLoaders {
  constructor(private readonly companies: CompanyService) {}

  company(ctx: object): DataLoader<string, CompanyEntity | null> {
    return requestLoader(ctx, 'company', async (ids: readonly string[]) =>
      byIds(ids, await this.companies.companiesByIds(ids), (c) => c.id),
    );
  }

  site(ctx: object): DataLoader<string, SiteEntity | null> {
    return requestLoader(ctx, 'site', async (ids: readonly string[]) =>
      byIds(ids, await this.companies.sitesByIds(ids), (s) => s.id),
    );
  }

  mentor(ctx: object): DataLoader<string, MentorEntity | null> {
    return requestLoader(ctx, 'mentor', async (ids: readonly string[]) =>
      byIds(ids, await this.companies.mentorsByIds(ids), (m) => m.id),
    );
  }

  sitesOfCompany(ctx: object): DataLoader<string, SiteEntity[]> {
    return requestLoader(ctx, 'sitesOfCompany', async (ids: readonly string[]) =>
      groupedBy(ids, await this.companies.sitesOfCompanies(ids), (s) => s.companyId),
    );
  }

  mentorsOfCompany(ctx: object): DataLoader<string, MentorEntity[]> {
    return requestLoader(ctx, 'mentorsOfCompany', async (ids: readonly string[]) =>
      groupedBy(ids, await this.companies.mentorsOfCompanies(ids), (m) => m.companyId),
    );
  }

  partnershipsOfCompany(ctx: object): DataLoader<string, PartnershipEntity[]> {
    return requestLoader(ctx, 'partnershipsOfCompany', async (ids: readonly string[]) =>
      groupedBy(ids, await this.companies.partnershipsOfCompanies(ids), (p) => p.companyId),
    );
  }
}

/** Who may read company-side data at all; the access policy narrows it per company. */
export const COMPANY_READERS = [
  Role.Administrator,
  Role.JobConsultant,
  Role.Caseworker,
  Role.CompanyAdmin,
  Role.Mentor,
];
