import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typo tolerance through a vocabulary, as the pg_trgm documentation suggests: every word used in
 * a placement's text (lower-cased, unaccented) is kept once in `search_word` with a trigram index.
 * A misspelt query word is replaced by its nearest vocabulary words before the full-text search,
 * so the search itself stays on the full-text index instead of comparing trigrams row by row.
 * Words are only added (a word no slot uses any more merely finds nothing).
 */
export class SearchVocabulary1764090000007 implements MigrationInterface {
  name = 'SearchVocabulary1764090000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE search_word (word varchar(40) PRIMARY KEY)`);
    await q.query(`CREATE INDEX search_word_trgm ON search_word USING gist (word gist_trgm_ops)`);
    await q.query(`
      CREATE FUNCTION placement_words(search_text text, description text) RETURNS SETOF text
        LANGUAGE sql STABLE AS $$
        SELECT DISTINCT w FROM regexp_split_to_table(search_text || ' ' || lower(unaccent(description)), '[^a-z0-9]+') w
         WHERE length(w) BETWEEN 3 AND 40
      $$`);
    await q.query(`
      CREATE FUNCTION placements_add_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_word (word)
        SELECT DISTINCT w FROM new_rows n, placement_words(n.search_text, n.description) w
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER placements_inserted_add_search_words AFTER INSERT ON placement
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION placements_add_search_words()`);
    await q.query(`
      CREATE TRIGGER placements_updated_add_search_words AFTER UPDATE ON placement
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION placements_add_search_words()`);
    await q.query(`
      INSERT INTO search_word (word)
      SELECT DISTINCT w FROM placement p, placement_words(p.search_text, p.description) w
      ON CONFLICT DO NOTHING`);
    // Row-by-row trigram matching on the placement text is replaced by the vocabulary.
    await q.query(`DROP INDEX placement_search_trgm`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX placement_search_trgm ON placement USING gin (search_text gin_trgm_ops)`,
    );
    await q.query(`DROP TRIGGER placements_updated_add_search_words ON placement`);
    await q.query(`DROP TRIGGER placements_inserted_add_search_words ON placement`);
    await q.query(`DROP FUNCTION placements_add_search_words()`);
    await q.query(`DROP FUNCTION placement_words(text, text)`);
    await q.query(`DROP TABLE search_word`);
  }
}
