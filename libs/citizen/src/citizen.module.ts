import { AuthModule } from '@jobbro/auth';
import { CompanyModule } from '@jobbro/company';
import { ReferenceModule } from '@jobbro/reference';
import { Module } from '@nestjs/common';
import { CaseService } from './case.service';
import { CitizenAccess } from './citizen.access';
import { CitizenRepository } from './citizen.repository';
import { CitizenResolver } from './citizen.resolver';
import { CitizenService } from './citizen.service';
import { PlanPdfController } from './plan-pdf.controller';
import {
  MeetingSpecialCategoryResolver,
  NeedsSpecialCategoryResolver,
} from './special-category.resolver';

@Module({
  imports: [AuthModule, ReferenceModule, CompanyModule],
  controllers: [PlanPdfController],
  providers: [
    CitizenRepository,
    CitizenAccess,
    CitizenService,
    CaseService,
    CitizenResolver,
    NeedsSpecialCategoryResolver,
    MeetingSpecialCategoryResolver,
  ],
  exports: [CitizenService, CaseService, CitizenAccess],
})
export class CitizenModule {}
