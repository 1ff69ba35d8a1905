import {
  AuditedAs,
  CitizenArgs,
  CurrentUser,
  type Principal,
  Role,
  Roles,
  todayInDenmark,
} from '@jobbro/core';
import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { CaseService } from './case.service';
import { renderPlanPdf } from './plan-pdf';

/** The plan as a PDF: for the citizen (/me/plan.pdf) and for the professionals allowed to read it. */
@Controller()
export class PlanPdfController {
  constructor(private readonly cases: CaseService) {}

  @Roles(Role.Citizen)
  @Get('me/plan.pdf')
  @Header('content-type', 'application/pdf')
  @Header('cache-control', 'no-store')
  async mine(@CurrentUser() user: Principal): Promise<StreamableFile> {
    return this.render(user, 'me');
  }

  @Roles(Role.Administrator, Role.JobConsultant, Role.Caseworker)
  @CitizenArgs('params.id')
  @AuditedAs('planPdf')
  @Get('citizens/:id/plan.pdf')
  @Header('content-type', 'application/pdf')
  @Header('cache-control', 'no-store')
  async forCitizen(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    return this.render(user, id);
  }

  private async render(user: Principal, citizenId: string): Promise<StreamableFile> {
    const document = await this.cases.planDocument(user, citizenId);
    const pdf = await renderPlanPdf({ ...document, today: todayInDenmark() });
    return new StreamableFile(pdf, { disposition: 'inline; filename="min-plan.pdf"' });
  }
}
