import { createTestApp, type TestApp } from '@jobbro/testing';
import type { Response } from 'supertest';

/** Browser-facing hygiene: CORS only for configured origins, security headers, no X-Powered-By. */
describe('HTTP headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const graphql = () =>
    t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });

  function expectLockedDown(res: Response): void {
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  }

  it('locks down JSON responses, refusals and health', async () => {
    expectLockedDown(await graphql());
    expectLockedDown(await t.http().get('/health'));
    expectLockedDown(await t.http().post('/graphql').set('content-type', 'text/plain').send('x'));
    // An API path with no route (other paths are the portal's, see portal-serving.e2e-spec.ts).
    expectLockedDown(await t.http().get('/auth/no-such-page'));
  });

  it('lets the query page at GET /graphql load only its own script, outside production', async () => {
    // See test/graphql-sandbox.e2e-spec.ts: the page works offline; no CDN, no inline script.
    const res = await t.http().get('/graphql').set('accept', 'text/html');
    expect(res.status).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers CORS only for the portal and the API itself by default', async () => {
    for (const origin of ['http://localhost:5173', 'http://localhost:3000']) {
      const preflight = await t
        .http()
        .options('/graphql')
        .set('origin', origin)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'content-type,authorization');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    }
    for (const origin of ['https://evil.example', 'null', 'http://localhost:5174']) {
      const preflight = await t
        .http()
        .options('/graphql')
        .set('origin', origin)
        .set('access-control-request-method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const res = await graphql().set('origin', origin);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('answers CORS only for CORS_ORIGINS when set', async () => {
    const configured = await createTestApp({ CORS_ORIGINS: 'https://portal.kk.dk' });
    try {
      const ask = (origin: string) =>
        configured
          .http()
          .options('/graphql')
          .set('origin', origin)
          .set('access-control-request-method', 'POST');
      expect((await ask('https://portal.kk.dk')).headers['access-control-allow-origin']).toBe(
        'https://portal.kk.dk',
      );
      expect(
        (await ask('http://localhost:5173')).headers['access-control-allow-origin'],
      ).toBeUndefined();
    } finally {
      await configured.close();
    }
  });
});
