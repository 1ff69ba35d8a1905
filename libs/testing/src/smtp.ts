import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it, raw and parsed (headers, text, HTML, parts). */
export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
  /** The Message-ID header, e.g. `<uuid@jobbro>`. */
  messageId: string | undefined;
  subject: string;
  text: string;
  html: string;
}

/**
 * How the server answers for now: `accept` every message, `refuse` each with a temporary
 * 451 error, or `drop` the connection as soon as a client connects.
 */
export type SmtpMode = 'accept' | 'refuse' | 'drop';

export interface TestSmtp {
  /** For SMTP_URL. */
  url: string;
  port: number;
  received: ReceivedMail[];
  mode: SmtpMode;
  /** Called with each message before the server answers it (e.g. to kill a worker then). */
  onMessage?: (mail: ReceivedMail) => void | Promise<void>;
  mailTo: (email: string) => ReceivedMail[];
  /** Resolves when `count` messages to `email` (any when omitted) have arrived, or rejects. */
  waitFor: (count: number, email?: string, timeoutMs?: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
}

/**
 * A real SMTP server on loopback (the npm package smtp-server) for tests: messages arrive over
 * SMTP exactly as they would at a mail provider, and tests can make it refuse or drop for a while.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const mailTo = (email: string): ReceivedMail[] =>
    received.filter((m) => m.envelopeTo.includes(email.toLowerCase()));
  const state: TestSmtp = {
    url: '',
    port: 0,
    received,
    mode: 'accept',
    mailTo,
    waitFor: async (count, email, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const list = email ? mailTo(email) : received;
        if (list.length >= count) return list;
        if (Date.now() > deadline)
          throw new Error(
            `waited ${timeoutMs} ms for ${count} message(s)${email ? ` to ${email}` : ''}, got ${list.length}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      if (state.mode === 'drop') {
        // An abrupt end, as a crashed or overloaded server gives.
        callback(new Error('connection dropped by test'));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.mode !== 'accept') {
          const error = new Error('try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        // A throwing onMessage answers the message with its error (450, or its responseCode).
        simpleParser(raw)
          .then(async (parsed) => {
            const mail: ReceivedMail = {
              envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              raw,
              parsed,
              messageId: parsed.messageId,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
            };
            await state.onMessage?.(mail);
            received.push(mail);
            callback();
          })
          .catch((e: Error) => callback(e));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  return state;
}

/** The token in a link of the form `…#token=…` in a mail's text. */
export const tokenInMail = (mail: ReceivedMail): string | undefined =>
  /#token=([\w-]+)/.exec(mail.text)?.[1];
