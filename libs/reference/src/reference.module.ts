import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IscoGroupEntity, OccupationEntity, PostalCodeEntity } from './reference.entities';
import { ReferenceRepository } from './reference.repository';
import { ReferenceResolver } from './reference.resolver';
import { ReferenceService } from './reference.service';

@Module({
  imports: [TypeOrmModule.forFeature([PostalCodeEntity, OccupationEntity, IscoGroupEntity])],
  providers: [ReferenceRepository, ReferenceService, ReferenceResolver],
  exports: [ReferenceService],
})
export class ReferenceModule {}
