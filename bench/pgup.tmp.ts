import { join } from 'node:path';
import { startEmbeddedPostgres } from '/work/main/libs/core/src/database/embedded-postgres';
void (async () => {
  const s = await startEmbeddedPostgres({ dir: join('/work/main/bench/.data', 'postgres'), port: 54339, persistent: true });
  console.log('up', s.url);
  process.on('SIGTERM', () => void s.stop().then(() => process.exit(0)));
  setInterval(() => {}, 1 << 30);
})();
