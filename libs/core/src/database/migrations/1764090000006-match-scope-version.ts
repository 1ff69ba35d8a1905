import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version per job centre for the placements its consultants can match (the published slots of
 * its partner companies). The API keeps an in-memory candidate index per job centre and rebuilds
 * it when the version has moved. Triggers bump the version in the writer's transaction; the row
 * lock they take orders concurrent writers, so every committed change is a visible, strictly
 * larger version, and a reader that builds its index in one snapshot never misses a change.
 * Slot and partnership changes of one company are also ordered by a lock on the company row, so
 * a slot published while its company's partnership is being created still bumps the job centre.
 */
export class MatchScopeVersion1764090000006 implements MigrationInterface {
  name = 'MatchScopeVersion1764090000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE match_scope_version (
        job_centre_id uuid PRIMARY KEY REFERENCES job_centre (id) ON DELETE CASCADE,
        version bigint NOT NULL DEFAULT 1
      )`);
    // Which companies each version changed, so a reader can reload just their slots. The last
    // 1,000 versions of each job centre are kept; a reader further behind reloads everything.
    await q.query(`
      CREATE TABLE match_scope_change (
        job_centre_id uuid NOT NULL REFERENCES job_centre (id) ON DELETE CASCADE,
        version bigint NOT NULL,
        company_id uuid NOT NULL,
        PRIMARY KEY (job_centre_id, version, company_id)
      )`);
    await q.query(`
      CREATE FUNCTION bump_match_scopes(centres uuid[], companies uuid[]) RETURNS void LANGUAGE sql AS $$
        WITH bumped AS (
          INSERT INTO match_scope_version (job_centre_id)
          SELECT DISTINCT c FROM unnest(centres) AS c WHERE c IS NOT NULL ORDER BY c
          ON CONFLICT (job_centre_id) DO UPDATE SET version = match_scope_version.version + 1
          RETURNING job_centre_id, version)
        INSERT INTO match_scope_change (job_centre_id, version, company_id)
        SELECT b.job_centre_id, b.version, c FROM bumped b, unnest(companies) AS c WHERE c IS NOT NULL
        ON CONFLICT DO NOTHING;
        DELETE FROM match_scope_change s USING match_scope_version v
         WHERE v.job_centre_id = ANY(centres) AND s.job_centre_id = v.job_centre_id
           AND s.version <= v.version - 1000;
      $$`);
    await q.query(`
      CREATE FUNCTION bump_match_scope_of_companies(companies uuid[]) RETURNS void LANGUAGE sql AS $$
        -- Waits for a partnership change of these companies still in flight (it holds a stronger
        -- lock on the company row), so the lookup below, a new statement, sees it committed.
        SELECT 1 FROM company WHERE id = ANY(companies) ORDER BY id FOR SHARE;
        SELECT bump_match_scopes(
          ARRAY(SELECT DISTINCT job_centre_id FROM partnership WHERE company_id = ANY(companies)), companies);
      $$`);
    // Once per statement, so a bulk load bumps each job centre once rather than once per row.
    // Only published slots are matchable, so drafts can be edited without invalidating anything.
    await q.query(`
      CREATE FUNCTION placements_bump_match_scope() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM bump_match_scope_of_companies(ARRAY(
            SELECT DISTINCT company_id FROM new_rows WHERE status = 'published'));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM bump_match_scope_of_companies(ARRAY(
            SELECT company_id FROM old_rows WHERE status = 'published'
             UNION SELECT company_id FROM new_rows WHERE status = 'published'));
        ELSE
          PERFORM bump_match_scope_of_companies(ARRAY(
            SELECT DISTINCT company_id FROM old_rows WHERE status = 'published'));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER placements_inserted_bump_match_scope AFTER INSERT ON placement
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION placements_bump_match_scope()`);
    await q.query(`
      CREATE TRIGGER placements_updated_bump_match_scope AFTER UPDATE ON placement
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION placements_bump_match_scope()`);
    await q.query(`
      CREATE TRIGGER placements_deleted_bump_match_scope AFTER DELETE ON placement
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION placements_bump_match_scope()`);
    await q.query(`
      CREATE FUNCTION mentor_bumps_match_scope() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_match_scope_of_companies(ARRAY[OLD.company_id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER mentor_bumps_match_scope AFTER UPDATE OF capacity OR DELETE ON mentor
        FOR EACH ROW EXECUTE FUNCTION mentor_bumps_match_scope()`);
    await q.query(`
      CREATE FUNCTION partnership_bumps_match_scope() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Orders this change after any slot change of the company in flight, and those after it
        -- (see bump_match_scope_of_companies): otherwise a slot published while the partnership
        -- is being created could bump no job centre and stay out of every snapshot.
        PERFORM 1 FROM company WHERE id IN (
          CASE WHEN TG_OP <> 'INSERT' THEN OLD.company_id END,
          CASE WHEN TG_OP <> 'DELETE' THEN NEW.company_id END) ORDER BY id FOR NO KEY UPDATE;
        PERFORM bump_match_scopes(
          ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.job_centre_id END,
                CASE WHEN TG_OP <> 'DELETE' THEN NEW.job_centre_id END],
          ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.company_id END,
                CASE WHEN TG_OP <> 'DELETE' THEN NEW.company_id END]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER partnership_bumps_match_scope AFTER INSERT OR UPDATE OR DELETE ON partnership
        FOR EACH ROW EXECUTE FUNCTION partnership_bumps_match_scope()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER partnership_bumps_match_scope ON partnership`);
    await q.query(`DROP FUNCTION partnership_bumps_match_scope()`);
    await q.query(`DROP TRIGGER mentor_bumps_match_scope ON mentor`);
    await q.query(`DROP FUNCTION mentor_bumps_match_scope()`);
    for (const event of ['inserted', 'updated', 'deleted'])
      await q.query(`DROP TRIGGER placements_${event}_bump_match_scope ON placement`);
    await q.query(`DROP FUNCTION placements_bump_match_scope()`);
    await q.query(`DROP FUNCTION bump_match_scope_of_companies(uuid[])`);
    await q.query(`DROP FUNCTION bump_match_scopes(uuid[], uuid[])`);
    await q.query(`DROP TABLE match_scope_change`);
    await q.query(`DROP TABLE match_scope_version`);
  }
}
