import { Client } from 'pg';
import type { EmbeddedPostgresHandle } from '../../core/src/database/embedded-postgres';
import { withDatabase } from '../../core/src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as Record<string, unknown>).__JOBBRO_EMBEDDED_PG__ as
    EmbeddedPostgresHandle | undefined;
  if (embedded) {
    await embedded.stop();
    return;
  }
  // A shared server (DATABASE_URL): leave it as we found it.
  const serverUrl = process.env.JOBBRO_TEST_SERVER_URL;
  if (!serverUrl) return;
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    const rows = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [process.env.JOBBRO_TEST_TEMPLATE, `jobbro_test_${process.pid}_%`],
    );
    for (const { datname } of rows.rows)
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
