import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen side: citizens, target groups (dated), assigned professionals, job goals, needs,
 * assessments on dimensions held as data, the individual plan with its revisions, meetings,
 * consents, and the audit trail of every access to a citizen's personal data.
 */
export class CitizenSide1764090000004 implements MigrationInterface {
  name = 'CitizenSide1764090000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE target_group (
        code varchar(40) PRIMARY KEY,
        label_da varchar(200) NOT NULL,
        label_en varchar(200) NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`
      INSERT INTO target_group (code, label_da, label_en, valid_from, valid_to) VALUES
        ('dagpenge', 'Dagpengemodtager', 'Unemployment benefit (dagpenge)', '2019-01-01', NULL),
        ('kontanthjaelp_jobparat', 'Jobparat kontanthjælpsmodtager', 'Job-ready cash benefit', '2019-01-01', NULL),
        ('kontanthjaelp_aktivitetsparat', 'Aktivitetsparat kontanthjælpsmodtager', 'Activity-ready cash benefit', '2019-01-01', NULL),
        ('uddannelseshjaelp_uddannelsesparat', 'Uddannelsesparat uddannelseshjælpsmodtager', 'Education-ready education benefit', '2019-01-01', NULL),
        ('uddannelseshjaelp_aktivitetsparat', 'Aktivitetsparat uddannelseshjælpsmodtager', 'Activity-ready education benefit', '2019-01-01', NULL),
        ('sygedagpenge', 'Sygedagpengemodtager', 'Sickness benefit', '2019-01-01', NULL),
        ('jobafklaring', 'Jobafklaringsforløb', 'Job clarification course', '2019-01-01', NULL),
        ('ressourceforloeb', 'Ressourceforløb', 'Resource course', '2019-01-01', '2026-06-30'),
        ('ledighedsydelse', 'Ledighedsydelse (visiteret til fleksjob)', 'Flex-job referred (ledighedsydelse)', '2019-01-01', NULL),
        ('revalidering', 'Revalidering', 'Rehabilitation (revalidering)', '2019-01-01', NULL),
        ('integration', 'Integrationsprogram', 'Integration programme', '2019-01-01', NULL)`);

    await q.query(`CREATE TYPE citizen_status AS ENUM ('active', 'paused', 'closed')`);
    await q.query(`
      CREATE TABLE citizen (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_centre_id uuid NOT NULL REFERENCES job_centre (id),
        first_name varchar(100) NOT NULL CHECK (length(btrim(first_name)) > 0),
        last_name varchar(100) NOT NULL CHECK (length(btrim(last_name)) > 0),
        email citext CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%')),
        phone varchar(30),
        postal_code char(4) NOT NULL REFERENCES postal_code (code),
        municipality_code smallint NOT NULL,
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        cpr_encrypted text,
        birth_date date,
        status citizen_status NOT NULL DEFAULT 'active',
        user_id uuid UNIQUE REFERENCES app_user (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX citizen_job_centre ON citizen (job_centre_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX citizen_name_trgm ON citizen USING gin ((lower(first_name || ' ' || last_name)) gin_trgm_ops)`,
    );

    await q.query(`
      CREATE TABLE citizen_target_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        target_group varchar(40) NOT NULL REFERENCES target_group (code),
        valid_from date NOT NULL,
        valid_to date,
        CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT citizen_target_group_no_overlap EXCLUDE USING gist (
          citizen_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      )`);

    await q.query(
      `CREATE TYPE assignment_role AS ENUM ('consultant', 'caseworker', 'social_support')`,
    );
    await q.query(`
      CREATE TABLE citizen_assignment (
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id),
        role assignment_role NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (citizen_id, user_id, role)
      )`);
    await q.query(`CREATE INDEX citizen_assignment_user ON citizen_assignment (user_id)`);

    await q.query(`
      CREATE TABLE job_goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        occupation_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(occupation_ids) <= 10),
        own_words varchar(2000) NOT NULL CHECK (length(btrim(own_words)) > 0),
        hours_now numeric(4, 1) CHECK (hours_now > 0 AND hours_now <= 48),
        hours_later numeric(4, 1) CHECK (hours_later > 0 AND hours_later <= 48),
        max_commute_km smallint CHECK (max_commute_km BETWEEN 0 AND 300),
        earliest_start date,
        conditions varchar(2000),
        priority smallint NOT NULL DEFAULT 1 CHECK (priority BETWEEN 1 AND 10),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX job_goal_citizen ON job_goal (citizen_id)`);

    await q.query(`
      CREATE TABLE citizen_need (
        citizen_id uuid PRIMARY KEY REFERENCES citizen (id) ON DELETE CASCADE,
        accommodations accommodation[] NOT NULL DEFAULT '{}',
        accommodation_notes varchar(2000),
        functional_limits varchar(2000),
        support_needs varchar(2000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`CREATE TYPE assessor_role AS ENUM ('citizen', 'consultant', 'mentor')`);
    await q.query(`
      CREATE TABLE assessment_dimension (
        code varchar(40) PRIMARY KEY,
        kind varchar(20) NOT NULL CHECK (kind IN ('resource_profile', 'indicator')),
        label_da varchar(200) NOT NULL,
        label_en varchar(200) NOT NULL,
        scale_max smallint NOT NULL CHECK (scale_max IN (5, 10)),
        special_category boolean NOT NULL DEFAULT false,
        position smallint NOT NULL
      )`);
    await q.query(`
      INSERT INTO assessment_dimension (code, kind, label_da, label_en, scale_max, special_category, position) VALUES
        ('education', 'resource_profile', 'Uddannelse', 'Education', 5, false, 1),
        ('work_experience', 'resource_profile', 'Erhvervserfaring', 'Work experience', 5, false, 2),
        ('interests', 'resource_profile', 'Interesser', 'Interests', 5, false, 3),
        ('social_skills', 'resource_profile', 'Sociale kompetencer', 'Social skills', 5, false, 4),
        ('adaptability', 'resource_profile', 'Omstillingsevne', 'Adaptability', 5, false, 5),
        ('learning_ability', 'resource_profile', 'Indlæringsevne', 'Learning ability', 5, false, 6),
        ('work_wishes', 'resource_profile', 'Arbejdsrelaterede ønsker', 'Work-related wishes', 5, false, 7),
        ('performance_expectations', 'resource_profile', 'Præstationsforventninger', 'Performance expectations', 5, false, 8),
        ('work_identity', 'resource_profile', 'Arbejdsidentitet', 'Work identity', 5, false, 9),
        ('housing_finances', 'resource_profile', 'Bolig og økonomi', 'Housing and finances', 5, true, 10),
        ('social_network', 'resource_profile', 'Socialt netværk', 'Social network', 5, true, 11),
        ('health', 'resource_profile', 'Helbred', 'Health', 5, true, 12),
        ('coping_health', 'indicator', 'Håndtering af helbred', 'Coping with health', 10, true, 13),
        ('coping_everyday', 'indicator', 'Mestring af hverdagen', 'Coping with everyday life', 10, true, 14),
        ('belief_in_job', 'indicator', 'Tro på at få et job', 'Belief in getting a job', 10, false, 15),
        ('cooperation', 'indicator', 'Samarbejdsevne', 'Cooperation skills', 10, false, 16),
        ('job_search', 'indicator', 'Jobsøgningsadfærd', 'Job-search behaviour', 10, false, 17),
        ('labour_market_knowledge', 'indicator', 'Kendskab til arbejdsmarkedet', 'Knowledge of the labour market', 10, false, 18)`);
    await q.query(`
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        dimension varchar(40) NOT NULL REFERENCES assessment_dimension (code),
        assessor_role assessor_role NOT NULL,
        assessor_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 10),
        assessed_on date NOT NULL,
        note varchar(2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX assessment_citizen ON assessment (citizen_id, dimension, assessed_on)`,
    );

    await q.query(`
      CREATE TABLE plan (
        citizen_id uuid PRIMARY KEY REFERENCES citizen (id) ON DELETE CASCADE,
        long_term_goal varchar(2000) NOT NULL DEFAULT '',
        milestones jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(milestones) = 'array'),
        activities jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(activities) = 'array'),
        version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE plan_revision (
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        version integer NOT NULL,
        content jsonb NOT NULL,
        changed_fields text[] NOT NULL,
        changed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (citizen_id, version)
      )`);

    await q.query(`CREATE TYPE meeting_kind AS ENUM ('start', 'follow_up', 'network', 'status')`);
    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        kind meeting_kind NOT NULL,
        held_on date NOT NULL,
        participants jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(participants) = 'array'),
        notes varchar(5000),
        decisions varchar(5000),
        next_follow_up_on date,
        recorded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (next_follow_up_on IS NULL OR next_follow_up_on >= held_on)
      )`);
    await q.query(`CREATE INDEX meeting_citizen ON meeting (citizen_id, held_on DESC)`);

    await q.query(
      `CREATE TYPE consent_scope AS ENUM ('profile', 'job_goals', 'needs', 'plan', 'assessments')`,
    );
    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
        scopes consent_scope[] NOT NULL CHECK (cardinality(scopes) >= 1),
        purpose varchar(500) NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        withdrawn_at timestamptz,
        CHECK (withdrawn_at IS NULL OR withdrawn_at >= granted_at)
      )`);
    await q.query(
      `CREATE INDEX consent_company ON consent (company_id) WHERE withdrawn_at IS NULL`,
    );
    await q.query(`CREATE INDEX consent_citizen ON consent (citizen_id)`);

    // Who looked at or changed whose personal data, when and why. Never the data itself.
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        user_id uuid,
        user_role user_role,
        citizen_id uuid,
        action varchar(20) NOT NULL CHECK (action IN ('read', 'create', 'update', 'export')),
        operation varchar(100) NOT NULL,
        allowed boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_event_citizen ON audit_event (citizen_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_event_occurred ON audit_event (occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_event',
      'consent',
      'meeting',
      'plan_revision',
      'plan',
      'assessment',
      'assessment_dimension',
      'citizen_need',
      'job_goal',
      'citizen_assignment',
      'citizen_target_group',
      'citizen',
      'target_group',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    for (const type of [
      'consent_scope',
      'meeting_kind',
      'assessor_role',
      'assignment_role',
      'citizen_status',
    ]) {
      await q.query(`DROP TYPE ${type}`);
    }
  }
}
