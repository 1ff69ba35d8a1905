import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueResolver } from './catalogue.resolver';
import { IscoGroupEntity, OccupationEntity, PostalCodeEntity } from './reference.entities';
import { ReferenceRepository } from './reference.repository';
import { ReferenceResolver } from './reference.resolver';
import { ReferenceService } from './reference.service';
import { TargetGroupCatalogue } from './target-groups';

@Module({
  imports: [TypeOrmModule.forFeature([PostalCodeEntity, OccupationEntity, IscoGroupEntity])],
  providers: [
    ReferenceRepository,
    ReferenceService,
    ReferenceResolver,
    CatalogueResolver,
    TargetGroupCatalogue,
  ],
  exports: [ReferenceService, TargetGroupCatalogue],
})
export class ReferenceModule {}
