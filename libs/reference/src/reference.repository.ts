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
    const like = q.replace(/[%_\\]/g, '\\$&');
    return this.occupations.query<OccupationEntity[]>(
      `SELECT id, esco_uri AS "escoUri", isco_code AS "iscoCode", label, alt_labels AS "altLabels",
              labels_da AS "labelsDa", description
         FROM occupation
        WHERE word_similarity($1, search_text) >= 0.45 OR search_text LIKE $2
        ORDER BY (lower(label) LIKE $3 OR coalesce(lower(labels_da[1]) LIKE $3, false)) DESC,
                 -- any word of the label or a synonym, plus a bonus when a preferred label is close
                 word_similarity($1, search_text) + similarity($1, lower(label))
                   + similarity($1, lower(coalesce(labels_da[1], ''))) DESC,
                 length(label), id
        LIMIT $4`,
      [q, `%${like}%`, `${like}%`, limit],
    );
  }
}
