import type { EmbeddedPostgresHandle } from '../../core/src/database/embedded-postgres';
import { OWN_DATABASE } from './browser-global-setup';
import databaseTeardown from './global-teardown';

/** Stops the test database if the browser setup started it (see browser-global-setup.ts). */
export default async function browserGlobalTeardown(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const own = g[OWN_DATABASE] as { embedded?: EmbeddedPostgresHandle } | undefined;
  if (!own) return;
  delete g[OWN_DATABASE];
  // A shared server (DATABASE_URL): the shared teardown drops this run's databases.
  if (own.embedded) await own.embedded.stop();
  else await databaseTeardown();
}
