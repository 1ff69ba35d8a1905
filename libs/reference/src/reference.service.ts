import { type Language, notFound } from '@jobbro/core';
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

  /**
   * Searches the reader's language first (Danish unless Accept-Language prefers English); only
   * when that finds nothing, the other language's labels ("chef" typed by a Danish reader).
   */
  async searchOccupations(
    search: string,
    first: number,
    language: Language,
  ): Promise<OccupationEntity[]> {
    const found = await this.repository.searchOccupations(search, first, language);
    if (found.length > 0) return found;
    return this.repository.searchOccupations(search, first, language === 'da' ? 'en' : 'da');
  }
}
