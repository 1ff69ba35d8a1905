import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search and matching on PostgreSQL: each placement carries its site's coordinates (kept in step
 * by a trigger) with an earthdistance GiST index for radius queries, a Danish full-text vector and
 * a trigram text for typo tolerance, both maintained by a trigger (unaccent is not immutable, so
 * they cannot be generated columns).
 */
export class PlacementSearch1764090000005 implements MigrationInterface {
  name = 'PlacementSearch1764090000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);
    await q.query(`
      ALTER TABLE placement
        ADD COLUMN latitude double precision,
        ADD COLUMN longitude double precision,
        ADD COLUMN municipality_code smallint,
        ADD COLUMN search_vector tsvector,
        ADD COLUMN search_text text NOT NULL DEFAULT ''`);
    await q.query(`
      CREATE FUNCTION placement_search_fields() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        occupation_text text;
      BEGIN
        SELECT s.latitude, s.longitude, s.municipality_code INTO NEW.latitude, NEW.longitude, NEW.municipality_code
          FROM site s WHERE s.id = NEW.site_id;
        SELECT o.label || ' ' || array_to_string(o.labels_da, ' ') INTO occupation_text FROM occupation o WHERE o.id = NEW.occupation_id;
        NEW.search_vector :=
          setweight(to_tsvector('danish', unaccent(NEW.title)), 'A') ||
          setweight(to_tsvector('danish', unaccent(coalesce(occupation_text, ''))), 'A') ||
          setweight(to_tsvector('danish', unaccent(array_to_string(NEW.tasks, ' '))), 'B') ||
          setweight(to_tsvector('danish', unaccent(NEW.description)), 'C');
        NEW.search_text := lower(unaccent(NEW.title || ' ' || coalesce(occupation_text, '') || ' ' || array_to_string(NEW.tasks, ' ')));
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER placement_search_fields BEFORE INSERT OR UPDATE ON placement
        FOR EACH ROW EXECUTE FUNCTION placement_search_fields()`);
    // A site that moves takes its slots with it.
    await q.query(`
      CREATE FUNCTION site_moves_placements() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE placement SET latitude = NEW.latitude, longitude = NEW.longitude, municipality_code = NEW.municipality_code
         WHERE site_id = NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER site_moves_placements AFTER UPDATE OF latitude, longitude, municipality_code ON site
        FOR EACH ROW EXECUTE FUNCTION site_moves_placements()`);
    await q.query(`UPDATE placement SET title = title`);
    await q.query(`CREATE INDEX placement_search_vector ON placement USING gin (search_vector)`);
    await q.query(
      `CREATE INDEX placement_search_trgm ON placement USING gin (search_text gin_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX placement_location ON placement USING gist (ll_to_earth(latitude, longitude)) WHERE status = 'published'`,
    );
    await q.query(
      `CREATE INDEX placement_published ON placement (status, municipality_code) WHERE status = 'published'`,
    );
    await q.query(`CREATE INDEX placement_accommodations ON placement USING gin (accommodations)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER site_moves_placements ON site`);
    await q.query(`DROP FUNCTION site_moves_placements()`);
    await q.query(`DROP TRIGGER placement_search_fields ON placement`);
    await q.query(`DROP FUNCTION placement_search_fields()`);
    await q.query(`
      ALTER TABLE placement DROP COLUMN latitude, DROP COLUMN longitude, DROP COLUMN municipality_code,
        DROP COLUMN search_vector, DROP COLUMN search_text`);
  }
}
