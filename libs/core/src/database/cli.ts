import { loadConfig } from '../config/app-config';
import { revertLastMigration, runMigrations } from './migrate';
import { prepareDatabase } from './prepare';

/** `npm run migration:run` / `migration:revert`: against DATABASE_URL, else the embedded server. */
async function main(): Promise<void> {
  const command = process.argv[2];
  const config = loadConfig();
  const embedded = await prepareDatabase(config, console.log);
  try {
    if (command === 'run') {
      const applied = await runMigrations(config.connectionUrl());
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply.');
    } else if (command === 'revert') {
      console.log(
        (await revertLastMigration(config.connectionUrl()))
          ? 'Reverted the last migration.'
          : 'Nothing to revert.',
      );
    } else {
      throw new Error(`Unknown command '${command}': use run or revert`);
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
