import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "The citizen has had no employment": what a consultant records when there is no most recent
 * employer to record, so the rule "no internship at the most recent employer" (BEK § 61) is
 * decided instead of asking for an employer that does not exist.
 *
 * - `citizen_no_employment`: one row per citizen, with when it was confirmed and by whom.
 * - An employment recorded later makes the row false: a trigger deletes it in the same statement,
 *   so the two can never both stand (the service also refuses the mark while employments exist,
 *   under the citizen's row lock).
 * - `citizen_employment.updated_at`/`updated_by`: employments can now be corrected.
 */
export class CitizenNoEmployment1764090000022 implements MigrationInterface {
  name = 'CitizenNoEmployment1764090000022';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE citizen_no_employment (
        citizen_id uuid PRIMARY KEY REFERENCES citizen (id) ON DELETE CASCADE,
        confirmed_on date NOT NULL,
        confirmed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION citizen_employment_clears_no_employment() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM citizen_no_employment WHERE citizen_id = NEW.citizen_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER citizen_employment_clears_no_employment
        AFTER INSERT OR UPDATE OF citizen_id ON citizen_employment
        FOR EACH ROW EXECUTE FUNCTION citizen_employment_clears_no_employment()`);
    await q.query(`
      ALTER TABLE citizen_employment
        ADD COLUMN updated_at timestamptz,
        ADD COLUMN updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE citizen_employment DROP COLUMN updated_at, DROP COLUMN updated_by`);
    await q.query(`DROP TRIGGER citizen_employment_clears_no_employment ON citizen_employment`);
    await q.query(`DROP FUNCTION citizen_employment_clears_no_employment()`);
    await q.query(`DROP TABLE citizen_no_employment`);
  }
}
