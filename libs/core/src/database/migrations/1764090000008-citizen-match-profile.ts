import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CONTENT_WORDS_VERSION, contentWords } from '../../text/content-words';

/**
 * One narrow row per citizen with what reverse matching reads: job centre, status, home, needed
 * accommodations, the first goal (its occupations and ISCO codes, hours, commute, start) and the
 * dated target-group periods. Triggers on the four source tables rebuild a citizen's row in the
 * writer's transaction, so it is never out of step; reverse matching then scans one small row per
 * citizen instead of four index lookups. It holds citizen data and stays in PostgreSQL.
 */
export class CitizenMatchProfile1764090000008 implements MigrationInterface {
  name = 'CitizenMatchProfile1764090000008';

  async up(q: QueryRunner): Promise<void> {
    // The goal's own words as matching compares them (contentWords) and the version of that
    // function, written by the API with the goal. Missing or of another version: matching then
    // assumes the best case for the goal's words.
    await q.query(
      `ALTER TABLE job_goal ADD COLUMN own_words_terms text[], ADD COLUMN own_words_terms_version smallint`,
    );
    const goals = (await q.query(`SELECT id, own_words AS "ownWords" FROM job_goal`)) as {
      id: string;
      ownWords: string;
    }[];
    for (let i = 0; i < goals.length; i += 1000)
      await q.query(
        `UPDATE job_goal g SET own_words_terms = v.terms, own_words_terms_version = $2
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, terms text[]) WHERE g.id = v.id`,
        [
          JSON.stringify(
            goals
              .slice(i, i + 1000)
              .map((g) => ({ id: g.id, terms: [...contentWords(g.ownWords)] })),
          ),
          CONTENT_WORDS_VERSION,
        ],
      );
    await q.query(`
      CREATE TABLE citizen_match_profile (
        citizen_id uuid PRIMARY KEY REFERENCES citizen (id) ON DELETE CASCADE,
        job_centre_id uuid NOT NULL,
        active boolean NOT NULL,
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        accommodations accommodation[] NOT NULL,
        goal_occupation_ids uuid[] NOT NULL,
        goal_isco_codes text[] NOT NULL,
        hours_now double precision,
        hours_later double precision,
        max_commute_km double precision,
        earliest_start date,
        has_goal boolean NOT NULL,
        goal_terms text[],
        goal_terms_version smallint,
        target_groups text[] NOT NULL,
        target_group_from date[] NOT NULL,
        target_group_to date[] NOT NULL
      )`);
    await q.query(
      `CREATE INDEX citizen_match_profile_centre ON citizen_match_profile (job_centre_id) WHERE active`,
    );
    await q.query(
      `CREATE INDEX citizen_match_profile_occupations ON citizen_match_profile USING gin (goal_occupation_ids)`,
    );
    // The first goal is the one matching uses everywhere: lowest priority number, then oldest.
    await q.query(`
      CREATE FUNCTION refresh_citizen_match_profile(citizen uuid) RETURNS void LANGUAGE sql AS $$
        -- One writer per citizen at a time: a refresh waiting for another transaction's change to
        -- this citizen then reads it committed (each statement here sees what is committed when
        -- it starts), instead of writing what it read before the wait.
        SELECT 1 FROM citizen c WHERE c.id = $1 FOR NO KEY UPDATE;
        INSERT INTO citizen_match_profile
        SELECT c.id, c.job_centre_id, c.status = 'active', c.latitude, c.longitude,
               coalesce((SELECT n.accommodations FROM citizen_need n WHERE n.citizen_id = c.id), '{}'),
               coalesce(g.occupation_ids, '{}'),
               coalesce((SELECT array_agg(o.isco_code::text) FROM occupation o WHERE o.id = ANY(g.occupation_ids)), '{}'),
               g.hours_now, g.hours_later, g.max_commute_km, g.earliest_start,
               g.id IS NOT NULL, g.own_words_terms, g.own_words_terms_version,
               coalesce(t.groups, '{}'), coalesce(t.froms, '{}'), coalesce(t.tos, '{}')
          FROM citizen c
          LEFT JOIN LATERAL (SELECT * FROM job_goal g WHERE g.citizen_id = c.id
                              ORDER BY g.priority, g.created_at, g.id LIMIT 1) g ON true
          LEFT JOIN LATERAL (SELECT array_agg(t.target_group::text ORDER BY t.valid_from) AS groups,
                                    array_agg(t.valid_from ORDER BY t.valid_from) AS froms,
                                    array_agg(t.valid_to ORDER BY t.valid_from) AS tos
                               FROM citizen_target_group t WHERE t.citizen_id = c.id) t ON true
         WHERE c.id = citizen
        ON CONFLICT (citizen_id) DO UPDATE SET
          job_centre_id = EXCLUDED.job_centre_id, active = EXCLUDED.active,
          latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
          accommodations = EXCLUDED.accommodations, goal_occupation_ids = EXCLUDED.goal_occupation_ids,
          goal_isco_codes = EXCLUDED.goal_isco_codes, hours_now = EXCLUDED.hours_now,
          hours_later = EXCLUDED.hours_later, max_commute_km = EXCLUDED.max_commute_km,
          earliest_start = EXCLUDED.earliest_start, has_goal = EXCLUDED.has_goal, goal_terms = EXCLUDED.goal_terms,
          goal_terms_version = EXCLUDED.goal_terms_version, target_groups = EXCLUDED.target_groups,
          target_group_from = EXCLUDED.target_group_from, target_group_to = EXCLUDED.target_group_to
      $$`);
    await q.query(`
      CREATE FUNCTION citizen_part_refreshes_match_profile() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM refresh_citizen_match_profile(OLD.citizen_id); END IF;
        IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.citizen_id <> OLD.citizen_id) THEN
          PERFORM refresh_citizen_match_profile(NEW.citizen_id);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['job_goal', 'citizen_need', 'citizen_target_group'])
      await q.query(`
        CREATE TRIGGER ${table}_refreshes_match_profile AFTER INSERT OR UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION citizen_part_refreshes_match_profile()`);
    await q.query(`
      CREATE FUNCTION citizen_refreshes_match_profile() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_citizen_match_profile(NEW.id);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER citizen_refreshes_match_profile
        AFTER INSERT OR UPDATE OF job_centre_id, status, latitude, longitude ON citizen
        FOR EACH ROW EXECUTE FUNCTION citizen_refreshes_match_profile()`);
    await q.query(`SELECT refresh_citizen_match_profile(id) FROM citizen`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER citizen_refreshes_match_profile ON citizen`);
    await q.query(`DROP FUNCTION citizen_refreshes_match_profile()`);
    for (const table of ['job_goal', 'citizen_need', 'citizen_target_group'])
      await q.query(`DROP TRIGGER ${table}_refreshes_match_profile ON ${table}`);
    await q.query(`DROP FUNCTION citizen_part_refreshes_match_profile()`);
    await q.query(`DROP FUNCTION refresh_citizen_match_profile(uuid)`);
    await q.query(`DROP TABLE citizen_match_profile`);
    await q.query(
      `ALTER TABLE job_goal DROP COLUMN own_words_terms, DROP COLUMN own_words_terms_version`,
    );
  }
}
