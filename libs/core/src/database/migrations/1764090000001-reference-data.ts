import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readReferenceData } from '../reference-data';

/**
 * Loads the real reference data shipped in libs/reference/data (GeoNames postal codes, ESCO and
 * ISCO-08), so every database, including each test database, has the same codes to validate against.
 */
export class ReferenceData1764090000001 implements MigrationInterface {
  name = 'ReferenceData1764090000001';

  async up(q: QueryRunner): Promise<void> {
    const data = readReferenceData();
    await q.query(
      `INSERT INTO postal_code (code, place_name, municipality_code, municipality_name, region_name, latitude, longitude)
       SELECT * FROM unnest($1::char(4)[], $2::varchar[], $3::smallint[], $4::varchar[], $5::varchar[], $6::float8[], $7::float8[])`,
      columns(data.postalCodes, [
        'code',
        'placeName',
        'municipalityCode',
        'municipalityName',
        'regionName',
        'latitude',
        'longitude',
      ]),
    );
    await q.query(
      `INSERT INTO isco_group (code, label, description)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::text[])`,
      columns(data.iscoGroups, ['code', 'label', 'description']),
    );
    await q.query(
      `INSERT INTO occupation (id, esco_uri, isco_code, label, alt_labels, description, search_text)
       SELECT id, uri, isco, label, string_to_array(alts, E'\\n'), descr, search
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[], $6::text[], $7::text[])
           AS t (id, uri, isco, label, alts, descr, search)`,
      columns(
        data.occupations.map((o) => ({ ...o, altLabels: o.altLabels.join('\n') })),
        ['id', 'escoUri', 'iscoCode', 'label', 'altLabels', 'description', 'searchText'],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM occupation`);
    await q.query(`DELETE FROM isco_group`);
    await q.query(`DELETE FROM postal_code`);
  }
}

function columns<T extends object>(rows: T[], keys: (keyof T)[]): unknown[][] {
  return keys.map((k) => rows.map((r) => r[k]));
}
