import { aUser, createTestApp, type TestApp } from '@jobbro/testing';
import { runInNewContext } from 'node:vm';
import type supertest from 'supertest';

/**
 * Development's query page at GET /graphql works offline: the page, its script and its style all
 * come from the API's own origin, its CSP allows nothing else, and the script really runs a query.
 * Production serves no page there.
 */
describe('GraphQL query page (development only)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const page = () => t.http().get('/graphql').set('accept', 'text/html,application/xhtml+xml');

  it('serves a page whose scripts, styles and requests all stay on this origin', async () => {
    const res = await page().expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.text;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      // No inline code, and every src a path on this origin (not //host or https://...).
      expect(body.trim()).toBe('');
      expect(attributes).toMatch(/\bsrc="\/(?!\/)[^"]*"/);
    }
    for (const [, href] of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
      expect(href).toMatch(/^\/(?!\/)/);
    }
    expect(html).not.toMatch(/https?:\/\//);

    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(res.headers['x-frame-options']).toBe('DENY');

    for (const [, src] of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
      const asset = await t.http().get(src).expect(200);
      expect(asset.text.length).toBeGreaterThan(100);
      expect(asset.text).not.toMatch(/https?:\/\//);
    }
  });

  it('leaves GraphQL over GET and POST to Apollo', async () => {
    await t
      .http()
      .get('/graphql')
      .query({ query: '{ __typename }' })
      .set('apollo-require-preflight', 'true')
      .expect(200, { data: { __typename: 'Query' } });
    // A client that does not ask for HTML gets Apollo's answer, not the page.
    const json = await t.http().get('/graphql').set('accept', 'application/json');
    expect(json.headers['content-type']).not.toMatch(/html/);
    await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' })
      .expect(200, { data: { __typename: 'Query' } });
  });

  it("runs the page's script: signs in, keeps the token, and shows the reply", async () => {
    const html = (await page()).text;
    const script = (await t.http().get('/graphql/sandbox.js')).text;
    const run = runSandbox(html, script, t.http);
    run.set('query', '{ __typename }');
    await run.click('run');
    expect(run.text('status')).toBe('HTTP 200');
    expect(JSON.parse(run.text('result'))).toEqual({ data: { __typename: 'Query' } });

    // A failed sign-in leaves the token field empty; a successful one fills it in, and the next
    // query carries it.
    const user = await aUser().build(t.dataSource);
    const login = (password: string) =>
      `mutation { login(input: { email: "${user.email}", password: "${password}" }) { accessToken } }`;
    run.set('query', login('wrong-password-1'));
    await run.click('run');
    expect(run.text('result')).toContain('"errors"');
    expect(run.get('token')).toBe('');
    run.set('query', login(user.password));
    await run.click('run');
    expect(run.get('token')).toMatch(/^ey/);
    run.set('query', '{ me { email } }');
    await run.click('run');
    expect(JSON.parse(run.text('result'))).toEqual({ data: { me: { email: user.email } } });

    await run.click('schema');
    expect(run.text('result')).toMatch(/^type Query \{/m);
    expect(run.text('result')).toMatch(/^type Mutation \{/m);
    expect(run.text('result')).toMatch(/^\s+login\(input: LoginInput!\): AuthPayload!$/m);
  });

  it('is not served in production: GET /graphql is refused and nothing allows scripts', async () => {
    const production = await createTestApp({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      CPR_ENCRYPTION_KEY: 'a'.repeat(64),
      SMTP_URL: 'smtp://127.0.0.1:9',
      MAIL_FROM: 'Jobbro <no-reply@example.dk>',
    });
    try {
      const res = await production.http().get('/graphql').set('accept', 'text/html');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-type'] ?? '').not.toMatch(/html/);
      expect(res.text).not.toMatch(/<script/i);
      expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
      expect(String(res.headers['content-security-policy'])).not.toContain('script-src');
      for (const asset of ['/graphql/sandbox.js', '/graphql/sandbox.css']) {
        const a = await production.http().get(asset);
        expect(a.status).toBeGreaterThanOrEqual(400);
        expect(a.headers['content-type'] ?? '').not.toMatch(/javascript|css/);
      }
    } finally {
      await production.close();
    }
  });
});

interface Element {
  value: string;
  textContent: string;
  content?: { textContent: string };
  addEventListener: (type: string, handler: () => void) => void;
}

/**
 * Runs the page's script with just the browser parts it uses: elements by id, a template, click
 * handlers and a fetch that goes to the real API (same origin: only paths are accepted).
 */
function runSandbox(html: string, script: string, http: () => supertest.Agent) {
  const elements = new Map<string, Element>();
  const handlers = new Map<string, () => void>();
  const pending: Promise<unknown>[] = [];
  for (const [, tag, id] of html.matchAll(/<(\w+)[^>]*\bid="([^"]+)"/g)) {
    const initial = new RegExp(`id="${id}"[^>]*>([^<]*)</${tag}>`).exec(html)?.[1] ?? '';
    const value = tag === 'select' ? 'da' : tag === 'textarea' ? initial : '';
    const element: Element = {
      value,
      textContent: '',
      addEventListener: (_type, handler) => handlers.set(id, handler),
    };
    if (tag === 'template') {
      const text = new RegExp(`<template id="${id}">([\\s\\S]*?)</template>`).exec(html)?.[1] ?? '';
      element.content = { textContent: text.replace(/&lt;/g, '<').replace(/&amp;/g, '&') };
    }
    elements.set(id, element);
  }
  const fetch = (url: string, init: { headers: Record<string, string>; body: string }) => {
    if (!url.startsWith('/') || url.startsWith('//')) throw new Error(`fetch to ${url}`);
    const request = http().post(url).set(init.headers).send(init.body);
    const done = request.then((res) => ({
      status: res.status,
      text: () => Promise.resolve(res.text),
    }));
    pending.push(done);
    return done;
  };
  const document = {
    getElementById: (id: string) => elements.get(id),
    addEventListener: () => undefined,
  };
  runInNewContext(script, { document, fetch, JSON });
  const settle = async () => {
    while (pending.length > 0) await pending.shift();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    set: (id: string, value: string) => void (elements.get(id)!.value = value),
    get: (id: string) => elements.get(id)!.value,
    text: (id: string) => elements.get(id)!.textContent,
    click: async (id: string) => {
      handlers.get(id)!();
      await settle();
    },
  };
}
