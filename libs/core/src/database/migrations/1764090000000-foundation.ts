import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions, reference tables (postal codes, ISCO-08, ESCO), tenants, users, tokens, outbox. */
export class Foundation1764090000000 implements MigrationInterface {
  name = 'Foundation1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);

    await q.query(`
      CREATE TABLE postal_code (
        code char(4) PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
        place_name varchar(100) NOT NULL,
        municipality_code smallint NOT NULL,
        municipality_name varchar(100) NOT NULL,
        region_name varchar(100) NOT NULL,
        latitude double precision NOT NULL CHECK (latitude BETWEEN 54 AND 58),
        longitude double precision NOT NULL CHECK (longitude BETWEEN 8 AND 16)
      )`);
    await q.query(`CREATE INDEX postal_code_municipality ON postal_code (municipality_code)`);

    await q.query(`
      CREATE TABLE isco_group (
        code varchar(4) PRIMARY KEY CHECK (code ~ '^[0-9]{1,4}$'),
        level smallint GENERATED ALWAYS AS (length(code)) STORED,
        label varchar(300) NOT NULL,
        description text NOT NULL DEFAULT ''
      )`);
    await q.query(`
      CREATE TABLE occupation (
        id uuid PRIMARY KEY,
        esco_uri varchar(200) NOT NULL UNIQUE,
        isco_code varchar(4) NOT NULL REFERENCES isco_group (code),
        label varchar(300) NOT NULL,
        alt_labels text[] NOT NULL DEFAULT '{}',
        description text NOT NULL DEFAULT '',
        search_text text NOT NULL,
        CHECK (length(isco_code) = 4)
      )`);
    await q.query(
      `CREATE INDEX occupation_search_trgm ON occupation USING gin (search_text gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX occupation_isco ON occupation (isco_code)`);

    await q.query(`
      CREATE TABLE job_centre (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        municipality_code smallint NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TYPE user_role AS ENUM
        ('administrator', 'job_consultant', 'caseworker', 'company_admin', 'mentor', 'citizen')`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
        password_hash text,
        display_name varchar(200) NOT NULL CHECK (length(btrim(display_name)) > 0),
        role user_role NOT NULL,
        job_centre_id uuid REFERENCES job_centre (id),
        preferred_language char(2) NOT NULL DEFAULT 'da' CHECK (preferred_language IN ('da', 'en')),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_belongs_to_job_centre CHECK (
          role NOT IN ('administrator', 'job_consultant', 'caseworker') OR job_centre_id IS NOT NULL),
        CONSTRAINT company_users_have_no_job_centre CHECK (
          role NOT IN ('company_admin', 'mentor') OR job_centre_id IS NULL)
      )`);
    await q.query(`CREATE INDEX app_user_job_centre ON app_user (job_centre_id)`);

    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_token_family ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user ON refresh_token (user_id)`);

    await q.query(`
      CREATE TABLE outbox_event (
        id bigserial PRIMARY KEY,
        type varchar(100) NOT NULL,
        aggregate_id uuid,
        payload jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        processed_at timestamptz,
        last_error varchar(2000)
      )`);
    await q.query(
      `CREATE INDEX outbox_event_pending ON outbox_event (available_at, id) WHERE processed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_event`);
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TYPE user_role`);
    await q.query(`DROP TABLE job_centre`);
    await q.query(`DROP TABLE occupation`);
    await q.query(`DROP TABLE isco_group`);
    await q.query(`DROP TABLE postal_code`);
  }
}
