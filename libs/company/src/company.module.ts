import { AuthModule } from '@jobbro/auth';
import { ReferenceModule } from '@jobbro/reference';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompanyAccess } from './company.access';
import { CompanyLoaders } from './company.loaders';
import {
  CompanyEntity,
  MentorEntity,
  PartnershipEntity,
  PlacementEntity,
  SiteEntity,
} from './company.entities';
import { CompanyRepository } from './company.repository';
import { CompanyResolver, PartnershipResolver } from './company.resolver';
import { CompanyService } from './company.service';
import { PlacementRepository } from './placement.repository';
import { PlacementResolver } from './placement.resolver';
import { PlacementService } from './placement.service';

@Module({
  imports: [
    AuthModule,
    ReferenceModule,
    TypeOrmModule.forFeature([
      CompanyEntity,
      SiteEntity,
      MentorEntity,
      PartnershipEntity,
      PlacementEntity,
    ]),
  ],
  providers: [
    CompanyRepository,
    PlacementRepository,
    CompanyAccess,
    CompanyLoaders,
    CompanyService,
    PlacementService,
    CompanyResolver,
    PartnershipResolver,
    PlacementResolver,
  ],
  exports: [CompanyService, PlacementService],
})
export class CompanyModule {}
