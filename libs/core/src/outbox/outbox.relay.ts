import { Injectable, Logger, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { type DomainEvents, type DomainEventType, OUTBOX_CHANNEL } from './outbox';
import { loggableError } from '../errors/database-errors';

export type EventHandler<T extends DomainEventType> = (payload: DomainEvents[T]) => Promise<void>;

/** How the relay retries one type of event. */
export interface RetryPolicy {
  /** After this many failed attempts the event is a dead letter (dead_at set, no more retries). */
  maxAttempts: number;
  /** The first retry waits about this long; each further one twice as long... */
  baseDelayMs: number;
  /** ...up to this. */
  maxDelayMs: number;
}

const DEFAULT_POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 2_000, maxDelayMs: 600_000 };

interface OutboxRow {
  id: string;
  type: DomainEventType;
  aggregateId: string | null;
  payload: unknown;
  /** Counting this attempt (the claim adds it). */
  attempts: number;
}

interface ScheduledJob {
  intervalMs: number;
  handler: (now: Date) => Promise<void>;
}

/** Retry a failed scheduled job after this long (or its interval, if that is shorter). */
const JOB_RETRY_MS = 60_000;
/** How often a relay looks at the scheduled jobs (each runs once per its interval in all). */
const JOB_CHECK_MS = 1_000;
/** Events of different aggregates handled at once. */
const CONCURRENCY = 8;

/**
 * A message for the row and an administrator: the error's message, or for an SMTP error its code
 * and the server's reply; one line, bounded, without control characters. Never the message body
 * (no handler puts it in an error).
 */
export function errorSummary(e: unknown): string {
  let text: string;
  if (e instanceof Error) {
    const { code, responseCode, response } = e as Error & {
      code?: unknown;
      responseCode?: unknown;
      response?: unknown;
    };
    const parts = [
      typeof code === 'string' ? code : undefined,
      typeof responseCode === 'number' ? String(responseCode) : undefined,
      typeof response === 'string' ? response : e.message,
    ].filter(Boolean);
    text = parts.join(' ');
  } else {
    text = String(e);
  }
  const line = text
    // eslint-disable-next-line no-control-regex -- one display line
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]+/g, ' ')
    // A server that quotes the message (a rejected link) must not hand its token to the display.
    .replace(/\b(?:https?|ftp):\/\/\S+/gi, '[link]')
    .replace(/\btoken=\S+/gi, 'token=[removed]')
    .trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/**
 * The one mechanism for background work. Delivers outbox events to their handlers at least once,
 * and runs scheduled jobs (`every`) once per interval across all workers.
 *
 * Events are claimed with a lease: one short transaction (FOR UPDATE SKIP LOCKED, so several
 * workers can run) counts the attempt and pushes available_at to the lease's end; the handler
 * then runs outside any transaction (a slow SMTP server holds no lock or connection), and the
 * event is marked processed, or rescheduled with exponential backoff and jitter, or made a dead
 * letter after its policy's maxAttempts. A worker that dies mid-handler leaves the lease to run
 * out and the event is handled again: at most once more per crash, never zero times; an event
 * that kills the worker on every attempt is a dead letter at the claim after its last attempt.
 * Every write after the claim holds only while the claim does (same attempt, not yet marked):
 * a worker that stalled past its lease while another claimed the event writes nothing.
 *
 * Scheduled jobs run beside the delivery passes, one jobs pass at a time per relay, so a long
 * job never delays a message; shutdown waits for both.
 */
@Injectable()
export class OutboxRelay implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly handlers = new Map<DomainEventType, EventHandler<DomainEventType>[]>();
  private readonly policies = new Map<DomainEventType, RetryPolicy>();
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  /** The delivery pass under way, if any. */
  private running: Promise<unknown> | undefined;
  /** The scheduled jobs' pass under way, if any: beside deliveries, never holding them up. */
  private runningJobs: Promise<unknown> | undefined;
  private again = false;
  private listener: Client | undefined;
  private lastJobCheck = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() config?: AppConfig,
  ) {
    this.leaseMs = config?.outboxLeaseMs ?? 120_000;
  }

  on<T extends DomainEventType>(
    type: T,
    handler: EventHandler<T>,
    policy?: Partial<RetryPolicy>,
  ): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as EventHandler<DomainEventType>);
    this.handlers.set(type, list);
    if (policy)
      this.policies.set(type, { ...(this.policies.get(type) ?? DEFAULT_POLICY), ...policy });
  }

  /**
   * Runs `handler` every `intervalMs`, once per interval across all workers (the next run time is
   * kept in scheduled_job and claimed with one conditional UPDATE). A failing run is retried after
   * a minute (or the interval, if shorter). A run that a crash interrupts waits for the next
   * interval, so handlers must be idempotent (e.g. "at most once per person and day").
   */
  every(name: string, intervalMs: number, handler: (now: Date) => Promise<void>): void {
    if (this.jobs.has(name)) throw new Error(`Scheduled job ${name} is registered twice`);
    this.jobs.set(name, { intervalMs, handler });
  }

  /**
   * Runs passes every `intervalMs` (for retries that fall due, scheduled jobs, and as a fallback),
   * and at once when a transaction that published an event commits (LISTEN/NOTIFY), so a message
   * leaves milliseconds after its commit rather than up to an interval later.
   */
  start(intervalMs = 500): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    void this.listen();
  }

  /** A pass now, or right after the one running (an event may have arrived during it). */
  private kick(): void {
    if (!this.timer) return;
    this.kickJobs();
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.tick()
      .catch((e: unknown) => {
        this.logger.warn(`Outbox relay pass failed: ${loggableError(e).summary}`);
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** One dedicated connection that LISTENs; if it fails, polling carries on and it reconnects. */
  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url || !this.timer) return;
    const client = new Client({ connectionString: url, application_name: 'jobbro-relay' });
    this.listener = client;
    const retry = (): void => {
      if (this.listener !== client) return;
      this.listener = undefined;
      void client.end().catch(() => undefined);
      if (this.timer) setTimeout(() => void this.listen(), 5_000).unref();
    };
    client.on('error', (e) => {
      this.logger.warn(`Outbox listener lost its connection: ${loggableError(e).summary}`);
      retry();
    });
    client.on('end', retry);
    client.on('notification', () => this.kick());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (e) {
      this.logger.warn(`Outbox listener could not connect: ${loggableError(e).summary}`);
      retry();
    }
  }

  private async tick(): Promise<void> {
    await this.drain();
  }

  /**
   * The due scheduled jobs, one pass at a time per relay, as their own promise: a long reminder
   * run never delays a sign-in link (deliveries go on in `running` meanwhile).
   */
  private kickJobs(): void {
    if (this.jobs.size === 0 || this.runningJobs) return;
    if (Date.now() - this.lastJobCheck < JOB_CHECK_MS) return;
    this.lastJobCheck = Date.now();
    this.runningJobs = this.runDueJobs()
      .catch((e: unknown) => {
        this.logger.warn(`Scheduled jobs pass failed: ${loggableError(e).summary}`);
      })
      .finally(() => {
        this.runningJobs = undefined;
      });
  }

  /**
   * Before TypeORM closes its connections (in onApplicationShutdown): no new passes, and the
   * delivery pass and the scheduled jobs under way both finish.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await Promise.all([this.running, this.runningJobs]);
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

  /** Runs the scheduled jobs that are due now; returns the names of those that ran. */
  async runDueJobs(): Promise<string[]> {
    const ran: string[] = [];
    for (const [name, job] of this.jobs) {
      await this.dataSource.query(
        `INSERT INTO scheduled_job (name, next_run_at) VALUES ($1, now()) ON CONFLICT (name) DO NOTHING`,
        [name],
      );
      // TypeORM answers an UPDATE with [rows, affected count].
      const [claimed]: [unknown[], number] = await this.dataSource.query(
        `UPDATE scheduled_job
            SET next_run_at = now() + make_interval(secs => $2::float8 / 1000), last_started_at = now()
          WHERE name = $1 AND next_run_at <= now()
          RETURNING name`,
        [name, job.intervalMs],
      );
      if (claimed.length === 0) continue;
      ran.push(name);
      await this.runJob(name, job);
    }
    return ran;
  }

  /** Runs one scheduled job now, whatever its schedule (for tests and operators). */
  async runScheduled(name: string, now = new Date()): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`No scheduled job ${name}`);
    await job.handler(now);
  }

  private async runJob(name: string, job: ScheduledJob): Promise<void> {
    try {
      await job.handler(new Date());
      await this.dataSource.query(
        `UPDATE scheduled_job SET last_finished_at = now(), last_error = NULL WHERE name = $1`,
        [name],
      );
    } catch (e) {
      this.logger.warn(`Scheduled job ${name} failed: ${loggableError(e).summary}`);
      await this.dataSource.query(
        `UPDATE scheduled_job
            SET last_error = left($2, 2000),
                next_run_at = least(next_run_at, now() + make_interval(secs => $3::float8 / 1000))
          WHERE name = $1`,
        [name, errorSummary(e), Math.min(JOB_RETRY_MS, job.intervalMs)],
      );
    }
  }

  private policy(type: DomainEventType): RetryPolicy {
    return this.policies.get(type) ?? DEFAULT_POLICY;
  }

  /** Claims up to batchSize due events in one short transaction; see the class comment. */
  private async claim(batchSize: number): Promise<OutboxRow[]> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [OutboxRow[], number] = await this.dataSource.query(
      `UPDATE outbox_event e
          SET attempts = e.attempts + 1, last_attempt_at = now(),
              available_at = now() + make_interval(secs => $2::float8 / 1000)
         FROM (SELECT id FROM outbox_event
                WHERE processed_at IS NULL AND dead_at IS NULL AND available_at <= now()
                ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
        WHERE e.id = due.id
        RETURNING e.id, e.type, e.aggregate_id AS "aggregateId", e.payload, e.attempts`,
      [batchSize, this.leaseMs],
    );
    return rows;
  }

  private async processBatch(batchSize: number): Promise<number> {
    const claimed = (await this.claim(batchSize)).sort((a, b) => Number(a.id) - Number(b.id));
    const claimedAt = Date.now();
    // A row claimed past its policy's last attempt was not marked after that attempt: the worker
    // handling it stopped (a message that crashes the process every time). A dead letter now,
    // never handled again; failed() never ran for it.
    const rows: OutboxRow[] = [];
    for (const row of claimed) {
      if (row.attempts > this.policy(row.type).maxAttempts) await this.buried(row);
      else rows.push(row);
    }
    // Events of one aggregate in order; different aggregates (e.g. separate mails) side by side.
    const groups = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const key = row.aggregateId ?? row.id;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const queue = [...groups.values()];
    const lane = async (): Promise<void> => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        for (const row of group) {
          if (Date.now() - claimedAt > this.leaseMs / 2) {
            // Too slow to finish within the lease: give the rest back untouched, uncounted.
            await this.release(row);
            continue;
          }
          await this.handle(row);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, lane));
    return claimed.length;
  }

  /**
   * Writes to a claimed row only while the claim is still ours: the attempt we counted is the
   * row's last, and no one marked it since. A worker whose lease ran out (it stalled, and another
   * relay claimed the row again) writes nothing; logged. `set` never mentions $1 or $2.
   */
  private async writeClaimed(
    row: OutboxRow,
    action: string,
    set: string,
    params: unknown[] = [],
  ): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE outbox_event SET ${set}
        WHERE id = $1 AND attempts = $2 AND processed_at IS NULL AND dead_at IS NULL`,
      [row.id, row.attempts, ...params],
    );
    if (affected === 0) {
      this.logger.warn(
        `Outbox event ${row.id} (${row.type}): lease lost before it could be ${action} (attempt ${row.attempts}); another worker has it, nothing written`,
      );
      return false;
    }
    return true;
  }

  private async buried(row: OutboxRow): Promise<void> {
    const { maxAttempts } = this.policy(row.type);
    this.logger.error(
      `Outbox event ${row.id} (${row.type}) was not finished in ${maxAttempts} attempt(s): the worker stopped during it; now a dead letter`,
    );
    // The attempt count goes back to the attempts actually made (the claim counted one more).
    await this.writeClaimed(
      row,
      'made a dead letter',
      `attempts = attempts - 1, dead_at = now(), available_at = now(), last_error = $3`,
      [`worker stopped during this message (${maxAttempts} attempt(s) not finished)`],
    );
  }

  private async release(row: OutboxRow): Promise<void> {
    await this.writeClaimed(row, 'given back', `attempts = attempts - 1, available_at = now()`);
  }

  private async handle(row: OutboxRow): Promise<void> {
    try {
      // Half the lease: AppConfig makes the SMTP timeouts fit in it, so a send that is given up
      // on here has also stopped before the lease ends and another worker may send it again.
      await withTimeout(this.runHandlers(row), this.leaseMs / 2);
    } catch (e) {
      await this.failed(row, e);
      return;
    }
    await this.writeClaimed(row, 'marked processed', `processed_at = now(), last_error = NULL`);
  }

  private async runHandlers(row: OutboxRow): Promise<void> {
    for (const handler of this.handlers.get(row.type) ?? []) await handler(row.payload as never);
  }

  private async failed(row: OutboxRow, e: unknown): Promise<void> {
    const policy = this.policy(row.type);
    // A handler marks an error no retry can cure (a malformed address, a 5xx) as permanent.
    const permanent = (e as { permanent?: unknown } | null)?.permanent === true;
    const dead = permanent || row.attempts >= policy.maxAttempts;
    // The log gets what is safe to log; the row keeps a one-line summary for an administrator.
    const log = `Outbox event ${row.id} (${row.type}) failed, attempt ${row.attempts} of ${policy.maxAttempts}: ${loggableError(e).summary}`;
    if (dead) this.logger.error(`${log}; now a dead letter`);
    else this.logger.warn(log);
    // Exponential backoff with "equal jitter": half the delay fixed, half random, so workers that
    // failed together (a server outage) do not all come back at the same moment.
    const exponential = Math.min(
      policy.maxDelayMs,
      policy.baseDelayMs * 2 ** Math.min(30, row.attempts - 1),
    );
    const delayMs = exponential / 2 + Math.random() * (exponential / 2);
    await this.writeClaimed(
      row,
      dead ? 'made a dead letter' : 'rescheduled',
      `last_error = left($3, 2000),
       available_at = now() + make_interval(secs => $4::float8 / 1000),
       dead_at = CASE WHEN $5::boolean THEN now() END`,
      [errorSummary(e), delayMs, dead],
    );
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`handler took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
