import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '@jobbro/testing';
import type { Response } from 'supertest';

const INDEX =
  '<!doctype html><html lang="da"><head><title>Jobbro</title></head><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>';
const SCRIPT = 'console.log("portal");';
/** Over compression's 1 kB threshold. */
const BIG_SCRIPT = `console.log(${JSON.stringify('Jobbro '.repeat(400))});`;
const PORTAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
  "form-action 'self'; frame-ancestors 'none'";

/**
 * The API serves the portal's build from PORTAL_DIR at `/`, on its own origin and port: the files
 * as they are (hashed assets cached for good, the index revalidated), the index for every other
 * GET so deep links work, with the portal's own CSP; the API's paths keep their own answers.
 */
describe('serving the portal', () => {
  let t: TestApp;
  let portalDir: string;

  beforeAll(async () => {
    portalDir = mkdtempSync(join(tmpdir(), 'jobbro-portal-'));
    mkdirSync(join(portalDir, 'assets'));
    writeFileSync(join(portalDir, 'index.html'), INDEX);
    writeFileSync(join(portalDir, 'assets', 'index-abc123.js'), SCRIPT);
    writeFileSync(join(portalDir, 'assets', 'big-abc123.js'), BIG_SCRIPT);
    writeFileSync(join(portalDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(portalDir, '.secret'), 'not for anyone');
    t = await createTestApp({ PORTAL_DIR: portalDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(portalDir, { recursive: true, force: true });
  });

  function expectIndex(res: Response): void {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(PORTAL_CSP);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.text).toBe(INDEX);
  }

  it('answers / and every deep link with the index and the portal’s CSP', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/borgere/123',
      '/borgere/123/',
      '/log-ind/link',
      '/invitation',
      '/tilmelding/bekraeft',
      '/virksomhed/pladser/ny?fane=2',
      '/%C3%A6bler',
      '/.secret',
      '/assets',
    ])
      expectIndex(await t.http().get(path));
    const head = await t.http().head('/borgere/123');
    expect(head.status).toBe(200);
    expect(head.headers['content-security-policy']).toBe(PORTAL_CSP);
  });

  it('serves hashed assets as immutable and other files revalidated', async () => {
    const script = await t.http().get('/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-security-policy']).toBe(PORTAL_CSP);
    expect(script.text).toBe(SCRIPT);
    const icon = await t.http().get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    // A missing hashed file (a page from before a deploy) is a 404, never the index as a script.
    const missing = await t.http().get('/assets/index-old.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/json/);
  });

  it('compresses the portal’s files, never the API’s answers', async () => {
    const big = await t.http().get('/assets/big-abc123.js').set('accept-encoding', 'gzip');
    expect(big.status).toBe(200);
    expect(big.headers['content-encoding']).toBe('gzip');
    expect(big.text).toBe(BIG_SCRIPT);
    // A GraphQL reply may carry a token next to what the client sent (BREACH): never compressed.
    const api = await t
      .http()
      .post('/graphql')
      .set('accept-encoding', 'gzip')
      .send({ query: `{ __typename ${'a: __typename '.repeat(50)}}` });
    expect(api.headers['content-encoding']).toBeUndefined();
  });

  it('never hands out a file outside its folder', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
    ]) {
      const res = await t.http().get(path);
      expect(res.text).not.toContain('"name": "jobbro"');
    }
  });

  it('leaves the API’s paths to the API', async () => {
    const health = await t.http().get('/health');
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toMatch(/json/);
    expect(String(health.headers['content-security-policy'])).toContain("default-src 'none'");

    // The development query page (tests run outside production), with its own CSP.
    const sandbox = await t.http().get('/graphql').set('accept', 'text/html');
    expect(sandbox.status).toBe(200);
    expect(sandbox.text).toContain('Jobbro GraphQL');
    expect(sandbox.headers['content-security-policy']).not.toBe(PORTAL_CSP);
    const graphql = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(graphql.body).toEqual({ data: { __typename: 'Query' } });

    // Routes that need a token refuse without one, never the index.
    for (const path of [
      '/me/plan.pdf',
      '/citizens/0b5c6f4e-1111-4222-8333-444455556666/plan.pdf',
      '/ME/PLAN.PDF',
    ]) {
      const res = await t.http().get(path);
      expect(res.status).toBe(401);
      expect(res.text).not.toBe(INDEX);
    }
    // No such API route: the API's 404, not the index (also for /dev/mail outside development).
    for (const path of ['/auth/session/refresh', '/auth/unknown', '/dev/mail', '/health/nothing']) {
      const res = await t.http().get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
    }
  });

  it('keeps the API’s 404 for other methods on portal paths', async () => {
    for (const res of [
      await t.http().post('/borgere/123').send({}),
      await t.http().put('/').send({}),
      await t.http().delete('/assets/index-abc123.js'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
    }
  });

  it('answers 503 with the build command when the portal is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'jobbro-no-portal-'));
    const unbuilt = await createTestApp({ PORTAL_DIR: join(empty, 'missing') });
    try {
      for (const path of ['/', '/borgere/123']) {
        const res = await unbuilt.http().get(path);
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.text).toContain('npm run portal:build');
        expect(res.text).not.toMatch(/Error|at .*\(|node_modules|jobbro-no-portal/);
        // Nothing to run on it: the API's deny-all policy stays.
        expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
      }
      expect((await unbuilt.http().get('/health')).status).toBe(200);
    } finally {
      await unbuilt.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
