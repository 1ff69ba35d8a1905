import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxRelay } from '@jobbro/core';
import { createTestApp, enqueueMail, type TestApp } from '@jobbro/testing';

/**
 * Development catches all mail: the sender speaks SMTP to an in-process catcher that keeps each
 * message under DATA_DIR/mail, and GET /dev/mail lists and shows them. Only in development without
 * SMTP_URL (tests set NODE_ENV=development for it), only to a browser on this machine: no proxy
 * in between, a loopback Host (no DNS rebinding). Anywhere else there is no such page.
 */
describe('development mail catcher and /dev/mail', () => {
  let dev: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jobbro-devmail-'));
    dev = await createTestApp({ NODE_ENV: 'development', DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await dev?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps sent mail as .eml files and lists them, newest first, with subject and recipient', async () => {
    await enqueueMail(dev, {
      kind: 'employer-sign-up-existing',
      to: 'first@test.jobbro.dk',
      language: 'da',
      params: { displayName: 'Eva', signInUrl: 'https://jobbro.test/login' },
    });
    await dev.app.get(OutboxRelay).drain();
    await enqueueMail(dev, {
      kind: 'employer-sign-up-confirm',
      to: 'second@test.jobbro.dk',
      language: 'en',
      params: { confirmUrl: 'https://jobbro.test/tilmelding/bekraeft#token=abc', validHours: 24 },
    });
    await dev.app.get(OutboxRelay).drain();
    expect(readdirSync(join(dataDir, 'mail'))).toHaveLength(2);

    const res = await dev.http().get('/dev/mail').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).toContain('Opfanget post');
    const second = res.text.indexOf('Confirm your email address for Jobbro');
    const first = res.text.indexOf('Du har allerede en konto i Jobbro');
    expect(second).toBeGreaterThan(-1);
    expect(first).toBeGreaterThan(second);
    expect(res.text).toContain('second@test.jobbro.dk');
    // A link in the text is clickable; its '=' escaped as the templates escape it (.ci/smoke
    // reads the token from here).
    const confirm = /href="(\/dev\/mail\/[^"]+)"/.exec(res.text)![1];
    const shown = await dev.http().get(confirm).expect(200);
    expect(shown.text).toContain(
      '<a href="https://jobbro.test/tilmelding/bekraeft#token&#x3D;abc" target="_blank"',
    );
  });

  it('shows a message: text with clickable links, HTML only in a sandboxed frame, hostile names escaped', async () => {
    await enqueueMail(dev, {
      kind: 'employer-sign-up-existing',
      to: 'hostile@test.jobbro.dk',
      language: 'da',
      params: {
        displayName: '<script>alert(1)</script><img src=x onerror=alert(2)>',
        signInUrl: 'https://jobbro.test/login',
      },
    });
    await dev.app.get(OutboxRelay).drain();
    const list = await dev.http().get('/dev/mail').expect(200);
    const link = /href="(\/dev\/mail\/[^"]+hostile[^"]*|\/dev\/mail\/[^"]+)"/.exec(list.text)?.[1];
    expect(link).toBeDefined();
    const page = await dev.http().get(link!).expect(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.text).toContain(
      '<a href="https://jobbro.test/login" target="_blank" rel="noopener noreferrer">',
    );
    expect(page.text).toMatch(/<iframe sandbox="allow-popups allow-popups-to-escape-sandbox"/);
    // Nothing of the mail runs on the page: the frame's document is an escaped attribute.
    expect(page.text).not.toMatch(/<script|<img/i);
    expect(page.text).toContain('hostile@test.jobbro.dk');
  });

  it("escapes with the template engine's rule: no quote, backtick or = of a value is left raw", async () => {
    await enqueueMail(dev, {
      kind: 'employer-sign-up-existing',
      to: 'quotes@test.jobbro.dk',
      language: 'da',
      params: {
        displayName: "Eva` onmouseover=alert(1) x='y'",
        signInUrl: 'https://jobbro.test/login',
      },
    });
    await dev.app.get(OutboxRelay).drain();
    const list = await dev.http().get('/dev/mail').expect(200);
    const link = /href="(\/dev\/mail\/[^"]+)"/.exec(list.text)?.[1];
    const page = await dev.http().get(link!).expect(200);
    expect(page.text).toContain('Eva&#x60; onmouseover&#x3D;alert(1) x&#x3D;&#x27;y&#x27;');
    expect(page.text).not.toContain('onmouseover=');
  });

  it('answers only a browser on this machine: a loopback Host, no proxy in between', async () => {
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1:3000', '[::1]:3000', '[::1]'])
      await dev.http().get('/dev/mail').set('Host', host).expect(200);
    // DNS rebinding: a page on another name that resolves to this machine.
    for (const host of ['evil.example', 'evil.example:3000', 'localhost.evil.example', '127.0.0.2'])
      await dev.http().get('/dev/mail').set('Host', host).expect(404);
    // A proxy in front (its TCP peer is loopback, its client is not).
    await dev.http().get('/dev/mail').set('X-Forwarded-For', '203.0.113.7').expect(404);
    await dev.http().get('/dev/mail').set('Forwarded', 'for=203.0.113.7').expect(404);
    const list = await dev.http().get('/dev/mail').expect(200);
    const link = /href="(\/dev\/mail\/[^"]+)"/.exec(list.text)![1];
    await dev.http().get(link).set('Host', 'evil.example').expect(404);
    await dev.http().get(link).set('X-Forwarded-For', '127.0.0.1').expect(404);
  });

  it('does not exist in tests, or in development with a real SMTP server (staging)', async () => {
    for (const env of [
      { DATA_DIR: dataDir } as Record<string, string>,
      { NODE_ENV: 'development', DATA_DIR: dataDir, SMTP_URL: 'smtp://127.0.0.1:9' },
    ]) {
      const other = await createTestApp(env);
      try {
        await other.http().get('/dev/mail').expect(404);
        await other.http().get('/dev/mail/x.eml').expect(404);
      } finally {
        await other.close();
      }
    }
  });

  it('answers 404 for names that are not a caught message', async () => {
    await dev.http().get('/dev/mail/nope.eml').expect(404);
    await dev.http().get('/dev/mail/..%2F..%2Fjwt-secret').expect(404);
    await dev.http().get('/dev/mail/%2e%2e').expect(404);
  });

  it('does not exist in production', async () => {
    const production = await createTestApp({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      CPR_ENCRYPTION_KEY: 'a'.repeat(64),
      SMTP_URL: 'smtp://127.0.0.1:9',
      MAIL_FROM: 'Jobbro <no-reply@example.dk>',
    });
    try {
      await production.http().get('/dev/mail').expect(404);
      await production.http().get('/dev/mail/x.eml').expect(404);
    } finally {
      await production.close();
    }
  });
});
