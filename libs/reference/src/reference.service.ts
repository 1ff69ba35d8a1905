import { type Language, notFound } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { ACCOMMODATION_LABELS, REQUIREMENT_LABELS } from './catalogues';
import type { IscoGroupEntity, OccupationEntity, PostalCodeEntity } from './reference.entities';
import { ReferenceRepository } from './reference.repository';

export interface CatalogueItem {
  code: string;
  label: string;
}

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

  accommodationCatalogue(language: Language): CatalogueItem[] {
    return Object.entries(ACCOMMODATION_LABELS).map(([code, label]) => ({
      code,
      label: label[language],
    }));
  }

  requirementCatalogue(language: Language): CatalogueItem[] {
    return Object.entries(REQUIREMENT_LABELS).map(([code, label]) => ({
      code,
      label: label[language],
    }));
  }
}
