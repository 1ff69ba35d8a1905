import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainEvents, DomainEventType } from './outbox';
import { loggableError } from '../errors/database-errors';

export type EventHandler<T extends DomainEventType> = (payload: DomainEvents[T]) => Promise<void>;

interface OutboxRow {
  id: string;
  type: DomainEventType;
  payload: unknown;
  attempts: number;
}

const MAX_ATTEMPTS = 10;

/**
 * Delivers outbox events to their handlers, at least once. Rows are claimed with
 * FOR UPDATE SKIP LOCKED so several workers can run; a failing handler is retried with
 * exponential backoff (2^attempts seconds, capped at 10 minutes) and parked after MAX_ATTEMPTS.
 */
@Injectable()
export class OutboxRelay implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly handlers = new Map<DomainEventType, EventHandler<DomainEventType>[]>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  on<T extends DomainEventType>(type: T, handler: EventHandler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as EventHandler<DomainEventType>);
    this.handlers.set(type, list);
  }

  start(intervalMs = 500): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.running ??= this.drain()
        .catch((e: unknown) => {
          this.logger.warn(`Outbox relay pass failed: ${loggableError(e).summary}`);
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  /** Before TypeORM closes its connections (in onApplicationShutdown), so a pass can finish. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Processes due events until none are left; returns how many were handled. */
  async drain(batchSize = 50): Promise<number> {
    let handled = 0;
    for (;;) {
      const n = await this.processBatch(batchSize);
      handled += n;
      if (n < batchSize) return handled;
    }
  }

  private async processBatch(batchSize: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, type, payload, attempts FROM outbox_event
          WHERE processed_at IS NULL AND available_at <= now() AND attempts < $2
          ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize, MAX_ATTEMPTS],
      );
      for (const row of rows) {
        try {
          for (const handler of this.handlers.get(row.type) ?? [])
            await handler(row.payload as never);
          await manager.query(
            `UPDATE outbox_event SET processed_at = now(), last_error = NULL WHERE id = $1`,
            [row.id],
          );
        } catch (e) {
          // The log gets what is safe to log; the row keeps the message for an administrator.
          const message = e instanceof Error ? e.message : String(e);
          this.logger.warn(
            `Outbox event ${row.id} (${row.type}) failed, attempt ${row.attempts + 1}: ${loggableError(e).summary}`,
          );
          await manager.query(
            `UPDATE outbox_event SET attempts = attempts + 1, last_error = left($2, 2000),
                    available_at = now() + make_interval(secs => least(600, power(2, attempts + 1)))
              WHERE id = $1`,
            [row.id, message],
          );
        }
      }
      return rows.length;
    });
  }
}
