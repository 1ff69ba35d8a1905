import { loggableError } from '@jobbro/core';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { RateLimitRepository } from './rate-limit.repository';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often each process adds its counts to the shared ones and reads back the totals. */
export const FLUSH_EVERY_MS = 250;
const SWEEP_EVERY_MS = 60_000;

interface Counter {
  windowStart: number;
  windowMs: number;
  /** Total over all processes, as of this process's last flush (its own flushed hits included). */
  shared: number;
  /** Hits on their way to the database in the flush now running. */
  inFlight: number;
  /** Hits since, not yet sent. */
  pending: number;
}

/**
 * A ThrottlerStorage for @nestjs/throttler whose counts hold across API processes, at almost no
 * cost per request: a request only bumps a counter in memory; every 250 ms each process adds its
 * new hits to PostgreSQL in one statement (an UPSERT over all keys) and reads back the totals of
 * all processes. Fixed windows (a minute for the API limit), so a row is one key and one window.
 *
 * The price is lag: a process learns other processes' hits up to 250 ms late, so with P processes
 * a client can overshoot the limit by what it sends to the other P-1 in that time. Its own
 * process's hits count at once. For a limit that stops floods, not single requests, that is fine.
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(PgThrottlerStorage.name);
  private readonly counters = new Map<string, Counter>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private lastSweep = Date.now();

  constructor(private readonly repository: RateLimitRepository) {}

  increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    _throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const windowStart = now - (now % ttl);
    let counter = this.counters.get(key);
    if (counter?.windowStart !== windowStart) {
      counter = { windowStart, windowMs: ttl, shared: 0, inFlight: 0, pending: 0 };
      this.counters.set(key, counter);
    }
    counter.pending += 1;
    this.timer ??= setInterval(() => void this.flush(), FLUSH_EVERY_MS).unref();
    const totalHits = counter.shared + counter.inFlight + counter.pending;
    // Blocked until the window ends: a fixed window never lets a flood through halfway.
    const timeToExpire = Math.max(1, Math.ceil((windowStart + ttl - now) / 1000));
    const isBlocked = totalHits > limit;
    return Promise.resolve({
      totalHits,
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? timeToExpire : 0,
    });
  }

  /** Sends this process's new hits and reads back the shared totals (also used by tests). */
  flush(): Promise<void> {
    this.flushing ??= this.send().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async send(): Promise<void> {
    const now = Date.now();
    const batch: { key: string; counter: Counter }[] = [];
    for (const [key, counter] of this.counters) {
      if (counter.windowStart + counter.windowMs <= now) {
        this.counters.delete(key);
      } else if (counter.pending > 0) {
        counter.inFlight = counter.pending;
        counter.pending = 0;
        batch.push({ key, counter });
      }
    }
    if (batch.length === 0) return;
    try {
      const totals = await this.repository.addHits(
        batch.map(({ key, counter }) => ({
          key,
          windowStart: new Date(counter.windowStart),
          hits: counter.inFlight,
          expiresAt: new Date(counter.windowStart + counter.windowMs),
        })),
      );
      for (const { key, counter } of batch) {
        counter.shared = totals.get(key) ?? counter.shared + counter.inFlight;
        counter.inFlight = 0;
      }
      if (now - this.lastSweep > SWEEP_EVERY_MS) {
        this.lastSweep = now;
        await this.repository.deleteExpired();
      }
    } catch (e) {
      // The database is away: keep counting in memory and send the hits with the next flush.
      for (const { counter } of batch) {
        counter.pending += counter.inFlight;
        counter.inFlight = 0;
      }
      this.logger.warn(`Could not share rate-limit counts: ${loggableError(e).summary}`);
    }
  }
}
