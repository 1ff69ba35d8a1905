import { normalizeSearchText } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { IscoGroupEntity, OccupationEntity, PostalCodeEntity } from './reference.entities';

@Injectable()
export class ReferenceRepository {
  constructor(
    @InjectRepository(PostalCodeEntity) private readonly postalCodes: Repository<PostalCodeEntity>,
    @InjectRepository(OccupationEntity) private readonly occupations: Repository<OccupationEntity>,
    @InjectRepository(IscoGroupEntity) private readonly iscoGroups: Repository<IscoGroupEntity>,
  ) {}

  findPostalCode(code: string): Promise<PostalCodeEntity | null> {
    return this.postalCodes.findOneBy({ code });
  }

  findPostalCodes(codes: readonly string[]): Promise<PostalCodeEntity[]> {
    return this.postalCodes
      .createQueryBuilder('p')
      .where('p.code = ANY(:codes)', { codes })
      .getMany();
  }

  findOccupation(id: string): Promise<OccupationEntity | null> {
    return this.occupations.findOneBy({ id });
  }

  findOccupations(ids: readonly string[]): Promise<OccupationEntity[]> {
    return this.occupations.createQueryBuilder('o').where('o.id = ANY(:ids)', { ids }).getMany();
  }

  findIscoGroups(codes: readonly string[]): Promise<IscoGroupEntity[]> {
    return this.iscoGroups
      .createQueryBuilder('g')
      .where('g.code = ANY(:codes)', { codes })
      .getMany();
  }

  /**
   * Typo-tolerant occupation search: trigram word similarity over the label and synonyms
   * (so "carpentr" finds "carpenter"), exact prefix matches first, ISCO codes by prefix.
   */
  searchOccupations(search: string, limit: number): Promise<OccupationEntity[]> {
    const q = normalizeSearchText(search);
    if (/^\d{1,4}$/.test(q)) {
      return this.occupations
        .createQueryBuilder('o')
        .where('o.iscoCode LIKE :prefix', { prefix: `${q}%` })
        .orderBy('o.iscoCode')
        .addOrderBy('o.label')
        .limit(limit)
        .getMany();
    }
    return this.occupations
      .createQueryBuilder('o')
      .addSelect('word_similarity(:q, o.search_text)', 'score')
      .where('(word_similarity(:q, o.search_text) >= 0.45 OR o.search_text LIKE :contains)')
      .orderBy(`(lower(o.label) LIKE :prefix)`, 'DESC')
      .addOrderBy('score', 'DESC')
      .addOrderBy('length(o.label)', 'ASC')
      .addOrderBy('o.id')
      .setParameters({
        q,
        contains: `%${q.replace(/[%_\\]/g, '\\$&')}%`,
        prefix: `${q.replace(/[%_\\]/g, '\\$&')}%`,
      })
      .limit(limit)
      .getMany();
  }
}
