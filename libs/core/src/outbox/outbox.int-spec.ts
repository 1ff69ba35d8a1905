import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../testing/src/database';
import { dataSourceOptions } from '../database/data-source-options';
import { publishEvent } from './outbox';
import { errorSummary, OutboxRelay } from './outbox.relay';

describe('outbox relay', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    Logger.overrideLogger(false); // the retry below logs a warning on purpose
    const db = await createTestDatabase();
    drop = db.drop;
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await drop();
  });

  const companyId = '11111111-1111-4111-8111-111111111111';

  it('keeps no event when the transaction that wrote it rolls back', async () => {
    await expect(
      ds.transaction(async (m) => {
        await publishEvent(m, 'company.changed', companyId, { companyId });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const [{ n }] = await ds.query<
      {
        n: number;
      }[]
    >(`SELECT count(*)::int AS n FROM outbox_event`);
    expect(n).toBe(0);
  });

  it('refuses to publish outside a transaction', async () => {
    await expect(
      publishEvent(ds.manager, 'company.changed', companyId, { companyId }),
    ).rejects.toThrow(/inside a transaction/);
  });

  it('delivers committed events once, and retries a failing handler later with backoff', async () => {
    await ds.transaction((m) => publishEvent(m, 'company.changed', companyId, { companyId }));
    const relay = new OutboxRelay(ds);
    const seen: string[] = [];
    let failNext = true;
    relay.on('company.changed', (event) => {
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('index down'));
      }
      seen.push(event.companyId);
      return Promise.resolve();
    });

    expect(await relay.drain()).toBe(1);
    const [failed] = await ds.query<
      { attempts: number; lastError: string; processedAt: Date | null; later: boolean }[]
    >(
      `SELECT attempts, last_error AS "lastError", processed_at AS "processedAt", available_at > now() AS "later" FROM outbox_event`,
    );
    expect(failed).toMatchObject({
      attempts: 1,
      lastError: 'index down',
      processedAt: null,
      later: true,
    });

    await ds.query(`UPDATE outbox_event SET available_at = now()`);
    expect(await relay.drain()).toBe(1);
    expect(await relay.drain()).toBe(0);
    expect(seen).toEqual([companyId]);
  });

  it("makes an event that keeps failing a dead letter after its policy's attempts", async () => {
    await ds.query(`DELETE FROM outbox_event`);
    await ds.transaction((m) => publishEvent(m, 'company.changed', companyId, { companyId }));
    const relay = new OutboxRelay(ds);
    let calls = 0;
    relay.on(
      'company.changed',
      () => {
        calls++;
        return Promise.reject(Object.assign(new Error('refused'), { responseCode: 451 }));
      },
      { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10 },
    );
    for (let i = 0; i < 5; i++) {
      await ds.query(`UPDATE outbox_event SET available_at = now()`);
      await relay.drain();
    }
    expect(calls).toBe(3);
    const [row] = await ds.query<{ attempts: number; lastError: string; dead: boolean }[]>(
      `SELECT attempts, last_error AS "lastError", dead_at IS NOT NULL AS dead FROM outbox_event`,
    );
    expect(row).toEqual({ attempts: 3, lastError: '451 refused', dead: true });
  });

  it('hands a claimed event to no other relay until its lease runs out', async () => {
    await ds.query(`DELETE FROM outbox_event`);
    await ds.transaction((m) => publishEvent(m, 'company.changed', companyId, { companyId }));
    const [{ id }] = await ds.query<{ id: string }[]>(`SELECT id FROM outbox_event`);
    // As a worker that claimed the event and died before marking it would leave it.
    await ds.query(
      `UPDATE outbox_event SET attempts = 1, available_at = now() + interval '1 hour' WHERE id = $1`,
      [id],
    );
    const relay = new OutboxRelay(ds);
    const seen: string[] = [];
    relay.on('company.changed', (e) => {
      seen.push(e.companyId);
      return Promise.resolve();
    });
    expect(await relay.drain()).toBe(0);
    await ds.query(`UPDATE outbox_event SET available_at = now() WHERE id = $1`, [id]);
    expect(await relay.drain()).toBe(1);
    expect(seen).toEqual([companyId]);
  });

  it('runs a scheduled job once per interval across relays, and again when it is due', async () => {
    const runs: string[] = [];
    const relays = [new OutboxRelay(ds), new OutboxRelay(ds), new OutboxRelay(ds)];
    relays.forEach((relay, i) =>
      relay.every('test-job', 60_000, () => {
        runs.push(`relay ${i}`);
        return Promise.resolve();
      }),
    );
    await Promise.all(relays.map((r) => r.runDueJobs()));
    expect(runs).toHaveLength(1);
    await Promise.all(relays.map((r) => r.runDueJobs()));
    expect(runs).toHaveLength(1);
    await ds.query(`UPDATE scheduled_job SET next_run_at = now() WHERE name = 'test-job'`);
    await Promise.all(relays.map((r) => r.runDueJobs()));
    expect(runs).toHaveLength(2);
  });

  it('retries a failed scheduled job within a minute, not a whole interval later', async () => {
    const relay = new OutboxRelay(ds);
    relay.every('failing-job', 86_400_000, () => Promise.reject(new Error('database busy')));
    expect(await relay.runDueJobs()).toEqual(['failing-job']);
    const [job] = await ds.query<{ inSeconds: number; lastError: string }[]>(
      `SELECT extract(epoch FROM next_run_at - now())::int AS "inSeconds", last_error AS "lastError"
         FROM scheduled_job WHERE name = 'failing-job'`,
    );
    expect(job.lastError).toBe('database busy');
    expect(job.inSeconds).toBeLessThanOrEqual(60);
  });

  it('summarises an error on one line, without links or tokens a server quoted', () => {
    const smtpError = Object.assign(new Error('Message failed'), {
      code: 'EMESSAGE',
      responseCode: 554,
      response: '554 5.7.1 Rejected:\r\nURL https://jobbro.test/login#token=secret123 is listed',
    });
    expect(errorSummary(smtpError)).toBe('EMESSAGE 554 554 5.7.1 Rejected: URL [link] is listed');
    expect(errorSummary(new Error('x'.repeat(400)))).toHaveLength(300);
  });
});
