import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Danish rules a proposal or booking is checked against, as dated data (libs/rules evaluates
 * them; ../shared/DOMAIN.md, "Rules the system checks"), and the facts they need:
 * - `legal_rule`: one row per rule, scope (target group, sector) and period. A row with a null
 *   target group or sector applies to every group or sector that has no row of its own (the most
 *   specific row in force wins). Two rows with the same code and scope never overlap in time (an
 *   exclusion constraint), so "the row in force on a date" is always one row. Changing a number or
 *   adding the rules of the new act is a new migration that ends a row and adds its successor,
 *   never a code change;
 * - `company_headcount`: ordinary employees (FTE) of a company (site null: the whole CVR) or one
 *   of its sites (P-number) as of a date, who recorded it and when; the reasonableness rule and
 *   net job creation read it;
 * - `company.sector`: private or public, since the wage-subsidy duration differs by sector.
 *
 * The numbers are those of 2025-26 as ../shared/DOMAIN.md states them (verify against the law
 * text before relying on them). The rows in force end on 31 December 2026; their successors from
 * 1 January 2027 carry the same numbers until the new main act (expected 1 January 2027: 13 target
 * groups become 5) is known: its rows will be a data change ending these.
 *
 * No row for newly graduated dagpenge recipients (8 weeks of internship in DOMAIN.md): the target
 * group table has no such group, and a citizen cannot be recorded as one. Add the group and a row
 * when it is needed.
 */
export class LegalRules1764090000019 implements MigrationInterface {
  name = 'LegalRules1764090000019';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE legal_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL CHECK (code IN (
          'internship_duration', 'internship_weekly_hours', 'not_last_employer',
          'reasonableness_ratio', 'net_job_creation', 'wage_subsidy_duration',
          'paid_hours_beside_internship')),
        target_group varchar(40) REFERENCES target_group (code),
        sector text CHECK (sector IN ('private', 'public')),
        params jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object'),
        severity varchar(10) NOT NULL CHECK (severity IN ('block', 'warning')),
        valid_from date NOT NULL,
        valid_to date,
        source_da varchar(300) NOT NULL CHECK (length(btrim(source_da)) > 0),
        source_en varchar(300) NOT NULL CHECK (length(btrim(source_en)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT legal_rule_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
        -- The numbers each rule reads (libs/rules/src/rules/*.ts), so a bad row fails here; a
        -- missing key makes the CASE null, which a CHECK would let through: coalesce to false.
        CONSTRAINT legal_rule_params CHECK (coalesce(CASE code
          WHEN 'internship_duration' THEN
            jsonb_typeof(params -> 'weeks') = 'number' AND (params ->> 'weeks')::numeric > 0
            AND (params ->> 'weeks')::numeric = trunc((params ->> 'weeks')::numeric)
            AND (NOT params ? 'extendedWeeks' OR (jsonb_typeof(params -> 'extendedWeeks') = 'number'
              AND (params ->> 'extendedWeeks')::numeric > (params ->> 'weeks')::numeric))
          WHEN 'internship_weekly_hours' THEN
            jsonb_typeof(params -> 'maxHours') = 'number'
            AND (params ->> 'maxHours')::numeric BETWEEN 1 AND 60
          WHEN 'not_last_employer' THEN
            jsonb_typeof(params -> 'targetGroups') = 'array'
          WHEN 'reasonableness_ratio' THEN
            jsonb_typeof(params -> 'employeesPerPerson') = 'number'
            AND (params ->> 'employeesPerPerson')::numeric > 0
            AND jsonb_typeof(params -> 'threshold') = 'number'
            AND (params ->> 'threshold')::numeric >= 0
            AND jsonb_typeof(params -> 'employeesPerPersonBeyond') = 'number'
            AND (params ->> 'employeesPerPersonBeyond')::numeric > 0
            AND jsonb_typeof(params -> 'minimum') = 'number'
            AND (params ->> 'minimum')::numeric >= 0
          WHEN 'net_job_creation' THEN
            jsonb_typeof(params -> 'averageMonths') = 'number'
            AND (params ->> 'averageMonths')::numeric > 0
            AND jsonb_typeof(params -> 'dismissalMonths') = 'number'
          WHEN 'wage_subsidy_duration' THEN
            jsonb_typeof(params -> 'months') = 'number' AND (params ->> 'months')::numeric > 0
            AND (params ->> 'months')::numeric = trunc((params ->> 'months')::numeric)
          ELSE true
        END, false)),
        CONSTRAINT legal_rule_no_overlap EXCLUDE USING gist (
          code WITH =,
          (coalesce(target_group, '')) WITH =,
          (coalesce(sector, '')) WITH =,
          daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    await q.query(`CREATE INDEX legal_rule_period_idx ON legal_rule (valid_from, valid_to)`);

    await q.query(`
      INSERT INTO legal_rule (code, target_group, sector, params, severity, valid_from, valid_to, source_da, source_en)
      SELECT r.code, r.target_group, r.sector, r.params::jsonb, r.severity, '2020-01-01', '2026-12-31', r.source_da, r.source_en
        FROM (VALUES
          -- 4 weeks for the job-ready groups, no extension.
          ('internship_duration', 'dagpenge', NULL, '{"weeks": 4}', 'block', 'LAB § 61', 'LAB s. 61 (Active Employment Act)'),
          ('internship_duration', 'kontanthjaelp_jobparat', NULL, '{"weeks": 4}', 'block', 'LAB § 61', 'LAB s. 61 (Active Employment Act)'),
          ('internship_duration', 'uddannelseshjaelp_uddannelsesparat', NULL, '{"weeks": 4}', 'block', 'LAB § 61', 'LAB s. 61 (Active Employment Act)'),
          -- 13 weeks for every other group (activity-ready, sickness benefit, resource course,
          -- job clarification, flex-job referred, rehabilitation, integration), 26 after a
          -- concrete assessment (the further 13 weeks at a time are not modelled).
          ('internship_duration', NULL, NULL, '{"weeks": 13, "extendedWeeks": 26}', 'block', 'LAB § 61', 'LAB s. 61 (Active Employment Act)'),
          ('internship_weekly_hours', NULL, NULL, '{"maxHours": 37}', 'block', 'LAB kap. 11 (virksomhedspraktik): højst normal fuld arbejdstid', 'LAB ch. 11 (internship): at most normal full time'),
          ('not_last_employer', NULL, NULL, '{"targetGroups": ["dagpenge", "kontanthjaelp_jobparat", "uddannelseshjaelp_uddannelsesparat"]}', 'block', 'BEK § 61', 'Executive order s. 61'),
          ('reasonableness_ratio', NULL, NULL, '{"employeesPerPerson": 5, "threshold": 50, "employeesPerPersonBeyond": 10, "minimum": 1}', 'block', 'BEK § 65 (rimelighedskravet)', 'Executive order s. 65 (reasonableness requirement)'),
          ('net_job_creation', NULL, NULL, '{"averageMonths": 12, "dismissalMonths": 3}', 'block', 'LAB kap. 12 (løntilskud): krav om merbeskæftigelse', 'LAB ch. 12 (wage subsidy): net job creation'),
          ('wage_subsidy_duration', 'dagpenge', 'private', '{"months": 6}', 'block', 'LAB § 68', 'LAB s. 68 (Active Employment Act)'),
          ('wage_subsidy_duration', 'dagpenge', 'public', '{"months": 4}', 'block', 'LAB § 68', 'LAB s. 68 (Active Employment Act)'),
          ('wage_subsidy_duration', 'kontanthjaelp_jobparat', 'private', '{"months": 6}', 'block', 'LAB § 68', 'LAB s. 68 (Active Employment Act)'),
          ('wage_subsidy_duration', 'kontanthjaelp_jobparat', 'public', '{"months": 4}', 'block', 'LAB § 68', 'LAB s. 68 (Active Employment Act)'),
          ('wage_subsidy_duration', 'uddannelseshjaelp_uddannelsesparat', 'private', '{"months": 6}', 'block', 'LAB § 68', 'LAB s. 68 (Active Employment Act)'),
          ('wage_subsidy_duration', 'uddannelseshjaelp_uddannelsesparat', 'public', '{"months": 4}', 'block', 'LAB § 68', 'LAB s. 68 (Active Employment Act)'),
          -- Up to 12 months for sickness benefit, resource course and the other groups.
          ('wage_subsidy_duration', NULL, NULL, '{"months": 12}', 'block', 'LAB § 68', 'LAB s. 68 (Active Employment Act)'),
          ('paid_hours_beside_internship', NULL, NULL, '{}', 'warning', 'LAB kap. 11 (virksomhedspraktik) og ordinære timer', 'LAB ch. 11 (internship) and ordinary hours')
        ) AS r (code, target_group, sector, params, severity, source_da, source_en)`);
    // The successors: same numbers from 1 January 2027, until the new act's rows replace them.
    await q.query(`
      INSERT INTO legal_rule (code, target_group, sector, params, severity, valid_from, valid_to, source_da, source_en)
      SELECT code, target_group, sector, params, severity, '2027-01-01', NULL,
             'Ny LAB fra 1. januar 2027 (forventet); tallene som ' || source_da,
             'New LAB from 1 January 2027 (expected); the numbers of ' || source_en
        FROM legal_rule WHERE valid_to = '2026-12-31'`);

    await q.query(`
      CREATE TABLE company_headcount (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES company (id) ON DELETE CASCADE,
        site_id uuid,
        as_of date NOT NULL,
        ordinary_fte numeric(8, 2) NOT NULL CHECK (ordinary_fte >= 0),
        recorded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        -- A site of this very company (MATCH SIMPLE: a null site is the whole company).
        CONSTRAINT company_headcount_site FOREIGN KEY (site_id, company_id)
          REFERENCES site (id, company_id) ON DELETE CASCADE,
        -- One figure per company or site and date; the whole company's null site counts as one.
        CONSTRAINT company_headcount_once UNIQUE NULLS NOT DISTINCT (company_id, site_id, as_of)
      )`);

    await q.query(
      `ALTER TABLE company ADD COLUMN sector text CHECK (sector IN ('private', 'public'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE company DROP COLUMN sector`);
    await q.query(`DROP TABLE company_headcount`);
    await q.query(`DROP TABLE legal_rule`);
    // btree_gist stays: the citizen side (1764090000004) created it for its own tables.
  }
}
