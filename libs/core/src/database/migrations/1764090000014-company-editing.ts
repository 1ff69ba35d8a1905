import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The company side becomes editable by the people who run it:
 * - a site is removed and a mentor deactivated softly (`removed_at`, `deactivated_at`): closed and
 *   draft slots keep pointing at them as history, but no slot can be published with them and they
 *   are offered for no new slot. An email or a login frees up for a new mentor row once the old
 *   one is deactivated, so the unique rules hold among active mentors only; one login may mentor
 *   at several companies (once per company);
 * - who created and last changed a slot, and for which job centre when a partner consultant acted
 *   on behalf of the company, on the slot itself (staff see the drafts their own job centre made)
 *   and, change by change, in `placement_change`;
 * - `company_registration_invite`: the job centre (and optional CVR) a consultant invited a company
 *   admin for, until that admin registers the company (then the partnership starts).
 */
export class CompanyEditing1764090000014 implements MigrationInterface {
  name = 'CompanyEditing1764090000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE site
        ADD COLUMN removed_at timestamptz,
        ADD COLUMN removed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      ALTER TABLE mentor
        ADD COLUMN deactivated_at timestamptz,
        ADD COLUMN deactivated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE mentor DROP CONSTRAINT mentor_company_id_email_key`);
    await q.query(
      `CREATE UNIQUE INDEX mentor_company_id_email_key ON mentor (company_id, email) WHERE deactivated_at IS NULL`,
    );
    // One person may mentor at several companies (one login), once per company.
    await q.query(`ALTER TABLE mentor DROP CONSTRAINT mentor_user_id_key`);
    await q.query(
      `CREATE UNIQUE INDEX mentor_company_user ON mentor (company_id, user_id) WHERE deactivated_at IS NULL`,
    );
    await q.query(`CREATE INDEX mentor_user ON mentor (user_id)`);

    await q.query(`
      ALTER TABLE company_admin
        ADD COLUMN added_by uuid REFERENCES app_user (id) ON DELETE SET NULL`);

    await q.query(`
      ALTER TABLE placement
        ADD COLUMN created_by_job_centre_id uuid REFERENCES job_centre (id),
        ADD COLUMN changed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        ADD COLUMN changed_by_job_centre_id uuid REFERENCES job_centre (id)`);
    await q.query(`UPDATE placement SET changed_by = created_by`);
    await q.query(`
      CREATE TABLE placement_change (
        id bigserial PRIMARY KEY,
        placement_id uuid NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
        version integer NOT NULL,
        action varchar(10) NOT NULL
          CHECK (action IN ('created', 'updated', 'published', 'paused', 'closed')),
        changed_fields text[] NOT NULL DEFAULT '{}',
        changed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        job_centre_id uuid REFERENCES job_centre (id),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX placement_change_placement ON placement_change (placement_id, id DESC)`,
    );

    await q.query(`
      CREATE TABLE company_registration_invite (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        job_centre_id uuid NOT NULL REFERENCES job_centre (id) ON DELETE CASCADE,
        invited_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        cvr char(8) CHECK (cvr ~ '^[0-9]{8}$'),
        invitation_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  /**
   * Back to one mentor row per login and one row per company and address, on real data. What the
   * old schema cannot hold is lost, on purpose and in this order:
   * - a deactivated mentor's login link (`user_id` cleared): the old schema has no deactivation,
   *   so the row comes back as an active mentor, and its login must not get the company back;
   * - a login that mentors at several companies keeps its oldest mentor row; the others lose the
   *   link (the person can no longer sign in as a mentor there);
   * - a deactivated mentor whose address an active (or later deactivated) mentor of the company
   *   reuses gets the address `<mentor id>.<address>` (or `<mentor id>@deactivated.invalid` when
   *   that would be too long);
   * - removed sites and deactivated mentors come back as active ones, their names marked
   *   "[fjernet]" / "[deaktiveret]" so that people see them for what they were; `up` again does
   *   not remove or deactivate them;
   * - who added an admin, who changed a slot and for which job centre, the change log, and the
   *   registration invites not yet used (registering then starts no partnership).
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE company_registration_invite`);
    await q.query(`DROP TABLE placement_change`);
    await q.query(`
      ALTER TABLE placement
        DROP COLUMN created_by_job_centre_id, DROP COLUMN changed_by, DROP COLUMN changed_by_job_centre_id`);
    await q.query(`ALTER TABLE company_admin DROP COLUMN added_by`);

    await q.query(`UPDATE mentor SET user_id = NULL WHERE deactivated_at IS NOT NULL`);
    await q.query(`
      UPDATE mentor m SET user_id = NULL
        FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) AS rn
                FROM mentor WHERE user_id IS NOT NULL) r
       WHERE r.id = m.id AND r.rn > 1`);
    await q.query(`DROP INDEX mentor_user`);
    await q.query(`DROP INDEX mentor_company_user`);
    await q.query(`ALTER TABLE mentor ADD CONSTRAINT mentor_user_id_key UNIQUE (user_id)`);

    // At most one active row per company and address (the partial index): it keeps the address,
    // else the latest deactivated one.
    await q.query(`
      UPDATE mentor m
         SET email = CASE WHEN length(m.email) <= 217 THEN m.id::text || '.' || m.email
                          ELSE m.id::text || '@deactivated.invalid' END
        FROM (SELECT id, row_number() OVER (
                       PARTITION BY company_id, email
                       ORDER BY deactivated_at IS NOT NULL, deactivated_at DESC, created_at DESC, id
                     ) AS rn
                FROM mentor) r
       WHERE r.id = m.id AND r.rn > 1`);
    await q.query(`DROP INDEX mentor_company_id_email_key`);
    await q.query(
      `ALTER TABLE mentor ADD CONSTRAINT mentor_company_id_email_key UNIQUE (company_id, email)`,
    );

    await q.query(
      `UPDATE mentor SET name = left('[deaktiveret] ' || name, 200) WHERE deactivated_at IS NOT NULL`,
    );
    await q.query(
      `UPDATE site SET name = left('[fjernet] ' || name, 200) WHERE removed_at IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE mentor DROP COLUMN deactivated_at, DROP COLUMN deactivated_by, DROP COLUMN updated_at`,
    );
    await q.query(
      `ALTER TABLE site DROP COLUMN removed_at, DROP COLUMN removed_by, DROP COLUMN updated_at`,
    );
  }
}
