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
import { CompanyResolver, MentorResolver, PartnershipResolver } from './company.resolver';
import { CompanyEditingService } from './company-editing.service';
import { CompanyPeopleResolver } from './company-people.resolver';
import { CompanyPeopleService } from './company-people.service';
import { PlacementActors } from './placement-actors';
import { CompanyService } from './company.service';
import { PlacementRepository } from './placement.repository';
import { PlacementResolver } from './placement.resolver';
import { PlacementService } from './placement.service';
import { PlacementTypeCatalogueResolver } from './placement-type-catalogue.resolver';

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
    CompanyEditingService,
    CompanyPeopleService,
    PlacementService,
    PlacementActors,
    PlacementTypeCatalogueResolver,
    CompanyResolver,
    CompanyPeopleResolver,
    MentorResolver,
    PartnershipResolver,
    PlacementResolver,
  ],
  exports: [CompanyService, PlacementService],
})
export class CompanyModule {}
