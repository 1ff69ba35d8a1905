import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SMTPServer as SMTPServerType } from 'smtp-server';

export interface DevMailCatcher {
  /** smtp://127.0.0.1:<port>, for the sender. */
  url: string;
  close: () => Promise<void>;
}

/**
 * Development only: an SMTP server on loopback (smtp-server, a development dependency, loaded only
 * here) that keeps every message it is given as an .eml file in `folder`, for GET /dev/mail and
 * any mail program. The sender talks real SMTP to it, as it would to a provider.
 */
export async function startDevMailCatcher(folder: string): Promise<DevMailCatcher> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a dev dependency, never loaded in production
  const { SMTPServer } = require('smtp-server') as { SMTPServer: typeof SMTPServerType };
  await mkdir(folder, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 20 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const id =
          /^Message-ID:\s*<([\w-]{1,80})@/im.exec(raw.subarray(0, 8192).toString('utf8'))?.[1] ??
          randomUUID();
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        writeFile(join(folder, `${stamp}-${id}.eml`), raw, { mode: 0o600 }).then(
          () => callback(),
          (e: Error) => callback(e),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
