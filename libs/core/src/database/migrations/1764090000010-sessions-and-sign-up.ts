import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions and confirmed sign-up.
 *
 * `auth_session`: one row per sign-in (its id is the refresh-token family id and the `sid` claim
 * of every access token issued in it). Each authenticated request reads it by primary key, joined
 * to its user, so signing out or disabling a user ends access at once. Existing token families
 * become sessions, revoked when every token of the family already is.
 *
 * `employer_sign_up`: a requested employer account waiting for its email address to be
 * confirmed. Only the hash of the confirmation token is stored; confirming deletes every row
 * for the address, and expired rows are deleted, so a password hash waits here at most a day.
 */
export class SessionsAndSignUp1764090000010 implements MigrationInterface {
  name = 'SessionsAndSignUp1764090000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX auth_session_user ON auth_session (user_id)`);
    await q.query(`
      INSERT INTO auth_session (id, user_id, created_at, revoked_at)
      SELECT family_id, (array_agg(user_id))[1], min(created_at),
             CASE WHEN bool_and(revoked_at IS NOT NULL) THEN max(revoked_at) END
        FROM refresh_token GROUP BY family_id`);
    await q.query(`
      ALTER TABLE refresh_token ADD CONSTRAINT refresh_token_session
        FOREIGN KEY (family_id) REFERENCES auth_session (id) ON DELETE CASCADE`);

    await q.query(`
      CREATE TABLE employer_sign_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
        display_name varchar(200) NOT NULL CHECK (length(btrim(display_name)) > 0),
        password_hash text NOT NULL,
        preferred_language char(2) NOT NULL DEFAULT 'da' CHECK (preferred_language IN ('da', 'en')),
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX employer_sign_up_email ON employer_sign_up (email)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE employer_sign_up`);
    await q.query(`ALTER TABLE refresh_token DROP CONSTRAINT refresh_token_session`);
    await q.query(`DROP TABLE auth_session`);
  }
}
