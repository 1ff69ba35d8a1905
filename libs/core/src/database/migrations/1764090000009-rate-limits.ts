import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters for the rate limits, shared by every API process so that the limits hold however many
 * processes answer. Keys are keyed hashes (HMAC) of an IP or a normalized email, never the plain
 * value: the tables say how often something was tried, not who tried.
 *
 * `rate_limit_hit` holds per-IP request counts per fixed window. It is UNLOGGED: no WAL for a
 * table written several times a second by each process, and losing it in a crash only forgets a
 * minute of counts. `sign_in_attempt` holds failed attempts per account or IP with the time the
 * next attempt may start; it stays logged so a database restart does not lift a lockout.
 */
export class RateLimits1764090000009 implements MigrationInterface {
  name = 'RateLimits1764090000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_hit (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL CHECK (hits >= 0),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);
    await q.query(`CREATE INDEX rate_limit_hit_expires_at_idx ON rate_limit_hit (expires_at)`);
    await q.query(`
      CREATE TABLE sign_in_attempt (
        scope text NOT NULL,
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        failures integer NOT NULL CHECK (failures >= 0),
        blocked_until timestamptz,
        PRIMARY KEY (scope, key)
      )`);
    await q.query(
      `CREATE INDEX sign_in_attempt_window_start_idx ON sign_in_attempt (window_start)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_attempt`);
    await q.query(`DROP TABLE rate_limit_hit`);
  }
}
