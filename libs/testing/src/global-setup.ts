import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { projectRoot } from '../../core/src/project-root';
import { startEmbeddedPostgres, withDatabase } from '../../core/src/database/embedded-postgres';
import { runMigrations } from '../../core/src/database/migrate';

export const TEMPLATE_DATABASE = `jobbro_template_${process.pid}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Once per `jest` run: a real PostgreSQL (DATABASE_URL's server if set, else an embedded one in a
 * temporary folder), and a template database with every migration applied. Each test file then
 * clones the template (libs/testing/src/database.ts), which takes milliseconds.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    mkdirSync(join(projectRoot(), '.data'), { recursive: true });
    const dir = mkdtempSync(join(projectRoot(), '.data', 'test-pg-'));
    const embedded = await startEmbeddedPostgres({
      dir,
      port: await freePort(),
      persistent: false,
    });
    (globalThis as Record<string, unknown>).__JOBBRO_EMBEDDED_PG__ = embedded;
    serverUrl = embedded.url;
  }
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await runMigrations(withDatabase(serverUrl, TEMPLATE_DATABASE));
  process.env.JOBBRO_TEST_SERVER_URL = serverUrl;
  process.env.JOBBRO_TEST_TEMPLATE = TEMPLATE_DATABASE;
}
