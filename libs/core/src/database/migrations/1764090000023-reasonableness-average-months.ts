import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reasonableness rule (BEK § 65) counts a workplace's ordinary employees as the average of the
 * last 4 months: the rows say so (`averageMonths`), and the checks read the months from them.
 */
export class ReasonablenessAverageMonths1764090000023 implements MigrationInterface {
  name = 'ReasonablenessAverageMonths1764090000023';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE legal_rule SET params = params || '{"averageMonths": 4}' WHERE code = 'reasonableness_ratio'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE legal_rule SET params = params - 'averageMonths' WHERE code = 'reasonableness_ratio'`,
    );
  }
}
