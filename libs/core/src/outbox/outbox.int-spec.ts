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

  it('makes a message that crashed the worker on its last attempt a dead letter at the next claim', async () => {
    await ds.query(`DELETE FROM outbox_event`);
    await ds.transaction((m) => publishEvent(m, 'company.changed', companyId, { companyId }));
    const [{ id }] = await ds.query<{ id: string }[]>(`SELECT id FROM outbox_event`);
    // As workers that died mid-handler three times (the last attempt of three) leave it: counted,
    // never marked, its lease run out.
    await ds.query(`UPDATE outbox_event SET attempts = 3, available_at = now() WHERE id = $1`, [
      id,
    ]);
    const relay = new OutboxRelay(ds);
    let calls = 0;
    relay.on(
      'company.changed',
      () => {
        calls++;
        return Promise.resolve();
      },
      { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10 },
    );
    await relay.drain();
    expect(calls).toBe(0);
    const [row] = await ds.query<
      { attempts: number; lastError: string; dead: boolean; processed: boolean }[]
    >(
      `SELECT attempts, last_error AS "lastError", dead_at IS NOT NULL AS dead,
              processed_at IS NOT NULL AS processed FROM outbox_event WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      attempts: 3,
      lastError: expect.stringContaining('worker stopped during this message') as unknown,
      dead: true,
      processed: false,
    });
    // Never handled again.
    await ds.query(`UPDATE outbox_event SET available_at = now() WHERE id = $1`, [id]);
    expect(await relay.drain()).toBe(0);
    expect(calls).toBe(0);
  });

  it("ignores a stale worker's late write once another relay has claimed the event", async () => {
    await ds.query(`DELETE FROM outbox_event`);
    await ds.transaction((m) => publishEvent(m, 'company.changed', companyId, { companyId }));
    const [{ id }] = await ds.query<{ id: string }[]>(`SELECT id FROM outbox_event`);
    // Both with the default lease (two minutes; handlers time out after one). The first relay's
    // handler outlives its lease: it stalls until the test lets it go, and the test moves the
    // lease's end to now, as if the worker had stalled (GC, a paused VM) for two minutes.
    const stale = new OutboxRelay(ds);
    const fresh = new OutboxRelay(ds);
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    const leaseRunsOut = () =>
      ds.query(`UPDATE outbox_event SET available_at = now() WHERE id = $1`, [id]);
    let finishStale!: (outcome: 'ok' | 'fail') => void;
    let staleStarted!: () => void;
    let started = new Promise<void>((resolve) => (staleStarted = resolve));
    stale.on('company.changed', () => {
      staleStarted();
      return new Promise<void>((resolve, reject) => {
        finishStale = (outcome) =>
          outcome === 'ok'
            ? resolve()
            : reject(Object.assign(new Error('too late'), { permanent: true }));
      });
    });
    let freshFails = true;
    fresh.on(
      'company.changed',
      () => (freshFails ? Promise.reject(new Error('index down')) : Promise.resolve()),
      { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 },
    );
    const staleDrain = stale.drain();
    await started;
    // The lease runs out while the first handler still runs; the second relay takes the event
    // over and fails (a retry is due in a minute).
    await leaseRunsOut();
    expect(await fresh.drain()).toBe(1);
    // The stale handler finishes now: its "processed" must not mark the row.
    finishStale('ok');
    await staleDrain;
    const [afterLate] = await ds.query<
      { attempts: number; processed: boolean; dead: boolean; lastError: string }[]
    >(
      `SELECT attempts, processed_at IS NOT NULL AS processed, dead_at IS NOT NULL AS dead,
              last_error AS "lastError" FROM outbox_event WHERE id = $1`,
      [id],
    );
    expect(afterLate).toEqual({
      attempts: 2,
      processed: false,
      dead: false,
      lastError: 'index down',
    });
    expect(warnings.mock.calls.some(([m]) => /lease/i.test(String(m)))).toBe(true);

    // Nor may a stale failure touch a row another relay has since marked processed.
    freshFails = false;
    await ds.query(`UPDATE outbox_event SET available_at = now() WHERE id = $1`, [id]);
    started = new Promise<void>((resolve) => (staleStarted = resolve));
    const staleAgain = stale.drain();
    await started;
    await leaseRunsOut();
    expect(await fresh.drain()).toBe(1);
    finishStale('fail');
    await staleAgain;
    const [afterFail] = await ds.query<{ processed: boolean; dead: boolean; lastError: null }[]>(
      `SELECT processed_at IS NOT NULL AS processed, dead_at IS NOT NULL AS dead,
              last_error AS "lastError" FROM outbox_event WHERE id = $1`,
      [id],
    );
    expect(afterFail).toEqual({ processed: true, dead: false, lastError: null });
    warnings.mockRestore();
  });

  it('delivers events while a long scheduled job runs, and waits for both at shutdown', async () => {
    await ds.query(`DELETE FROM outbox_event`);
    const relay = new OutboxRelay(ds);
    const seen: string[] = [];
    relay.on('company.changed', (e) => {
      seen.push(e.companyId);
      return Promise.resolve();
    });
    let jobStarted!: () => void;
    const started = new Promise<void>((resolve) => (jobStarted = resolve));
    let finishJob!: () => void;
    let jobDone = false;
    relay.every('slow-reminders', 3_600_000, async () => {
      jobStarted();
      await new Promise<void>((resolve) => (finishJob = resolve));
      jobDone = true;
    });
    relay.start(20);
    try {
      await started;
      await ds.transaction((m) => publishEvent(m, 'company.changed', companyId, { companyId }));
      const deadline = Date.now() + 3_000;
      while (seen.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      // The message went out while the job still ran.
      expect(seen).toEqual([companyId]);
      expect(jobDone).toBe(false);
    } finally {
      let stopped = false;
      const stopping = relay.beforeApplicationShutdown().then(() => (stopped = true));
      await new Promise((r) => setTimeout(r, 50));
      // Shutdown waits for the job...
      expect(stopped).toBe(false);
      finishJob?.();
      await stopping;
      expect(jobDone).toBe(true);
    }
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
