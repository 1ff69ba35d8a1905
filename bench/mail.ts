/**
 * `npm run bench:mail`: how fast the worker delivers mail to a local SMTP server.
 *
 * Starts a throw-away embedded PostgreSQL (migrated), an SMTP server on loopback (smtp-server,
 * accepting everything) and the real worker (apps/worker/src/main.ts) as a child process, then:
 * 1. throughput: queues MAIL_BENCH_COUNT messages (default 2,000) in transactions of 100 and
 *    measures messages per second from the first to the last one the SMTP server receives;
 * 2. latency: queues MAIL_BENCH_LATENCY messages (default 200), one transaction each, 20 ms apart,
 *    and measures from the commit of the enqueueing transaction to the SMTP server having the
 *    whole message (p50, p95, max).
 * Both clocks are this process's: the SMTP server runs here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { loadConfig } from '../libs/core/src/config/app-config';
import { dataSourceOptions } from '../libs/core/src/database/data-source-options';
import { startEmbeddedPostgres, withDatabase } from '../libs/core/src/database/embedded-postgres';
import { runMigrations } from '../libs/core/src/database/migrate';
import { projectRoot } from '../libs/core/src/project-root';
import { MailOutbox } from '../libs/notifications/src/mail.outbox';
import type { MailRequest } from '../libs/notifications/src/mail';

const COUNT = Number(process.env.MAIL_BENCH_COUNT ?? 2000);
const LATENCY_COUNT = Number(process.env.MAIL_BENCH_LATENCY ?? 200);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jobbro-mail-bench-'));
  const pg = await startEmbeddedPostgres({ dir, port: await freePort(), persistent: false });
  const url = withDatabase(pg.url, 'postgres');
  await runMigrations(url);
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();

  /** When the SMTP server had each message, by message id. */
  const received = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const id = /^Message-ID: <([\w-]+)@jobbro>/im.exec(head)?.[1];
        if (id && !received.has(id)) received.set(id, performance.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  const key = randomBytes(32).toString('hex');
  const outbox = new MailOutbox(loadConfig({ NODE_ENV: 'test', CPR_ENCRYPTION_KEY: key }));
  const request = (i: number): MailRequest<'employer-sign-up-existing'> => ({
    kind: 'employer-sign-up-existing',
    to: `bench-${i}@bench.jobbro.dk`,
    language: 'da',
    params: { displayName: `Bench ${i}`, signInUrl: 'https://jobbro.test' },
  });

  let worker: ChildProcess | undefined;
  try {
    // 1. Throughput: a backlog, then the worker starts and works through it.
    const backlog: string[] = [];
    for (let i = 0; i < COUNT; i += 100) {
      await ds.transaction(async (m) => {
        for (let j = i; j < Math.min(COUNT, i + 100); j++)
          backlog.push(await outbox.enqueue(m, request(j)));
      });
    }
    const started = performance.now();
    worker = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/worker/src/main.ts',
      ],
      {
        cwd: projectRoot(),
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          DATABASE_URL: url,
          SMTP_URL: smtpUrl,
          MAIL_FROM: 'Jobbro <no-reply@bench.jobbro.dk>',
          JWT_SECRET: randomBytes(32).toString('hex'),
          CPR_ENCRYPTION_KEY: key,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      let out = '';
      worker!.stdout!.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        if (out.includes('[jobbro-worker] running')) resolve();
      });
      worker!.once('exit', (code) => reject(new Error(`worker exited (${code}): ${out}`)));
    });
    console.log(`worker started in ${Math.round(performance.now() - started)} ms`);
    const deadline = Date.now() + 300_000;
    while (backlog.some((id) => !received.has(id))) {
      if (Date.now() > deadline) throw new Error('the backlog was not delivered in 5 minutes');
      await sleep(20);
    }
    const times = backlog.map((id) => received.get(id)!).sort((a, b) => a - b);
    const seconds = (times[times.length - 1] - times[0]) / 1000;
    console.log(
      `throughput: ${COUNT} messages in ${seconds.toFixed(2)} s = ${Math.round(COUNT / seconds)} messages/s`,
    );

    // 2. Latency: one message per transaction while the worker is idle.
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_COUNT; i++) {
      const id = await ds.transaction((m) => outbox.enqueue(m, request(COUNT + i)));
      const committed = performance.now();
      for (let waited = 0; !received.has(id); waited += 2) {
        if (waited > 30_000) throw new Error(`message ${i} did not arrive within 30 s`);
        await sleep(2);
      }
      latencies.push(received.get(id)! - committed);
      await sleep(20);
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `latency from commit to SMTP server (${LATENCY_COUNT} messages): p50 ${percentile(latencies, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms`,
    );
  } finally {
    worker?.kill('SIGTERM');
    await sleep(500);
    await ds.destroy();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
