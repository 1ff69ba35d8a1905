import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: the social-support worker role, invitations, magic links and notification settings.
 *
 * - `user_role` gains 'social_support_worker' (a job centre's CTI worker), who belongs to a job
 *   centre like the other staff roles. Constraints compare `role::text`, because a value added to
 *   an enum cannot be used as a literal in the transaction that adds it.
 * - `app_user.notification_mode`: immediate mails or one daily digest (reminders).
 * - `invitation`: a link that creates the user on first use. Only the token's hash is stored;
 *   a row is pending, accepted (with the user it created or linked) or revoked, and expired when
 *   its time has passed. Which role fits which kind is checked here as well as in the code.
 * - `magic_link`: a single-use sign-in link for an existing user, stored hashed, short-lived.
 */
export class People1764090000013 implements MigrationInterface {
  name = 'People1764090000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TYPE user_role ADD VALUE IF NOT EXISTS 'social_support_worker' AFTER 'caseworker'`,
    );
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT staff_belongs_to_job_centre`);
    await q.query(`
      ALTER TABLE app_user ADD CONSTRAINT staff_belongs_to_job_centre CHECK (
        role::text NOT IN ('administrator', 'job_consultant', 'caseworker', 'social_support_worker')
        OR job_centre_id IS NOT NULL)`);
    await q.query(`
      ALTER TABLE app_user ADD COLUMN notification_mode varchar(20) NOT NULL DEFAULT 'immediate'
        CHECK (notification_mode IN ('immediate', 'daily_digest'))`);

    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(20) NOT NULL CHECK (kind IN ('staff', 'company_admin', 'mentor', 'citizen')),
        token_hash char(64) NOT NULL UNIQUE,
        email citext NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
        display_name varchar(200) NOT NULL CHECK (length(btrim(display_name)) > 0),
        role user_role NOT NULL,
        language char(2) NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en')),
        job_centre_id uuid REFERENCES job_centre (id),
        company_id uuid REFERENCES company (id) ON DELETE CASCADE,
        company_cvr char(8) CHECK (company_cvr ~ '^[0-9]{8}$'),
        subject_id uuid,
        invited_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        revoked_at timestamptz,
        CONSTRAINT invitation_expires_after_creation CHECK (expires_at > created_at),
        CONSTRAINT invitation_accepted_or_revoked CHECK (accepted_at IS NULL OR revoked_at IS NULL),
        CONSTRAINT invitation_accepted_by_user CHECK (accepted_at IS NOT NULL OR accepted_user_id IS NULL),
        CONSTRAINT invitation_role_fits_kind CHECK (
          (kind = 'staff' AND job_centre_id IS NOT NULL AND company_id IS NULL AND role::text IN
            ('administrator', 'job_consultant', 'caseworker', 'social_support_worker'))
          OR (kind = 'company_admin' AND role::text = 'company_admin'
              AND (company_id IS NULL OR company_cvr IS NULL))
          OR (kind = 'mentor' AND role::text = 'mentor' AND company_id IS NOT NULL)
          OR (kind = 'citizen' AND role::text = 'citizen' AND job_centre_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX invitation_invited_by ON invitation (invited_by, created_at DESC)`);
    await q.query(
      `CREATE INDEX invitation_job_centre ON invitation (job_centre_id, created_at DESC)`,
    );
    await q.query(`CREATE INDEX invitation_company ON invitation (company_id)`);
    await q.query(`CREATE INDEX invitation_email ON invitation (email)`);

    await q.query(`
      CREATE TABLE magic_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX magic_link_user ON magic_link (user_id)`);
    await q.query(`CREATE INDEX magic_link_expires ON magic_link (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE magic_link`);
    await q.query(`DROP TABLE invitation`);
    await q.query(`ALTER TABLE app_user DROP COLUMN notification_mode`);
    // An enum value cannot be dropped: social-support workers are disabled caseworkers afterwards,
    // and the type is rebuilt without the value.
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT staff_belongs_to_job_centre`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT company_users_have_no_job_centre`);
    await q.query(
      `UPDATE app_user SET role = 'caseworker', disabled_at = coalesce(disabled_at, now())
        WHERE role = 'social_support_worker'`,
    );
    await q.query(
      `UPDATE audit_event SET user_role = 'caseworker' WHERE user_role = 'social_support_worker'`,
    );
    await q.query(
      `UPDATE citizen_team_change SET changed_by_role = 'caseworker'
        WHERE changed_by_role = 'social_support_worker'`,
    );
    await q.query(`ALTER TYPE user_role RENAME TO user_role_old`);
    await q.query(`
      CREATE TYPE user_role AS ENUM
        ('administrator', 'job_consultant', 'caseworker', 'company_admin', 'mentor', 'citizen')`);
    await q.query(
      `ALTER TABLE app_user ALTER COLUMN role TYPE user_role USING role::text::user_role`,
    );
    await q.query(
      `ALTER TABLE audit_event ALTER COLUMN user_role TYPE user_role USING user_role::text::user_role`,
    );
    await q.query(`
      ALTER TABLE citizen_team_change ALTER COLUMN changed_by_role TYPE user_role
        USING changed_by_role::text::user_role`);
    await q.query(`DROP TYPE user_role_old`);
    await q.query(`
      ALTER TABLE app_user ADD CONSTRAINT staff_belongs_to_job_centre CHECK (
        role NOT IN ('administrator', 'job_consultant', 'caseworker') OR job_centre_id IS NOT NULL)`);
    await q.query(`
      ALTER TABLE app_user ADD CONSTRAINT company_users_have_no_job_centre CHECK (
        role NOT IN ('company_admin', 'mentor') OR job_centre_id IS NULL)`);
  }
}
