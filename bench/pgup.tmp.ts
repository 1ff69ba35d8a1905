import { join } from 'node:path';
import { startEmbeddedPostgres } from '../libs/core/src/database/embedded-postgres';
(async () => {
  const s = await startEmbeddedPostgres({ dir: join('/work/main/bench/.data', 'postgres'), port: 54339, persistent: true });
  console.log('up', s.url);
  process.on('SIGTERM', async () => { await s.stop(); process.exit(0); });
  setInterval(() => {}, 1 << 30);
})();
