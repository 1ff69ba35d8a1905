import { notFound } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import type { IscoGroupEntity, OccupationEntity, PostalCodeEntity } from './reference.entities';
import { ReferenceRepository } from './reference.repository';

@Injectable()
export class ReferenceService {
  constructor(private readonly repository: ReferenceRepository) {}

  postalCode(code: string): Promise<PostalCodeEntity | null> {
    return this.repository.findPostalCode(code);
  }

  postalCodes(codes: readonly string[]): Promise<PostalCodeEntity[]> {
    return this.repository.findPostalCodes(codes);
  }

  occupation(id: string): Promise<OccupationEntity | null> {
    return this.repository.findOccupation(id);
  }

  async requireOccupation(id: string): Promise<OccupationEntity> {
    const occupation = await this.repository.findOccupation(id);
    if (!occupation) throw notFound();
    return occupation;
  }

  occupations(ids: readonly string[]): Promise<OccupationEntity[]> {
    return this.repository.findOccupations(ids);
  }

  iscoGroups(codes: readonly string[]): Promise<IscoGroupEntity[]> {
    return this.repository.findIscoGroups(codes);
  }

  searchOccupations(search: string, first: number): Promise<OccupationEntity[]> {
    return this.repository.searchOccupations(search, first);
  }
}
