import { type Language, normalizeSearchText } from '@jobbro/core';
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
   * Typo-tolerant occupation search in one language's labels: trigram word similarity over the
   * preferred label and every alternative (so "rengøing" finds "rengøringsassistent"), the
   * preferred label equal to the words first ("kok"), then preferred labels and other labels
   * starting with them, then the closest; ISCO codes by prefix. Each language has its own search
   * text (`search_text_da` / `search_text`, preferred label first) and trigram index.
   */
  searchOccupations(
    search: string,
    limit: number,
    language: Language,
  ): Promise<OccupationEntity[]> {
    const q = normalizeSearchText(search);
    if (/^\d{1,4}$/.test(q)) {
      return this.occupations.query<OccupationEntity[]>(
        `SELECT ${OCCUPATION_COLUMNS} FROM occupation WHERE isco_code LIKE $1
          ORDER BY isco_code, ${SEARCH_TEXT[language]}, id LIMIT $2`,
        [`${q}%`, limit],
      );
    }
    const like = q.replace(/[%_\\]/g, '\\$&');
    const column = SEARCH_TEXT[language];
    // `<%` (word similarity above the threshold) and LIKE both use the trigram index; the
    // threshold is lowered from pg_trgm's 0.6 for this transaction only, so short words keep one
    // typo ("tømer", "kokk").
    return this.occupations.manager.transaction(async (tx) => {
      await tx.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY}`);
      return tx.query<OccupationEntity[]>(
        `SELECT ${OCCUPATION_COLUMNS} FROM occupation
          WHERE $1 <% ${column} OR ${column} LIKE $2
          ORDER BY split_part(${column}, ' | ', 1) = $1 DESC,
                   split_part(${column}, ' | ', 1) LIKE $3 DESC,
                   -- a word of any label starts with the query ("blomster" in "blomsterhandler")
                   ' ' || ${column} LIKE $4 DESC,
                   word_similarity($1, ${column}) + similarity($1, split_part(${column}, ' | ', 1)) DESC,
                   length(split_part(${column}, ' | ', 1)), id
          LIMIT $5`,
        [q, `%${like}%`, `${like}%`, `% ${like}%`, limit],
      );
    });
  }
}

const WORD_SIMILARITY = 0.45;

const OCCUPATION_COLUMNS = `id, esco_uri AS "escoUri", isco_code AS "iscoCode", label,
  alt_labels AS "altLabels", labels_da AS "labelsDa", description`;

/** The normalised labels of each language, preferred label first (migrations 0001 and 0017). */
const SEARCH_TEXT = { da: 'search_text_da', en: 'search_text' } as const satisfies Record<
  Language,
  string
>;
