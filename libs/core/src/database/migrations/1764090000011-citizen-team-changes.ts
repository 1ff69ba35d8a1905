import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change of a citizen's team, with its reason: joining the team opens the citizen's health
 * and social data, so who added or removed whom, when and why is kept and shown to the citizen.
 * Kept with the case (not purged with the audit trail); removed with the citizen.
 */
export class CitizenTeamChanges1764090000011 implements MigrationInterface {
  name = 'CitizenTeamChanges1764090000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE citizen_team_change (
        id bigserial PRIMARY KEY,
        citizen_id uuid NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
        member_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        role assignment_role NOT NULL,
        change varchar(10) NOT NULL CHECK (change IN ('added', 'removed')),
        reason varchar(500) NOT NULL CHECK (length(btrim(reason)) > 0),
        changed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        changed_by_role user_role,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX citizen_team_change_citizen ON citizen_team_change (citizen_id, occurred_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE citizen_team_change`);
  }
}
