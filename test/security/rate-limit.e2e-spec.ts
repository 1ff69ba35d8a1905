import { PgThrottlerStorage, RateLimitKeys, RateLimitRepository } from '@jobbro/auth';
import { aUser, type BuiltUser, createTestApp, type TestApp } from '@jobbro/testing';

/**
 * Brute force and floods (issue 8): failed sign-ins are limited per account and per IP with a
 * growing delay, and the whole API is limited per IP, with 429, TOO_MANY_REQUESTS and
 * Retry-After. The limits are off in other suites (NODE_ENV=test defaults); these apps turn them
 * on. TRUST_PROXY=loopback lets each test play several clients through X-Forwarded-For.
 */

interface Reply {
  status: number;
  retryAfterHeader: string | undefined;
  data: Record<string, unknown> | null;
  errors?: { extensions: { code: string; reason?: string; retryAfter?: number } }[];
}

let nextIp = 1;
/** A client address of its own for each test, so the tests do not share per-IP counts. */
const anIp = (): string => `203.0.113.${nextIp++}`;

async function post(
  t: TestApp,
  ip: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<Reply> {
  let request = t
    .http()
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('x-forwarded-for', ip);
  if (token) request = request.set('authorization', `Bearer ${token}`);
  const res = await request.send({ query, variables });
  const body = res.body as Pick<Reply, 'data' | 'errors'>;
  return {
    status: res.status,
    retryAfterHeader: res.headers['retry-after'],
    data: body.data ?? null,
    errors: body.errors,
  };
}

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
const login = (t: TestApp, ip: string, email: string, password: string): Promise<Reply> =>
  post(t, ip, LOGIN, { input: { email, password } });

/** What a client can tell apart: the code, the reason and the wait. */
const outcome = (r: Reply): string =>
  r.errors
    ? `${r.errors[0].extensions.reason ?? r.errors[0].extensions.code}${
        r.errors[0].extensions.retryAfter === undefined
          ? ''
          : ` after ${r.errors[0].extensions.retryAfter}`
      }`
    : 'signed in';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function expectRateLimited(r: Reply): number {
  expect(r.errors?.[0].extensions).toMatchObject({
    code: 'TOO_MANY_REQUESTS',
    reason: 'RATE_LIMITED',
  });
  const retryAfter = r.errors?.[0].extensions.retryAfter ?? 0;
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(r.status).toBe(429);
  expect(r.retryAfterHeader).toBe(String(retryAfter));
  expect(r.data?.login ?? null).toBeNull();
  return retryAfter;
}

describe('sign-in limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'loopback',
      LOGIN_FAILURES_PER_HOUR: '100',
      LOGIN_FAILURES_PER_IP_PER_HOUR: '12',
    });
  });
  afterAll(() => t.close());

  let user: BuiltUser;
  beforeEach(async () => {
    user = await aUser().build(t.dataSource);
  });

  it('slows 150 wrong passwords down and refuses the right one straight after', async () => {
    const ip = anIp();
    const started = Date.now();
    const replies: Reply[] = [];
    for (let i = 0; i < 150; i++) replies.push(await login(t, ip, user.email, `wrong-${i}`));
    const seconds = (Date.now() - started) / 1000;
    // Five guesses get an answer at once; after that one more only each time the wait (1 s, 2 s,
    // 4 s...) has passed: k more answers take 2^k - 1 seconds. The rest are refused before any
    // password hash is computed.
    expect(replies.slice(0, 5).map(outcome)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    const answered = replies.filter((r) => outcome(r) === 'INVALID_CREDENTIALS').length;
    expect(answered).toBeLessThanOrEqual(5 + Math.floor(Math.log2(seconds + 1)) + 1);
    for (const r of replies.slice(5)) {
      if (outcome(r) !== 'INVALID_CREDENTIALS') expectRateLimited(r);
    }

    expectRateLimited(await login(t, ip, user.email, user.password));
    // Another IP does not help: the account itself waits.
    expectRateLimited(await login(t, anIp(), user.email.toUpperCase(), user.password));
  });

  it('makes each further failure wait longer, and the right password works once the wait is over', async () => {
    const ip = anIp();
    for (let i = 0; i < 5; i++) await login(t, ip, user.email, 'wrong');
    expect(expectRateLimited(await login(t, ip, user.email, user.password))).toBe(1);
    await sleep(1100);
    expect(outcome(await login(t, ip, user.email, 'wrong'))).toBe('INVALID_CREDENTIALS');
    expect(expectRateLimited(await login(t, ip, user.email, 'wrong'))).toBe(2);
    await sleep(2100);
    expect(outcome(await login(t, ip, user.email, user.password))).toBe('signed in');
    // A successful sign-in clears the count: four more mistakes are answered, not delayed.
    const after: string[] = [];
    for (let i = 0; i < 4; i++) after.push(outcome(await login(t, ip, user.email, 'wrong')));
    expect(after).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
    expect(outcome(await login(t, ip, user.email, user.password))).toBe('signed in');
  });

  it('answers an unknown email exactly as a known one', async () => {
    const known: string[] = [];
    const unknown: string[] = [];
    const ip = anIp();
    for (let i = 0; i < 7; i++) known.push(outcome(await login(t, ip, user.email, 'wrong')));
    const other = anIp();
    for (let i = 0; i < 7; i++) {
      unknown.push(outcome(await login(t, other, `nobody-${user.id}@test.jobbro.dk`, 'wrong')));
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toBe('RATE_LIMITED after 1');
  });

  it('limits failures from one IP over many accounts, and only that IP', async () => {
    const ip = anIp();
    const replies: string[] = [];
    for (let i = 0; i < 12; i++) {
      replies.push(outcome(await login(t, ip, `stuffed-${i}-${user.id}@test.jobbro.dk`, 'guess')));
    }
    expect(replies).toEqual(Array(12).fill('INVALID_CREDENTIALS'));
    const refused = await login(t, ip, user.email, user.password);
    expect(expectRateLimited(refused)).toBeGreaterThan(3500);
    expect(outcome(await login(t, anIp(), user.email, user.password))).toBe('signed in');
  });

  it('counts parallel guesses one by one', async () => {
    const ip = anIp();
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(t, ip, user.email, `parallel-${i}`)),
    );
    const answered = replies.filter((r) => outcome(r) === 'INVALID_CREDENTIALS');
    expect(answered.length).toBeLessThanOrEqual(5);
    expect(replies.length - answered.length).toBeGreaterThanOrEqual(7);
  });

  it('stores neither emails nor IPs', async () => {
    await login(t, '198.51.100.77', user.email, 'wrong');
    const rows = await t.dataSource.query<{ row: string }[]>(
      `SELECT row_to_json(a)::text AS row FROM sign_in_attempt a`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const text = rows.map((r) => r.row).join('\n');
    expect(text).not.toContain(user.email);
    expect(text).not.toContain('198.51.100.77');
  });
});

describe('the general per-IP rate limit', () => {
  const LIMIT = 10;
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'loopback', RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    const user = await aUser().build(t.dataSource);
    const signedIn = await login(t, anIp(), user.email, user.password);
    token = (signedIn.data?.login as { accessToken: string }).accessToken;
  });
  afterAll(() => t.close());

  /** Counts are per clock minute: start each test where the minute cannot roll over under it. */
  beforeEach(async () => {
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await sleep(60_000 - intoMinute + 50);
  });

  const ME = `{ me { id } }`;

  it('answers 429 with Retry-After once an IP has sent its limit, signed in or not', async () => {
    const ip = anIp();
    for (let i = 0; i < LIMIT; i++) {
      expect((await post(t, ip, ME, {}, token)).errors).toBeUndefined();
    }
    const refused = await post(t, ip, ME, {}, token);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'RATE_LIMITED',
    });
    const retryAfter = refused.errors?.[0].extensions.retryAfter ?? 0;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.retryAfterHeader).toBe(String(retryAfter));
    // Refused before the token is looked at: an anonymous flood is stopped the same way.
    expect((await post(t, ip, ME)).errors?.[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    // Another client is not affected.
    expect((await post(t, anIp(), ME, {}, token)).errors).toBeUndefined();
  });

  it('counts a GraphQL request once, however many root fields it has', async () => {
    const ip = anIp();
    const three = `{ a: me { id } b: me { id } c: jobCentres { id } }`;
    for (let i = 0; i < LIMIT; i++) {
      expect((await post(t, ip, three, {}, token)).errors).toBeUndefined();
    }
    expect((await post(t, ip, three, {}, token)).status).toBe(429);
  });

  it('counts requests that reach no resolver: __typename, introspection, parse errors', async () => {
    const ip = anIp();
    const kinds = ['{ __typename }', '{ __schema { queryType { name } } }', '{ not graphql'];
    for (let i = 0; i < LIMIT; i++) await post(t, ip, kinds[i % kinds.length]);
    for (const query of kinds) {
      const refused = await post(t, ip, query);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    }
  });

  it('limits REST routes too, but never /health', async () => {
    const ip = anIp();
    for (let i = 0; i < LIMIT; i++) await post(t, ip, ME, {}, token);
    const pdf = await t
      .http()
      .get('/me/plan.pdf')
      .set('x-forwarded-for', ip)
      .set('authorization', `Bearer ${token}`);
    expect(pdf.status).toBe(429);
    expect(pdf.headers['retry-after']).toMatch(/^\d+$/);
    expect(
      (pdf.body as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('TOO_MANY_REQUESTS');
    for (let i = 0; i < 3; i++) {
      expect((await t.http().get('/health').set('x-forwarded-for', ip)).status).toBe(200);
    }
  });

  it('counts the hits of every API process (shared in PostgreSQL)', async () => {
    const ip = anIp();
    // A second API process on the same database, with the same secret.
    const other = new PgThrottlerStorage(t.app.get(RateLimitRepository));
    const key = t.app.get(RateLimitKeys).of('throttle:api', ip);
    for (let i = 0; i < LIMIT; i++) await other.increment(key, 60_000, LIMIT, 60_000, 'api');
    await other.onModuleDestroy();

    // This process has not seen the client yet; its next flush brings the other's hits in.
    expect((await post(t, ip, ME, {}, token)).errors).toBeUndefined();
    await sleep(600);
    expect((await post(t, ip, ME, {}, token)).status).toBe(429);
  });

  it('stores no IPs', async () => {
    await post(t, '198.51.100.88', ME, {}, token);
    await sleep(600);
    const rows = await t.dataSource.query<{ row: string }[]>(
      `SELECT row_to_json(h)::text AS row FROM rate_limit_hit h`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.row).join('\n')).not.toContain('198.51.100.88');
  });
});

describe('sign-up requests', () => {
  const PER_HOUR = 3;
  let t: TestApp;
  let known: BuiltUser;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'loopback', SIGN_UP_MAILS_PER_HOUR: String(PER_HOUR) });
    known = await aUser().build(t.dataSource);
  });
  afterAll(() => t.close());

  const SIGN_UP = `mutation($input: SignUpEmployerInput!) { signUpEmployer(input: $input) { message } }`;
  const signUp = (ip: string, email: string): Promise<Reply> =>
    post(t, ip, SIGN_UP, {
      input: { email, password: 'en-lang-adgangskode', displayName: 'Ny Arbejdsgiver' },
    });
  /** Mails queued (sealed rows: the address cannot be read back, so all are counted). */
  const mails = async (): Promise<number> => {
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'mail.requested'`,
    );
    return n;
  };

  it('mails one address at most SIGN_UP_MAILS_PER_HOUR times, known or not, then says when to retry', async () => {
    const before = await mails();
    for (const email of ['ny-adresse@firma.dk', known.email]) {
      const answers: string[] = [];
      for (let i = 0; i <= PER_HOUR; i++) answers.push(outcome(await signUp(anIp(), email)));
      // From a new IP each time: the address itself is limited.
      expect(answers.slice(0, PER_HOUR).every((a) => a === 'signed in')).toBe(true);
      expect(answers[PER_HOUR]).toMatch(/^RATE_LIMITED after \d+$/);
    }
    const refused = await signUp(anIp(), known.email);
    expect(expectRateLimited(refused)).toBeGreaterThan(3000);
    expect((await mails()) - before).toBe(2 * PER_HOUR);
    // Another address is not affected.
    expect(outcome(await signUp(anIp(), 'en-anden@firma.dk'))).toBe('signed in');
  });
});
