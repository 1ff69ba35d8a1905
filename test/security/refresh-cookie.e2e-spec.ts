import { Writable } from 'node:stream';
import { REFRESH_COOKIE, refreshCookieOptions } from '@jobbro/auth';
import { loadConfig } from '@jobbro/core';
import {
  Api,
  aUser,
  type BuiltUser,
  createTestApp,
  failure,
  ok,
  type TestApp,
} from '@jobbro/testing';
import type { Response } from 'supertest';

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { accessToken refreshToken expiresIn user { id } } }`;
const REFRESH_TOKEN = `mutation($input: RefreshTokenInput!) {
  refreshToken(input: $input) { accessToken refreshToken } }`;
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(40),
  CPR_ENCRYPTION_KEY: 'a'.repeat(64),
  SMTP_URL: 'smtp://127.0.0.1:9',
  MAIL_FROM: 'Jobbro <no-reply@example.dk>',
};

interface Cookie {
  value: string;
  attributes: string[];
  raw: string;
}

/** The refresh cookie a response sets (or clears), with its attributes as written. */
function refreshCookieIn(res: Response): Cookie | undefined {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  const raw = header?.find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  if (!raw) return undefined;
  const [pair, ...attributes] = raw.split(/;\s*/);
  return { value: pair.slice(REFRESH_COOKIE.length + 1), attributes, raw };
}

/**
 * The portal's refresh token lives in an HttpOnly cookie that page JavaScript never sees: every
 * sign-in mutation sets it for a request marked `X-Jobbro-Client: portal` and answers
 * `refreshToken: null`; POST /auth/session/refresh rotates it (with the reuse rule of refresh
 * tokens), POST /auth/session/logout ends its session. Other clients keep the token in the reply.
 */
describe('the refresh cookie', () => {
  let t: TestApp;
  let anonymous: Api;
  const lines: string[] = [];

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, callback): void {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    });
    t = await createTestApp({ LOG_LEVEL: 'trace' }, { logStream });
    anonymous = new Api(t.http);
  });
  afterAll(() => t.close());

  const post = (query: string, variables: object, portal = true) => {
    const req = t.http().post('/graphql').set('content-type', 'application/json');
    return (portal ? req.set('x-jobbro-client', 'portal') : req).send({ query, variables });
  };
  const loginAsPortal = (user: BuiltUser) =>
    post(LOGIN, { input: { email: user.email, password: user.password } });
  const session = (route: 'refresh' | 'logout', cookie?: string, portal = true) => {
    let req = t.http().post(`/auth/session/${route}`);
    if (portal) req = req.set('x-jobbro-client', 'portal');
    if (cookie !== undefined) req = req.set('cookie', `${REFRESH_COOKIE}=${cookie}`);
    return req;
  };
  const meAs = (token: string) => anonymous.as(token).me();

  /** Signs in as the portal does: the access token from the reply, the refresh token from the cookie. */
  async function portalSignIn(user: BuiltUser): Promise<{ accessToken: string; cookie: string }> {
    const res = await loginAsPortal(user);
    const body = res.body as { data: { login: { accessToken: string } } };
    return { accessToken: body.data.login.accessToken, cookie: refreshCookieIn(res)!.value };
  }

  function expectRefused(res: Response, status: number, code: string, reason: string): void {
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code, reason } }],
    });
  }

  it('sets the cookie on a portal sign-in and keeps the refresh token out of the reply', async () => {
    const user = await aUser().build(t.dataSource);
    const res = await loginAsPortal(user);
    expect(res.status).toBe(200);
    const login = (res.body as { data: { login: Record<string, unknown> } }).data.login;
    expect(login).toMatchObject({ refreshToken: null, expiresIn: 900, user: { id: user.id } });
    expect(ok(await meAs(login.accessToken as string)).me.id).toBe(user.id);

    const cookie = refreshCookieIn(res)!;
    expect(cookie.value).toMatch(/^[\w-]{43}$/);
    expect(cookie.attributes).toEqual(
      expect.arrayContaining([
        'Max-Age=2592000',
        'Path=/auth/session',
        'HttpOnly',
        'SameSite=Strict',
      ]),
    );
    // Plain HTTP in development and tests.
    expect(cookie.attributes).not.toContain('Secure');
    // The cookie is the real refresh token: the refresh route takes it.
    expect((await session('refresh', cookie.value)).status).toBe(200);
  });

  it('answers other clients as before: the token in the reply, no cookie', async () => {
    const user = await aUser().build(t.dataSource);
    const res = await post(LOGIN, { input: { email: user.email, password: user.password } }, false);
    const login = (res.body as { data: { login: { refreshToken: string } } }).data.login;
    expect(login.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(res.headers['set-cookie']).toBeUndefined();
    // The same holds for the refreshToken mutation; with the header it moves the new token too.
    const plain = await post(REFRESH_TOKEN, { input: { refreshToken: login.refreshToken } }, false);
    const next = (plain.body as { data: { refreshToken: { refreshToken: string } } }).data
      .refreshToken.refreshToken;
    expect(next).toMatch(/^[\w-]{43}$/);
    expect(plain.headers['set-cookie']).toBeUndefined();
    const portal = await post(REFRESH_TOKEN, { input: { refreshToken: next } });
    expect(
      (portal.body as { data: { refreshToken: { refreshToken: null } } }).data.refreshToken,
    ).toMatchObject({ refreshToken: null });
    expect((await session('refresh', refreshCookieIn(portal)!.value)).status).toBe(200);
  });

  it('covers every mutation that signs someone in (all that answer AuthPayload)', async () => {
    const res = await post(
      `{ __type(name: "Mutation") { fields { name type { name ofType { name } } } } }`,
      {},
    );
    const fields = (
      res.body as {
        data: {
          __type: { fields: { name: string; type: { name: string; ofType?: { name: string } } }[] };
        };
      }
    ).data.__type.fields;
    const signIns = fields
      .filter((f) => (f.type.name ?? f.type.ofType?.name) === 'AuthPayload')
      .map((f) => f.name)
      .sort();
    // The interceptor keys on the return type, so these (and any added later) all set the cookie;
    // login and refreshToken are proved above, the link mutations in their own tests.
    expect(signIns).toEqual([
      'acceptInvitation',
      'confirmEmployerSignUp',
      'login',
      'redeemMagicLink',
      'refreshToken',
    ]);
  });

  it('rotates on refresh: a new access token and cookie; the old cookie then fails and ends the session', async () => {
    const user = await aUser().build(t.dataSource);
    const first = await portalSignIn(user);

    const refreshed = await session('refresh', first.cookie);
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers['cache-control']).toBe('no-store');
    expect(refreshed.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    const accessToken = (refreshed.body as { accessToken: string }).accessToken;
    expect(ok(await meAs(accessToken)).me.id).toBe(user.id);
    const second = refreshCookieIn(refreshed)!;
    expect(second.value).not.toBe(first.cookie);
    expect(second.attributes).toEqual(
      expect.arrayContaining(['Path=/auth/session', 'HttpOnly', 'SameSite=Strict']),
    );

    // The old cookie again (stolen, or replayed): refused, cleared, and the whole session ends.
    const replayed = await session('refresh', first.cookie);
    expectRefused(replayed, 401, 'UNAUTHENTICATED', 'INVALID_REFRESH_TOKEN');
    expect((replayed.body as { errors: { message: string }[] }).errors[0].message).toBe(
      'Din session er udløbet. Log ind igen.',
    );
    const cleared = refreshCookieIn(replayed)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(
      expect.arrayContaining(['Path=/auth/session', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT']),
    );
    expectRefused(
      await session('refresh', second.value),
      401,
      'UNAUTHENTICATED',
      'INVALID_REFRESH_TOKEN',
    );
    expect(failure(await meAs(accessToken)).extensions.code).toBe('UNAUTHENTICATED');
    expect(failure(await meAs(first.accessToken)).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired cookie, and answers without any cookie 401 in the reader’s language', async () => {
    const user = await aUser().build(t.dataSource);
    const { cookie } = await portalSignIn(user);
    await t.dataSource.query(
      `UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    const expired = await session('refresh', cookie);
    expectRefused(expired, 401, 'UNAUTHENTICATED', 'INVALID_REFRESH_TOKEN');
    expect(refreshCookieIn(expired)!.value).toBe('');

    const none = await session('refresh');
    expectRefused(none, 401, 'UNAUTHENTICATED', 'NO_SESSION');
    expect((none.body as { errors: { message: string }[] }).errors[0].message).toBe(
      'Du er ikke logget ind. Log ind for at fortsætte.',
    );
    const english = await session('refresh').set('accept-language', 'en');
    expect((english.body as { errors: { message: string }[] }).errors[0].message).toBe(
      'You are not signed in. Sign in to continue.',
    );
    expectRefused(
      await session('refresh', 'x'.repeat(43)),
      401,
      'UNAUTHENTICATED',
      'INVALID_REFRESH_TOKEN',
    );
  });

  it('refuses both routes without X-Jobbro-Client: portal (403) and leaves the session alone', async () => {
    const user = await aUser().build(t.dataSource);
    const { accessToken, cookie } = await portalSignIn(user);
    for (const route of ['refresh', 'logout'] as const) {
      const refused = await session(route, cookie, false);
      expectRefused(refused, 403, 'FORBIDDEN', 'PORTAL_CLIENT_REQUIRED');
      expect(refused.headers['set-cookie']).toBeUndefined();
      const wrong = await session(route, cookie, false).set('x-jobbro-client', 'other');
      expect(wrong.status).toBe(403);
    }
    expect(ok(await meAs(accessToken)).me.id).toBe(user.id);
    expect((await session('refresh', cookie)).status).toBe(200);
  });

  it('signs out: 204, the cookie cleared, its session ended; without a cookie it just clears', async () => {
    const user = await aUser().build(t.dataSource);
    const { accessToken, cookie } = await portalSignIn(user);
    const other = await portalSignIn(user);
    const out = await session('logout', cookie);
    expect(out.status).toBe(204);
    expect(out.text).toBe('');
    const cleared = refreshCookieIn(out)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(
      expect.arrayContaining([
        'Path=/auth/session',
        'HttpOnly',
        'SameSite=Strict',
        'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
      ]),
    );
    expectRefused(
      await session('refresh', cookie),
      401,
      'UNAUTHENTICATED',
      'INVALID_REFRESH_TOKEN',
    );
    expect(failure(await meAs(accessToken)).extensions.code).toBe('UNAUTHENTICATED');
    // Only that session: the user's other sign-in goes on.
    expect(ok(await meAs(other.accessToken)).me.id).toBe(user.id);
    expect((await session('logout')).status).toBe(204);
    expect((await session('logout', 'unknown')).status).toBe(204);
  });

  it('lets a browser send the header only from an allowed origin (CORS preflight)', async () => {
    const ask = (origin: string) =>
      t
        .http()
        .options('/auth/session/refresh')
        .set('origin', origin)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'x-jobbro-client');
    const allowed = await ask('http://localhost:5173');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(String(allowed.headers['access-control-allow-headers'])).toContain('x-jobbro-client');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    expect(
      (await ask('https://evil.example')).headers['access-control-allow-origin'],
    ).toBeUndefined();
  });

  it('never logs the cookie or the tokens', async () => {
    const user = await aUser().build(t.dataSource);
    const before = lines.length;
    const { accessToken, cookie } = await portalSignIn(user);
    const refreshed = await session('refresh', cookie);
    const next = refreshCookieIn(refreshed)!.value;
    await session('refresh', cookie);
    await session('logout', next);
    const log = lines.slice(before).join('');
    expect(log).toContain('"path":"/auth/session/refresh"');
    for (const secret of [
      cookie,
      next,
      accessToken,
      REFRESH_COOKIE,
      'set-cookie',
      'x-jobbro-client',
    ])
      expect(log).not.toContain(secret);
  });

  it('is Secure in production, and the cookie options say so', async () => {
    expect(refreshCookieOptions(loadConfig({ NODE_ENV: 'development' })).secure).toBe(false);
    expect(refreshCookieOptions(loadConfig({ NODE_ENV: 'test' })).secure).toBe(false);
    expect(refreshCookieOptions(loadConfig(PRODUCTION))).toEqual({
      httpOnly: true,
      sameSite: 'strict',
      path: '/auth/session',
      secure: true,
      maxAge: 30 * 86_400_000,
    });
    const production = await createTestApp(PRODUCTION);
    try {
      const user = await aUser().build(production.dataSource);
      const res = await production
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-jobbro-client', 'portal')
        .send({
          query: LOGIN,
          variables: { input: { email: user.email, password: user.password } },
        });
      expect(refreshCookieIn(res)!.attributes).toEqual(
        expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/auth/session']),
      );
    } finally {
      await production.close();
    }
  });
});
