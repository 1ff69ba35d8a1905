import { Writable } from 'node:stream';
import type { TestApp } from '@jobbro/testing';
import type { DataSource } from 'typeorm';

/** The codes a client error may carry; INTERNAL_SERVER_ERROR is never one of them. */
export const ALLOWED_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
]);

/**
 * The general per-IP rate limit (helper C) off, as in every test, so the fuzzer is not throttled;
 * sign-in limits stay on (the fuzzed `login` uses its own account).
 */
export const LIMITS_OFF: Record<string, string> = { RATE_LIMIT_PER_MINUTE: '0' };

export interface Reply {
  status: number;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  ms: number;
}

export async function postGraphql(
  t: TestApp,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown>,
): Promise<Reply> {
  const started = Date.now();
  let req = t.http().post('/graphql').set('content-type', 'application/json');
  if (token) req = req.set('authorization', `Bearer ${token}`);
  const res = await req.send(JSON.stringify({ query, variables }));
  let body: Reply['body'] = {};
  try {
    body = JSON.parse(res.text) as Reply['body'];
  } catch {
    body = {};
  }
  return { status: res.status, text: res.text ?? '', body, ms: Date.now() - started };
}

/** Every log line the app writes, at trace level, to look for values that must not be there. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, callback): void => {
      this.lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  mark(): number {
    return this.lines.length;
  }
  since(mark: number): string {
    return this.lines.slice(mark).join('');
  }
}

/** Tables whose writes are bookkeeping, not business data: audit, outbox, sessions, limits. */
const BOOKKEEPING =
  /^(audit_.*|outbox_.*|refresh_token|.*session.*|.*throttl.*|.*rate_limit.*|.*login_attempt.*|.*sign_in.*|.*lockout.*|migrations|typeorm_.*|match_scope_.*|citizen_match_profile|search_word|fuzz_write)$/;

/**
 * Notes every row written to a business table, through row triggers installed in this test's own
 * database. A refused operation's transaction rolls back with its notes, so "nothing written"
 * means what it says, at the cost of one query per case.
 */
export class WriteWatch {
  constructor(private readonly ds: DataSource) {}

  async install(): Promise<string[]> {
    await this.ds.query(
      `CREATE TABLE IF NOT EXISTS fuzz_write (tbl text NOT NULL, op text NOT NULL)`,
    );
    await this.ds
      .query(`CREATE OR REPLACE FUNCTION fuzz_note_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO fuzz_write VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
    const rows = await this.ds.query<{ name: string }[]>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const watched = rows.map((r) => r.name).filter((n) => !BOOKKEEPING.test(n));
    for (const table of watched) {
      await this.ds.query(
        `CREATE TRIGGER fuzz_write_note AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION fuzz_note_write()`,
      );
    }
    return watched;
  }

  async reset(): Promise<void> {
    await this.ds.query(`DELETE FROM fuzz_write`);
  }

  /** `table:OP` of each write since the last reset, without repeats. */
  async writes(): Promise<string[]> {
    const rows = await this.ds.query<{ w: string }[]>(
      `SELECT DISTINCT tbl || ':' || op AS w FROM fuzz_write ORDER BY 1`,
    );
    return rows.map((r) => r.w);
  }
}

const STACK = /\n\s+at \S.*\(?\S+:\d+:\d+\)?|"stacktrace"|[\w/-]+\.(ts|js):\d+/;
const SQL_TEXT =
  /QueryFailedError|syntax error at or near|violates (foreign key|check|unique|not-null|exclusion) constraint|duplicate key value|invalid input syntax for|out of range for type|date\/time field value out of range|relation "\w+"|column "\w+"|\bSELECT\b[\s\S]{1,200}\bFROM\b|\bINSERT INTO\b|\bUPDATE\s+\w+\s+SET\b/i;

export interface Verdict {
  problems: string[];
  code: string;
}

/**
 * Judges one reply: a clean error (allowed code, no 5xx, no stack or SQL, no echo of the input in
 * the reply or log, nothing written) or, for input that has a valid reading, a success.
 */
export function judge(args: {
  reply: Reply;
  log: string;
  writes: string[];
  mustReject: boolean;
  mustRefuseCaller: boolean;
  echoTokens: string[];
  logTokens: string[];
}): Verdict {
  const { reply, log, writes } = args;
  const problems: string[] = [];
  const errors = reply.body.errors ?? [];
  const codes = errors.map((e) => e.extensions?.code ?? 'NO_CODE');
  const code = codes.length ? [...new Set(codes)].join('+') : 'OK';
  if (reply.status >= 500) problems.push(`HTTP ${reply.status}`);
  if (!reply.text.trim().startsWith('{')) problems.push(`non-JSON reply`);
  for (const c of codes) if (!ALLOWED_CODES.has(c)) problems.push(`code ${c}`);
  if (errors.length === 0 && !reply.body.data) problems.push('neither data nor errors');
  if (STACK.test(reply.text)) problems.push('stack trace in reply');
  const failed = errors.length > 0;
  if (failed) {
    const errorText = JSON.stringify(errors);
    if (SQL_TEXT.test(errorText.replace(/\\"/g, '"'))) problems.push('SQL text in reply');
    const echoed = args.echoTokens.filter(
      (tok) => tok && errorText.includes(JSON.stringify(tok).slice(1, -1)),
    );
    if (echoed.length) problems.push('input echoed in reply');
    if (writes.length) problems.push(`wrote ${writes.join(',')}`);
  } else {
    if (args.mustRefuseCaller) problems.push('succeeded for a caller who may not call it');
    else if (args.mustReject) problems.push('accepted invalid input');
  }
  if (args.logTokens.some((tok) => tok && log.includes(tok))) problems.push('input in log');
  if (
    SQL_TEXT.test(log) &&
    /"level":(50|40)/.test(log) &&
    /value out of range|invalid input syntax/.test(log)
  ) {
    problems.push('database value message in log');
  }
  return { problems, code };
}
