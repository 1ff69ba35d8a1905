import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reverse matching finds citizens by the occupations of their goals, level by level of ISCO-08. */
export class GoalOccupationsIndex1764090000008 implements MigrationInterface {
  name = 'GoalOccupationsIndex1764090000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX job_goal_occupations ON job_goal USING gin (occupation_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX job_goal_occupations`);
  }
}
