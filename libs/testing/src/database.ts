import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../../core/src/database/embedded-postgres';

function serverUrl(): string {
  const url = process.env.JOBBRO_TEST_SERVER_URL;
  if (!url)
    throw new Error(
      'No test database server: run integration tests through jest (see jest.config.js)',
    );
  return url;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `jobbro_test_${process.ppid}_${randomBytes(4).toString('hex')}`;
  await admin((c) =>
    c.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.JOBBRO_TEST_TEMPLATE}`),
  );
  return {
    url: withDatabase(serverUrl(), name),
    drop: () =>
      admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
