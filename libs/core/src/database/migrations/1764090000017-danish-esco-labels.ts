import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  danishLabelsOf,
  readDanishEscoLabels,
  readDanishOccupationLabels,
} from '../reference-data';

const OWN_SEPARATOR = ' || da: ';

/**
 * ESCO's own Danish labels (v1.0.8) for every occupation and every ISCO-08 group, so the occupation
 * search finds and shows Danish words ("blomster", "kok") instead of near-miss English ones.
 *
 * - `occupation.labels_da`: every Danish label, ESCO's preferred label first (so `labels_da[1]`,
 *   which the placement search and matching already show, is now Danish for every occupation),
 *   then our own everyday words (libs/reference/data/occupation-labels-da.csv, e.g. "køkkenhjælper",
 *   which ESCO lacks), then ESCO's alternative labels.
 * - `occupation.search_text_da`: the same labels normalised, preferred label first, with a trigram
 *   index; `search_text` becomes English only (our Danish words move to `search_text_da`).
 * - `isco_group.label_da`: the Danish group title (DISCO-08 wording).
 * Data comes from the CSV files in libs/reference/data (reproducible: the same files give the same rows).
 */
export class DanishEscoLabels1764090000017 implements MigrationInterface {
  name = 'DanishEscoLabels1764090000017';

  async up(q: QueryRunner): Promise<void> {
    const esco = readDanishEscoLabels();
    const own = new Map<string, string[]>(
      readDanishOccupationLabels().map((r) => [r.escoLabel, r.labelsDa]),
    );

    await q.query(`ALTER TABLE isco_group ADD COLUMN label_da varchar(300)`);
    await q.query(
      `UPDATE isco_group g SET label_da = t.label
         FROM unnest($1::varchar[], $2::varchar[]) AS t (code, label) WHERE g.code = t.code`,
      [esco.iscoGroups.map((g) => g.code), esco.iscoGroups.map((g) => g.label)],
    );
    // A group without a Danish title would have come from a file that does not match this one.
    await q.query(`ALTER TABLE isco_group ALTER COLUMN label_da SET NOT NULL`);

    const english = (await q.query(`SELECT esco_uri AS "escoUri", label FROM occupation`)) as {
      escoUri: string;
      label: string;
    }[];
    const englishLabel = new Map(english.map((o) => [o.escoUri, o.label]));
    const rows = esco.occupations.map((o) =>
      danishLabelsOf(o.label, own.get(englishLabel.get(o.escoUri) ?? '') ?? [], o.altLabels),
    );
    await q.query(`ALTER TABLE occupation ADD COLUMN search_text_da text`);
    await q.query(
      `UPDATE occupation o
          SET labels_da = string_to_array(t.labels, E'\\n'), search_text_da = t.search,
              search_text = split_part(o.search_text, $4, 1)
         FROM unnest($1::varchar[], $2::text[], $3::text[]) AS t (uri, labels, search)
        WHERE o.esco_uri = t.uri`,
      [
        esco.occupations.map((o) => o.escoUri),
        rows.map((r) => r.labelsDa.join('\n')),
        rows.map((r) => r.searchTextDa),
        OWN_SEPARATOR,
      ],
    );
    await q.query(`ALTER TABLE occupation ALTER COLUMN search_text_da SET NOT NULL`);
    await q.query(
      `ALTER TABLE occupation ADD CONSTRAINT occupation_has_danish_label CHECK (cardinality(labels_da) >= 1)`,
    );
    await q.query(
      `CREATE INDEX occupation_search_da_trgm ON occupation USING gin (search_text_da gin_trgm_ops)`,
    );
    // Slots already posted take the Danish labels into their search text (the row trigger of
    // migration 0005 rebuilds it on any update).
    await q.query(`UPDATE placement SET occupation_id = occupation_id`);
    // Fresh statistics, or the planner keeps scanning every row instead of the trigram indexes.
    await q.query(`ANALYZE occupation`);
  }

  async down(q: QueryRunner): Promise<void> {
    const own = readDanishOccupationLabels();
    await q.query(`DROP INDEX occupation_search_da_trgm`);
    await q.query(`ALTER TABLE occupation DROP CONSTRAINT occupation_has_danish_label`);
    await q.query(`ALTER TABLE occupation DROP COLUMN search_text_da`);
    await q.query(`UPDATE occupation SET labels_da = '{}'`);
    await q.query(
      `UPDATE occupation o SET labels_da = string_to_array(t.labels, '|'), search_text = o.search_text || $3 || t.search
         FROM unnest($1::text[], $2::text[], $4::text[]) AS t (label, labels, search)
        WHERE o.label = t.label`,
      [
        own.map((r) => r.escoLabel),
        own.map((r) => r.labelsDa.join('|')),
        OWN_SEPARATOR,
        own.map((r) => r.searchText),
      ],
    );
    await q.query(`ALTER TABLE isco_group DROP COLUMN label_da`);
    await q.query(`UPDATE placement SET occupation_id = occupation_id`);
  }
}
