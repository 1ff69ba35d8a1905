import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rules' say on proposals (libs/proposal with libs/rules).
 *
 * - `proposal.extension_assessed`: the consultant has made the concrete assessment that allows
 *   the longer internship (LAB § 61); the duration rule reads it.
 * - `proposal_rule_override`: a warning a consultant went past, with their reason, who and when.
 *   One row per proposal and rule; a block can never be overridden (the service refuses it).
 */
export class ProposalRuleOverrides1764090000021 implements MigrationInterface {
  name = 'ProposalRuleOverrides1764090000021';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE proposal ADD COLUMN extension_assessed boolean NOT NULL DEFAULT false`,
    );
    await q.query(`
      CREATE TABLE proposal_rule_override (
        proposal_id uuid NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
        rule varchar(40) NOT NULL,
        reason varchar(1000) NOT NULL CHECK (length(btrim(reason)) >= 3),
        overridden_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        overridden_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, rule)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposal_rule_override`);
    await q.query(`ALTER TABLE proposal DROP COLUMN extension_assessed`);
  }
}
