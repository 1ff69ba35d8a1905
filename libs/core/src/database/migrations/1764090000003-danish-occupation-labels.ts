import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readDanishOccupationLabels } from '../reference-data';

const SEPARATOR = ' || da: ';

/**
 * Danish labels for the occupations most placements use (ESCO ships Danish labels, but not in the
 * English export we have): consultants and employers search in Danish ("køkkenhjælper").
 */
export class DanishOccupationLabels1764090000003 implements MigrationInterface {
  name = 'DanishOccupationLabels1764090000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE occupation ADD COLUMN labels_da text[] NOT NULL DEFAULT '{}'`);
    const rows = readDanishOccupationLabels();
    await q.query(
      `UPDATE occupation o SET labels_da = string_to_array(t.labels, '|'), search_text = o.search_text || $3 || t.search
         FROM unnest($1::text[], $2::text[], $4::text[]) AS t (label, labels, search)
        WHERE o.label = t.label`,
      [
        rows.map((r) => r.escoLabel),
        rows.map((r) => r.labelsDa.join('|')),
        SEPARATOR,
        rows.map((r) => r.searchText),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE occupation SET search_text = split_part(search_text, $1, 1) WHERE labels_da <> '{}'`,
      [SEPARATOR],
    );
    await q.query(`ALTER TABLE occupation DROP COLUMN labels_da`);
  }
}
