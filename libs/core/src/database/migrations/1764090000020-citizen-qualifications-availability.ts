import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What matching could not know about a citizen, and a slot's structured working times:
 * - qualifications (items of the requirement catalogue: driving licence, spoken Danish...) with
 *   who confirmed them and when;
 * - availability (weekdays, time of day) beside the needs, and working times on the slot;
 * - recent employers (a partner company, or a name and CVR number), so the rule "not an internship
 *   at the most recent employer" has a most recent employer to look at;
 * - target-group periods may be dated back to 1980 (a citizen on cash benefit for 14 years has a
 *   history); the rules that decide what a group may use stay dated on their own (type rules
 *   from 2019), so an old period records history and decides nothing today.
 * The match profile (migration 0008) gains what the reverse-matching shortlist reads of these, kept
 * in step by the same triggers.
 */
export class CitizenQualificationsAvailability1764090000020 implements MigrationInterface {
  name = 'CitizenQualificationsAvailability1764090000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE weekday AS ENUM ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')`,
    );
    await q.query(`
      CREATE TABLE citizen_qualification (
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        qualification placement_requirement NOT NULL,
        confirmed_on date NOT NULL,
        confirmed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        note varchar(500),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (citizen_id, qualification)
      )`);
    // Unknown is NULL (no days, no time given), never an empty list.
    await q.query(`
      ALTER TABLE citizen_need
        ADD COLUMN available_days weekday[] CHECK (cardinality(available_days) > 0),
        ADD COLUMN available_from time,
        ADD COLUMN available_until time,
        ADD CONSTRAINT citizen_need_available_order CHECK (available_from < available_until)`);
    await q.query(`
      ALTER TABLE placement
        ADD COLUMN work_days weekday[] CHECK (cardinality(work_days) > 0),
        ADD COLUMN work_from time,
        ADD COLUMN work_until time,
        ADD CONSTRAINT placement_work_time_order CHECK (work_from < work_until)`);
    await q.query(`
      CREATE TABLE citizen_employment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        company_id uuid REFERENCES company (id) ON DELETE SET NULL,
        employer_name varchar(200) CHECK (length(btrim(employer_name)) > 0),
        cvr char(8) CHECK (cvr_is_valid(cvr)),
        started_on date NOT NULL,
        ended_on date,
        recorded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (company_id IS NOT NULL OR employer_name IS NOT NULL),
        CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    await q.query(
      `CREATE INDEX citizen_employment_citizen ON citizen_employment (citizen_id, started_on DESC)`,
    );
    await q.query(
      `UPDATE target_group SET valid_from = '1980-01-01' WHERE valid_from = '2019-01-01'`,
    );

    await q.query(`
      ALTER TABLE citizen_match_profile
        ADD COLUMN qualifications text[] NOT NULL DEFAULT '{}',
        ADD COLUMN available_days text[],
        ADD COLUMN available_from time,
        ADD COLUMN available_until time,
        ADD COLUMN last_employer_company_id uuid,
        ADD COLUMN last_employer_cvr char(8)`);
    await q.query(REFRESH_WITH_WORK_PROFILE);
    for (const table of ['citizen_qualification', 'citizen_employment'])
      await q.query(`
        CREATE TRIGGER ${table}_refreshes_match_profile AFTER INSERT OR UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION citizen_part_refreshes_match_profile()`);
    await q.query(`SELECT refresh_citizen_match_profile(id) FROM citizen`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['citizen_qualification', 'citizen_employment'])
      await q.query(`DROP TRIGGER ${table}_refreshes_match_profile ON ${table}`);
    await q.query(REFRESH_0008);
    await q.query(`
      ALTER TABLE citizen_match_profile
        DROP COLUMN qualifications, DROP COLUMN available_days, DROP COLUMN available_from,
        DROP COLUMN available_until, DROP COLUMN last_employer_company_id, DROP COLUMN last_employer_cvr`);
    // Periods before 2019 would point at groups not in force then; the data stays, the dates go back.
    await q.query(
      `UPDATE target_group SET valid_from = '2019-01-01' WHERE valid_from = '1980-01-01'`,
    );
    await q.query(`DROP TABLE citizen_employment`);
    await q.query(`
      ALTER TABLE placement DROP CONSTRAINT placement_work_time_order,
        DROP COLUMN work_days, DROP COLUMN work_from, DROP COLUMN work_until`);
    await q.query(`
      ALTER TABLE citizen_need DROP CONSTRAINT citizen_need_available_order,
        DROP COLUMN available_days, DROP COLUMN available_from, DROP COLUMN available_until`);
    await q.query(`DROP TABLE citizen_qualification`);
    await q.query(`DROP TYPE weekday`);
  }
}

/** The most recent employment: an ongoing one first, then the latest end, then the latest start. */
const LAST_EMPLOYMENT = `(SELECT e.company_id, e.cvr FROM citizen_employment e WHERE e.citizen_id = c.id
   ORDER BY e.ended_on DESC NULLS FIRST, e.started_on DESC, e.recorded_at DESC, e.id DESC LIMIT 1)`;

const REFRESH_WITH_WORK_PROFILE = `
  CREATE OR REPLACE FUNCTION refresh_citizen_match_profile(citizen uuid) RETURNS void LANGUAGE sql AS $$
    SELECT 1 FROM citizen c WHERE c.id = $1 FOR NO KEY UPDATE;
    INSERT INTO citizen_match_profile (citizen_id, job_centre_id, active, latitude, longitude, accommodations,
           goal_occupation_ids, goal_isco_codes, hours_now, hours_later, max_commute_km, earliest_start,
           has_goal, goal_terms, goal_terms_version, target_groups, target_group_from, target_group_to,
           qualifications, available_days, available_from, available_until,
           last_employer_company_id, last_employer_cvr)
    SELECT c.id, c.job_centre_id, c.status = 'active', c.latitude, c.longitude,
           coalesce(n.accommodations, '{}'),
           coalesce(g.occupation_ids, '{}'),
           coalesce((SELECT array_agg(o.isco_code::text) FROM occupation o WHERE o.id = ANY(g.occupation_ids)), '{}'),
           g.hours_now, g.hours_later, g.max_commute_km, g.earliest_start,
           g.id IS NOT NULL, g.own_words_terms, g.own_words_terms_version,
           coalesce(t.groups, '{}'), coalesce(t.froms, '{}'), coalesce(t.tos, '{}'),
           coalesce((SELECT array_agg(cq.qualification::text) FROM citizen_qualification cq WHERE cq.citizen_id = c.id), '{}'),
           n.available_days::text[], n.available_from, n.available_until,
           e.company_id, e.cvr
      FROM citizen c
      LEFT JOIN citizen_need n ON n.citizen_id = c.id
      LEFT JOIN LATERAL (SELECT * FROM job_goal g WHERE g.citizen_id = c.id
                          ORDER BY g.priority, g.created_at, g.id LIMIT 1) g ON true
      LEFT JOIN LATERAL (SELECT array_agg(t.target_group::text ORDER BY t.valid_from) AS groups,
                                array_agg(t.valid_from ORDER BY t.valid_from) AS froms,
                                array_agg(t.valid_to ORDER BY t.valid_from) AS tos
                           FROM citizen_target_group t WHERE t.citizen_id = c.id) t ON true
      LEFT JOIN LATERAL ${LAST_EMPLOYMENT} e ON true
     WHERE c.id = citizen
    ON CONFLICT (citizen_id) DO UPDATE SET
      job_centre_id = EXCLUDED.job_centre_id, active = EXCLUDED.active,
      latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
      accommodations = EXCLUDED.accommodations, goal_occupation_ids = EXCLUDED.goal_occupation_ids,
      goal_isco_codes = EXCLUDED.goal_isco_codes, hours_now = EXCLUDED.hours_now,
      hours_later = EXCLUDED.hours_later, max_commute_km = EXCLUDED.max_commute_km,
      earliest_start = EXCLUDED.earliest_start, has_goal = EXCLUDED.has_goal, goal_terms = EXCLUDED.goal_terms,
      goal_terms_version = EXCLUDED.goal_terms_version, target_groups = EXCLUDED.target_groups,
      target_group_from = EXCLUDED.target_group_from, target_group_to = EXCLUDED.target_group_to,
      qualifications = EXCLUDED.qualifications, available_days = EXCLUDED.available_days,
      available_from = EXCLUDED.available_from, available_until = EXCLUDED.available_until,
      last_employer_company_id = EXCLUDED.last_employer_company_id, last_employer_cvr = EXCLUDED.last_employer_cvr
  $$`;

/** The function as migration 0008 created it (for `down`). */
const REFRESH_0008 = `
  CREATE OR REPLACE FUNCTION refresh_citizen_match_profile(citizen uuid) RETURNS void LANGUAGE sql AS $$
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
  $$`;
