import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import {
  type EmbeddedPostgresHandle,
  type SupervisionOptions,
  startEmbeddedPostgres,
  withDatabase,
} from './embedded-postgres';
import { runMigrations } from './migrate';

export const EMBEDDED_DATABASE = 'jobbro';

/**
 * Locates the database before Nest starts: with no DATABASE_URL, starts the embedded PostgreSQL
 * (kept under DATA_DIR/postgres) and creates the `jobbro` database on first start. Returns the
 * embedded server (to stop on shutdown), or undefined when DATABASE_URL is used.
 * A long-running owner (the API) passes `supervise`: it then handles SIGINT/SIGTERM itself and
 * learns when PostgreSQL died for good.
 */
export async function prepareDatabase(
  config: AppConfig,
  log: (message: string) => void,
  options: { supervise?: Omit<SupervisionOptions, 'notice'> } = {},
): Promise<EmbeddedPostgresHandle | undefined> {
  if (!config.usesEmbeddedDatabase) return undefined;
  const server = await startEmbeddedPostgres({
    dir: join(config.dataDir, 'postgres'),
    port: config.embeddedPostgresPort,
    persistent: true,
    notice: log,
    ownSignals: options.supervise !== undefined,
    supervise: options.supervise && { ...options.supervise, notice: log },
  }).catch((e: unknown) => {
    const reason = e instanceof Error ? e.message : 'no reason given';
    throw new Error(
      `The embedded PostgreSQL did not start (${reason}). Is port ${config.embeddedPostgresPort} in use by ` +
        `another Jobbro? Stop it, or set EMBEDDED_PG_PORT; or set DATABASE_URL to use your own server.`,
    );
  });
  const client = new Client({ connectionString: server.url });
  await client.connect();
  try {
    const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [
      EMBEDDED_DATABASE,
    ]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await client.end();
  }
  config.embeddedUrl = withDatabase(server.url, EMBEDDED_DATABASE);
  log(
    `Embedded PostgreSQL running on port ${config.embeddedPostgresPort} (data in ${config.dataDir})`,
  );
  return server;
}

export async function migrateIfConfigured(
  config: AppConfig,
  log: (message: string) => void,
): Promise<void> {
  if (!config.migrateOnStart) return;
  const applied = await runMigrations(config.connectionUrl());
  log(
    applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date',
  );
}
