import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';

jest.setTimeout(120_000);

type Event = { event: string; message?: string; pid?: number | null; url?: string; ms?: number };

/** startEmbeddedPostgres in its own process (see embedded-postgres.fixture.ts). */
class Fixture {
  readonly events: Event[] = [];
  private readonly child: ChildProcess;

  constructor(options: Record<string, unknown>) {
    this.child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, 'embedded-postgres.fixture.ts'),
        JSON.stringify(options),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) this.events.push(JSON.parse(line) as Event);
    });
  }

  async next(event: string, message?: string, timeoutMs = 60_000): Promise<Event> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(
        (e) => e.event === event && (message === undefined || e.message?.startsWith(message)),
      );
      if (found) return found;
      const failed = this.events.find((e) => e.event === 'failed');
      if (failed) throw new Error(`fixture failed: ${failed.message}`);
      if (Date.now() > deadline)
        throw new Error(`no ${event} ${message ?? ''} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async pid(): Promise<number | null> {
    const count = this.events.filter((e) => e.event === 'pid').length;
    this.child.stdin!.write('pid\n');
    for (;;) {
      const answers = this.events.filter((e) => e.event === 'pid');
      if (answers.length > count) return answers[answers.length - 1].pid ?? null;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<number> {
    this.child.stdin!.write('stop\n');
    return (await this.next('stopped', undefined, 30_000)).ms!;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function selectOne(url: string): Promise<number> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
    return rows[0].one;
  } finally {
    await client.end();
  }
}

/** The API's supervisor of the embedded PostgreSQL: what happens when PostgreSQL dies under it. */
describe('embedded PostgreSQL supervision', () => {
  let root: string;
  let fixture: Fixture | undefined;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'jobbro-pg-supervision-'));
  });
  afterEach(() => {
    fixture?.kill();
    fixture = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('restarts a PostgreSQL that was killed, and it serves again', async () => {
    fixture = new Fixture({
      dir: join(root, 'pg'),
      port: await freePort(),
      supervise: { backoffMs: 200 },
    });
    const started = await fixture.next('started');
    expect(await selectOne(started.url!)).toBe(1);

    process.kill(started.pid!, 'SIGKILL');
    await fixture.next('notice', 'Embedded PostgreSQL restarted');

    expect(fixture.events.find((e) => e.event === 'notice')?.message).toBe(
      'Embedded PostgreSQL stopped unexpectedly (signal SIGKILL)',
    );
    const pid = await fixture.pid();
    expect(pid).not.toBeNull();
    expect(pid).not.toBe(started.pid);
    expect(await selectOne(started.url!)).toBe(1);
    expect(fixture.events.some((e) => e.event === 'giveUp')).toBe(false);
    expect(await fixture.stop()).toBeLessThan(5000);
  });

  it('gives up with a clear message when PostgreSQL will not come back, then stops at once', async () => {
    const dir = join(root, 'pg');
    fixture = new Fixture({
      dir,
      port: await freePort(),
      supervise: { maxRestarts: 2, backoffMs: 50 },
    });
    const started = await fixture.next('started');
    // Without its data folder PostgreSQL cannot start again.
    renameSync(dir, `${dir}-gone`);
    process.kill(started.pid!, 'SIGKILL');
    const given = await fixture.next('giveUp');

    expect(given.message).toContain('The embedded PostgreSQL stopped (signal SIGKILL)');
    expect(given.message).toContain('DATABASE_URL');
    expect(await fixture.stop()).toBeLessThan(2000);
  });

  it('stops at once after an unsupervised death (it used to wait forever for the dead child)', async () => {
    fixture = new Fixture({ dir: join(root, 'pg'), port: await freePort() });
    const started = await fixture.next('started');
    process.kill(started.pid!, 'SIGKILL');
    for (let i = 0; i < 50 && (await fixture.pid()) !== null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await fixture.stop()).toBeLessThan(2000);
  });
});
