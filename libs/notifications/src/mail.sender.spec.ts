import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@jobbro/core';
import { MailSender, mailDestination } from './mail.sender';

describe('mail sender without SMTP_URL', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'jobbro-mail-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('catches each message over SMTP as an .eml file under DATA_DIR/mail in development', async () => {
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
    expect(mailDestination(config)).toBe(`caught locally: .eml files in ${join(dataDir, 'mail')}`);
    const sender = new MailSender(config);
    try {
      await sender.send('11111111-1111-4111-8111-111111111111', 'a@b.dk', {
        subject: 'Hej',
        text: 'Brødtekst',
        html: '<p>Brødtekst</p>',
      });
    } finally {
      await sender.onApplicationShutdown();
    }
    const files = readdirSync(join(dataDir, 'mail'));
    expect(files).toEqual([expect.stringMatching(/-11111111-1111-4111-8111-111111111111\.eml$/)]);
    const raw = readFileSync(join(dataDir, 'mail', files[0]), 'utf8');
    expect(raw).toMatch(/^To: a@b\.dk\r?$/m);
    expect(raw).toMatch(/^Message-ID: <11111111-1111-4111-8111-111111111111@jobbro>\r?$/m);
  });

  it('refuses an address that is not one, for good (no retry can cure it)', async () => {
    const sender = new MailSender(loadConfig({ NODE_ENV: 'test' }));
    await expect(
      sender.send('id', 'a@b.dk\r\nBcc: x@evil.test', { subject: 's', text: 't' }),
    ).rejects.toMatchObject({ permanent: true });
  });

  it('refuses to start in production without SMTP_URL and MAIL_FROM', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        JWT_SECRET: 'x'.repeat(32),
        CPR_ENCRYPTION_KEY: 'a'.repeat(64),
        DATABASE_URL: 'postgres://localhost/none',
      }),
    ).toThrow(/SMTP_URL is required when NODE_ENV=production[\s\S]*MAIL_FROM is required/);
  });

  it('names the SMTP server without its credentials', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      SMTP_URL: 'smtps://user:secret@mail.example.dk:465',
    });
    expect(mailDestination(config)).toBe('SMTP smtps://mail.example.dk:465');
  });
});
