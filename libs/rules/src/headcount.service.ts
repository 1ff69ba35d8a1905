import { CompanyService } from '@jobbro/company';
import { type Principal, Role, todayInDenmark } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import type { RecordHeadcountInput } from './dto/record-headcount.input';
import { RulesException } from './rules.exception';
import { type HeadcountRow, RulesRepository } from './rules.repository';

/**
 * Who records a company's headcount: its administrators, and job consultants of a job centre in
 * partnership with it (active or paused, `CompanyService.isPartnerOf`). Whoever may not see the
 * company gets the company's NOT_FOUND, as for a random id; staff who see it without a
 * partnership (a proposal, an ended one) get FORBIDDEN.
 */
@Injectable()
export class HeadcountService {
  constructor(
    private readonly companies: CompanyService,
    private readonly rules: RulesRepository,
  ) {}

  async recordHeadcount(principal: Principal, input: RecordHeadcountInput): Promise<HeadcountRow> {
    const company = await this.companies.requireReadableCompany(principal, input.companyId);
    const allowed =
      principal.role === Role.CompanyAdmin ||
      (principal.role === Role.JobConsultant &&
        principal.jobCentreId !== null &&
        (await this.companies.isPartnerOf(principal.jobCentreId, company.id)));
    if (!allowed) throw new RulesException('HEADCOUNT_NOT_ALLOWED');
    const siteId = input.siteId ?? null;
    if (siteId) await this.companies.requireSiteOf(company.id, siteId);
    if (input.asOf > todayInDenmark()) throw new RulesException('HEADCOUNT_IN_FUTURE');
    return this.rules.recordHeadcount({
      companyId: company.id,
      siteId,
      asOf: input.asOf,
      ordinaryFte: input.ordinaryFte,
      recordedBy: principal.userId,
    });
  }
}
