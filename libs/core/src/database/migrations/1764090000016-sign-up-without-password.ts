import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An employer may sign up without choosing a password (they sign in by magic link), so a
 * requested account may wait for its confirmation without a password hash.
 */
export class SignUpWithoutPassword1764090000016 implements MigrationInterface {
  name = 'SignUpWithoutPassword1764090000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employer_sign_up ALTER COLUMN password_hash DROP NOT NULL`);
  }

  /** Requests without a password cannot be kept by the older schema: they are dropped. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM employer_sign_up WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE employer_sign_up ALTER COLUMN password_hash SET NOT NULL`);
  }
}
