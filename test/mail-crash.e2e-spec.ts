import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { dataSourceOptions, loadConfig } from '@jobbro/core';
import { MailOutbox } from '@jobbro/notifications';
import { createTestDatabase, startTestSmtp, type TestSmtp } from '@jobbro/testing';
import { DataSource } from 'typeorm';

const ROOT = join(__dirname, '..');

/**
 * The real worker (apps/worker/src/main.ts) as a child process on this test's database, killed
 * with SIGKILL the moment the SMTP server has a whole message and before the worker hears the
 * answer, i.e. before it can mark the message sent. After a restart every message arrives: the
 * one in flight at most twice (same Message-ID), none lost.
 */
describe('mail survives a worker killed between sending and marking', () => {
  let smtp: TestSmtp;
  let ds: DataSource;
  let drop: () => Promise<void>;
  let dbUrl: string;
  const key = randomBytes(32).toString('hex');
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    const db = await createTestDatabase();
    dbUrl = db.url;
    drop = db.drop;
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await ds?.destroy();
    await drop?.();
    await smtp?.close();
  });

  /** Starts the worker; resolves once it says it runs, with how long that took. */
  function startWorker(): Promise<{ child: ChildProcess; startMs: number }> {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/worker/src/main.ts',
      ],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          DATABASE_URL: dbUrl,
          SMTP_URL: smtp.url,
          CPR_ENCRYPTION_KEY: key,
          // The SMTP timeouts must fit within half the lease (AppConfig): 4 x 500 ms <= 2 s.
          OUTBOX_LEASE_MS: '4000',
          SMTP_TIMEOUT_MS: '500',
          MAIL_RETRY_BASE_MS: '100',
          MAIL_RETRY_MAX_MS: '500',
          TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(child);
    let output = '';
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        output += chunk.toString('utf8');
        if (output.includes('[jobbro-worker] running'))
          resolve({ child, startMs: Date.now() - started });
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) =>
        reject(new Error(`worker exited (${code}) before it ran:\n${output.slice(-2000)}`)),
      );
    });
  }

  it('delivers every message after a restart, the one in flight at most twice', async () => {
    const config = loadConfig({ NODE_ENV: 'test', CPR_ENCRYPTION_KEY: key });
    const outbox = new MailOutbox(config);
    const ids: string[] = [];
    await ds.transaction(async (m) => {
      for (let i = 0; i < 6; i++)
        ids.push(
          await outbox.enqueue(m, {
            kind: 'employer-sign-up-existing',
            to: `crash-${i}@test.jobbro.dk`,
            language: 'da',
            params: { displayName: 'Eva', signInUrl: 'https://jobbro.test' },
          }),
        );
    });

    const first = await startWorker();
    let killedAt: string | undefined;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      first.child.once('exit', (_code, signal) => resolve(signal)),
    );
    smtp.onMessage = (mail) => {
      if (killedAt) return;
      killedAt = mail.messageId;
      // The server has the whole message; the worker dies before it hears "250 accepted".
      first.child.kill('SIGKILL');
    };
    expect(await exited).toBe('SIGKILL');
    expect(killedAt).toBeDefined();
    const [{ unmarked }] = await ds.query<{ unmarked: number }[]>(
      `SELECT count(*)::int AS unmarked FROM outbox_event WHERE aggregate_id = $1 AND processed_at IS NULL`,
      [killedAt!.slice(1, 37)],
    );
    expect(unmarked).toBe(1);

    const second = await startWorker();
    // The lease (OUTBOX_LEASE_MS, 4 s here) runs out, then the restarted worker sends it again.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [{ pending }] = await ds.query<{ pending: number }[]>(
        `SELECT count(*)::int AS pending FROM outbox_event WHERE processed_at IS NULL`,
      );
      if (pending === 0) break;
      if (Date.now() > deadline) throw new Error(`${pending} message(s) still pending`);
      await new Promise((r) => setTimeout(r, 100));
    }
    second.child.kill('SIGTERM');

    const counts = new Map<string, number>();
    for (const m of smtp.received) counts.set(m.messageId!, (counts.get(m.messageId!) ?? 0) + 1);
    // None lost...
    expect([...counts.keys()].sort()).toEqual(ids.map((id) => `<${id}@jobbro>`).sort());
    // ...and none more than once more; the one the worker died on arrived twice.
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    expect(counts.get(killedAt!)).toBe(2);
    // The figure the README quotes.
    console.log(`worker start: ${first.startMs} ms, then ${second.startMs} ms`);
  }, 60_000);
});
