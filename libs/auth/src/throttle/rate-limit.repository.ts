import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface HitBatchEntry {
  key: string;
  windowStart: Date;
  hits: number;
  expiresAt: Date;
}

/** Per-window request counts (table rate_limit_hit), shared by every API process. */
@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds a process's hits for many keys in one statement and returns each key's total over all
   * processes. Rows are written in key order so two processes flushing at once cannot deadlock.
   */
  async addHits(batch: readonly HitBatchEntry[]): Promise<Map<string, number>> {
    const rows: { key: string; hits: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_hit (key, window_start, hits, expires_at)
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::timestamptz[])
       ORDER BY 1, 2
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_hit.hits + EXCLUDED.hits
       RETURNING key, hits`,
      [
        batch.map((b) => b.key),
        batch.map((b) => b.windowStart),
        batch.map((b) => b.hits),
        batch.map((b) => b.expiresAt),
      ],
    );
    return new Map(rows.map((r) => [r.key, r.hits]));
  }

  async deleteExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_hit WHERE expires_at < now()`);
  }
}
