import type { EmbeddedPostgresHandle } from '../../core/src/database/embedded-postgres';
import { ensurePortalBuilt, findChromium } from './browser';
import databaseSetup from './global-setup';

/** Set when this setup started the test database (and so its teardown stops it). */
export const OWN_DATABASE = '__JOBBRO_BROWSER_DATABASE__';
const SHARED_HANDLE = '__JOBBRO_EMBEDDED_PG__';

/**
 * Once per `jest` run of the browser project: Chromium (found, or installed where allowed), the
 * portal built if its sources changed, and the test database. Workers inherit CHROMIUM_PATH.
 *
 * `npm test` runs every project's global setup in one process: when the integration project's
 * setup has already started the database, the browser tests share it. When this one runs first
 * and the integration setup starts a second server afterwards, this one's handle is kept apart so
 * each teardown stops its own.
 */
export default async function browserGlobalSetup(): Promise<void> {
  process.env.CHROMIUM_PATH = findChromium();
  ensurePortalBuilt();
  if (process.env.JOBBRO_TEST_SERVER_URL && process.env.JOBBRO_TEST_TEMPLATE) return;
  const g = globalThis as Record<string, unknown>;
  const before = g[SHARED_HANDLE] as EmbeddedPostgresHandle | undefined;
  await databaseSetup();
  const started = g[SHARED_HANDLE] as EmbeddedPostgresHandle | undefined;
  g[OWN_DATABASE] = { embedded: started !== before ? started : undefined };
  if (started !== before) g[SHARED_HANDLE] = before;
}
