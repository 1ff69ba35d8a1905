import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Companies, sites, mentors, partnerships and placement slots. The rules the service checks are
 * repeated here as constraints, so no code path can store a company with a bad CVR, a mentor of
 * another company, or a published slot without a mentor, a site and tasks.
 */
export class CompanySide1764090000002 implements MigrationInterface {
  name = 'CompanySide1764090000002';

  async up(q: QueryRunner): Promise<void> {
    // Modulus-11 check of a CVR number (weights 2 7 6 5 4 3 2 1).
    await q.query(`
      CREATE FUNCTION cvr_is_valid(cvr text) RETURNS boolean
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT cvr ~ '^[1-9][0-9]{7}$' AND (
          SELECT sum(substr(cvr, i, 1)::int * (ARRAY[2, 7, 6, 5, 4, 3, 2, 1])[i])
            FROM generate_series(1, 8) AS i) % 11 = 0
      $$`);
    await q.query(`
      CREATE TABLE company (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cvr char(8) NOT NULL UNIQUE CHECK (cvr_is_valid(cvr)),
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        industry varchar(200),
        ordinary_employees numeric(7, 1) NOT NULL CHECK (ordinary_employees >= 0),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX company_name_trgm ON company USING gin (lower(name) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE company_admin (
        company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company_id, user_id)
      )`);
    await q.query(`CREATE INDEX company_admin_user ON company_admin (user_id)`);

    await q.query(`
      CREATE TABLE site (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        street_address varchar(200) NOT NULL CHECK (length(btrim(street_address)) > 0),
        postal_code char(4) NOT NULL REFERENCES postal_code (code),
        municipality_code smallint NOT NULL,
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        p_number char(10) CHECK (p_number ~ '^[0-9]{10}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, company_id)
      )`);
    await q.query(`CREATE INDEX site_company ON site (company_id)`);
    await q.query(`CREATE INDEX site_municipality ON site (municipality_code)`);

    await q.query(`
      CREATE TABLE mentor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
        site_id uuid,
        name varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
        email citext NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
        phone varchar(30),
        capacity smallint NOT NULL CHECK (capacity BETWEEN 1 AND 50),
        user_id uuid UNIQUE REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, company_id),
        UNIQUE (company_id, email),
        FOREIGN KEY (site_id, company_id) REFERENCES site (id, company_id)
      )`);

    await q.query(
      `CREATE TYPE partnership_status AS ENUM ('proposed', 'active', 'paused', 'ended')`,
    );
    await q.query(
      `CREATE TYPE placement_type AS ENUM ('internship', 'wage_subsidy', 'ordinary_hours', 'flex_job')`,
    );
    await q.query(`
      CREATE TABLE partnership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
        job_centre_id uuid NOT NULL REFERENCES job_centre (id),
        status partnership_status NOT NULL DEFAULT 'proposed',
        starts_on date NOT NULL,
        ends_on date,
        slots_per_year smallint CHECK (slots_per_year BETWEEN 0 AND 10000),
        placement_types placement_type[] NOT NULL DEFAULT '{}',
        notes varchar(2000),
        proposed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        proposed_by_side varchar(10) NOT NULL CHECK (proposed_by_side IN ('company', 'job_centre')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX partnership_one_open ON partnership (company_id, job_centre_id) WHERE status <> 'ended'`,
    );
    await q.query(`CREATE INDEX partnership_job_centre ON partnership (job_centre_id, status)`);

    await q.query(`
      CREATE TYPE accommodation AS ENUM (
        'no_heavy_lifting', 'seated_work', 'varied_positions', 'quiet_workspace', 'fixed_routines',
        'short_days', 'flexible_start_time', 'close_guidance', 'breaks_as_needed', 'reduced_pace',
        'written_instructions', 'limited_customer_contact', 'step_free_access')`);
    await q.query(`
      CREATE TYPE placement_requirement AS ENUM (
        'driving_licence_b', 'own_transport', 'danish_spoken', 'danish_written', 'english',
        'clean_criminal_record', 'child_protection_certificate', 'food_hygiene_certificate',
        'forklift_certificate')`);
    await q.query(
      `CREATE TYPE placement_status AS ENUM ('draft', 'published', 'paused', 'closed')`,
    );
    await q.query(`
      CREATE TABLE placement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
        site_id uuid,
        mentor_id uuid,
        type placement_type NOT NULL,
        title varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
        occupation_id uuid NOT NULL REFERENCES occupation (id),
        isco_code varchar(4) NOT NULL REFERENCES isco_group (code),
        description varchar(5000) NOT NULL DEFAULT '',
        tasks text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tasks) <= 30),
        weekly_hours_min numeric(4, 1) NOT NULL,
        weekly_hours_max numeric(4, 1) NOT NULL,
        schedule_notes varchar(1000),
        start_earliest date NOT NULL,
        start_latest date,
        duration_weeks smallint NOT NULL CHECK (duration_weeks BETWEEN 1 AND 104),
        capacity smallint NOT NULL CHECK (capacity BETWEEN 1 AND 100),
        accommodations accommodation[] NOT NULL DEFAULT '{}',
        accommodation_notes varchar(1000),
        requirements placement_requirement[] NOT NULL DEFAULT '{}',
        requirement_notes varchar(1000),
        ordinary_hours_possible boolean NOT NULL DEFAULT false,
        ordinary_hours_after_weeks smallint CHECK (ordinary_hours_after_weeks BETWEEN 0 AND 104),
        ordinary_hours_per_week numeric(4, 1) CHECK (ordinary_hours_per_week > 0),
        status placement_status NOT NULL DEFAULT 'draft',
        published_at timestamptz,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        -- milliseconds, like the page cursors that carry it
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (site_id, company_id) REFERENCES site (id, company_id),
        FOREIGN KEY (mentor_id, company_id) REFERENCES mentor (id, company_id),
        CONSTRAINT placement_hours_range CHECK (
          weekly_hours_min > 0 AND weekly_hours_min <= weekly_hours_max AND weekly_hours_max <= 48),
        CONSTRAINT placement_start_window CHECK (start_latest IS NULL OR start_latest >= start_earliest),
        CONSTRAINT placement_ordinary_hours_path CHECK (
          (NOT ordinary_hours_possible AND ordinary_hours_after_weeks IS NULL AND ordinary_hours_per_week IS NULL)
          OR (ordinary_hours_possible AND ordinary_hours_after_weeks IS NOT NULL
              AND ordinary_hours_per_week IS NOT NULL AND ordinary_hours_per_week <= weekly_hours_max)),
        CONSTRAINT placement_publishable CHECK (
          status IN ('draft', 'closed')
          OR (mentor_id IS NOT NULL AND site_id IS NOT NULL AND cardinality(tasks) >= 1))
      )`);
    await q.query(
      `CREATE INDEX placement_company ON placement (company_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX placement_status ON placement (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX placement_site ON placement (site_id)`);
    await q.query(`CREATE INDEX placement_mentor ON placement (mentor_id)`);
    await q.query(`CREATE INDEX placement_isco ON placement (isco_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE placement`);
    await q.query(`DROP TYPE placement_status`);
    await q.query(`DROP TYPE placement_requirement`);
    await q.query(`DROP TYPE accommodation`);
    await q.query(`DROP TABLE partnership`);
    await q.query(`DROP TYPE placement_type`);
    await q.query(`DROP TYPE partnership_status`);
    await q.query(`DROP TABLE mentor`);
    await q.query(`DROP TABLE site`);
    await q.query(`DROP TABLE company_admin`);
    await q.query(`DROP TABLE company`);
    await q.query(`DROP FUNCTION cvr_is_valid(text)`);
  }
}
