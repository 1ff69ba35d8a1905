import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@jobbro/core';
import { OutboxRelay } from '@jobbro/core';
import {
  aJobCentre,
  Api,
  aUser,
  createTestApp,
  failure,
  ok,
  redeemMagicLink,
  requestMagicLink,
  type TestApp,
} from '@jobbro/testing';
import { SMTPServer } from 'smtp-server';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** Headers as written, and the body with quoted-printable soft breaks and escapes undone. */
function parse(raw: string): { headers: string; body: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const bodyRaw = raw.slice(split).replace(/^\s+/, '');
  // Quoted-printable in the message's headers or (text and HTML alternatives) in its parts.
  const body = /content-transfer-encoding:\s*quoted-printable/i.test(raw)
    ? Buffer.from(
        bodyRaw
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8')
    : bodyRaw;
  return { headers, body };
}

/** A stand-in for the portal's build: the page the sign-up link opens is the portal's. */
const PORTAL_INDEX = '<!doctype html><html lang="da"><title>Jobbro</title><div id="root"></div>';

/**
 * Finding: "Signing up tells who has an account." signUpEmployer now answers every address the
 * same way, in about the same time, and a mail to the address says what happened: a single-use
 * link to confirm a new address, or "you already have an account" with no link that creates or
 * changes anything. Mail goes through the outbox to a real SMTP server on loopback.
 */
describe('employer sign-up reveals no accounts', () => {
  let t: TestApp;
  let anonymous: Api;
  let smtp: SMTPServer;
  let portalDir: string;
  const received: Received[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    portalDir = mkdtempSync(join(tmpdir(), 'jobbro-portal-'));
    writeFileSync(join(portalDir, 'index.html'), PORTAL_INDEX);
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Jobbro <no-reply@jobbro.test>',
      PUBLIC_URL: 'https://jobbro.test',
      PORTAL_DIR: portalDir,
    });
    anonymous = new Api(t.http);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    rmSync(portalDir, { recursive: true, force: true });
  });

  const deliver = async (): Promise<void> => {
    await t.app.get(OutboxRelay).drain();
  };
  const mailTo = (email: string): { headers: string; body: string }[] =>
    received.filter((m) => m.to.includes(email)).map((m) => parse(m.raw));
  const tokenIn = (body: string): string | undefined => /#token=([\w-]+)/.exec(body)?.[1];
  const input = (email: string) => ({
    email,
    password: 'en-lang-adgangskode',
    displayName: 'Ny Arbejdsgiver',
  });

  it('answers a new address, an employer’s and a staff member’s alike, without tokens', async () => {
    const centre = await aJobCentre(t.dataSource);
    const staff = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    const employer = await aUser().build(t.dataSource);

    const answers = await Promise.all(
      ['ny-1@virksomhed.dk', staff.email, employer.email.toUpperCase()].map(async (email) => {
        const res = await anonymous.signUpEmployer(input(email));
        return { status: res.status, body: { data: res.data, errors: res.errors } };
      }),
    );
    expect(answers[0]).toEqual({
      status: 200,
      body: {
        data: {
          signUpEmployer: {
            message:
              'Tjek din e-mail. Vi har sendt en besked til adressen om, hvordan du kommer videre.',
          },
        },
        errors: undefined,
      },
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const english = await anonymous.inLanguage('en').signUpEmployer(input(staff.email));
    expect(ok(english).signUpEmployer.message).toMatch(/^Check your email/);
  });

  it('takes about as long for a known address as for a new one', async () => {
    const known = await aUser().build(t.dataSource);
    const time = async (email: string): Promise<number> => {
      const start = process.hrtime.bigint();
      ok(await anonymous.signUpEmployer(input(email)));
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const newTimes: number[] = [];
    const knownTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      newTimes.push(await time(`timing-${i}@virksomhed.dk`));
      knownTimes.push(await time(known.email));
    }
    // Both paths hash the password (argon2, tens of ms) and write one outbox row; the new one
    // also writes the sign-up. A known address must not be tellable by a quicker answer.
    const ratio = median(knownTimes) / median(newTimes);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });

  it('mails a new address a single-use link that creates the account and signs it in', async () => {
    const email = 'ny-2@virksomhed.dk';
    ok(await anonymous.signUpEmployer(input(email)));
    await deliver();
    const [mail] = mailTo(email);
    expect(mail.headers).toMatch(/^Subject: =\?UTF-8\?Q\?Bekr=C3=A6ft_din_e-mailadresse/m);
    expect(mail.headers).toMatch(/^From: Jobbro <no-reply@jobbro\.test>/m);
    expect(mail.body).toContain('https://jobbro.test/tilmelding/bekraeft#token=');
    const token = tokenIn(mail.body)!;

    // Not yet an account: signing in fails until the address is confirmed.
    expect(failure(await anonymous.login(email, 'en-lang-adgangskode')).extensions.reason).toBe(
      'INVALID_CREDENTIALS',
    );
    const confirmed = ok(await anonymous.confirmEmployerSignUp(token)).confirmEmployerSignUp;
    expect(confirmed).toMatchObject({
      expiresIn: 900,
      user: { email, displayName: 'Ny Arbejdsgiver', role: 'COMPANY_ADMIN' },
    });
    expect(ok(await anonymous.as(confirmed.accessToken).me()).me.email).toBe(email);
    ok(await anonymous.login(email, 'en-lang-adgangskode'));

    expect(failure(await anonymous.confirmEmployerSignUp(token)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SIGN_UP_TOKEN',
    });
    // Asking again now mails "you already have an account", and creates nothing.
    ok(await anonymous.signUpEmployer({ ...input(email), password: 'en-helt-anden-kode' }));
    await deliver();
    const again = mailTo(email)[1];
    expect(again.body).toContain('du har allerede en');
    expect(tokenIn(again.body)).toBeUndefined();
    ok(await anonymous.login(email, 'en-lang-adgangskode'));
  });

  it('creates an account without a password, which signs in by magic link and never by a password', async () => {
    const email = 'uden-kode@virksomhed.dk';
    ok(await anonymous.signUpEmployer({ email, displayName: 'Uden Kode' }));
    // Sent as null, a password is refused rather than taken as "none".
    expect(
      failure(await anonymous.signUpEmployer({ email, displayName: 'Uden Kode', password: null }))
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
    await deliver();
    const confirmed = ok(
      await anonymous.confirmEmployerSignUp(tokenIn(mailTo(email)[0].body)!),
    ).confirmEmployerSignUp;
    expect(confirmed.user).toMatchObject({ email, role: 'COMPANY_ADMIN' });
    const [{ password_hash }] = await t.dataSource.query(
      `SELECT password_hash FROM app_user WHERE email = $1`,
      [email],
    );
    expect(password_hash).toBeNull();
    for (const guess of ['', 'en-lang-adgangskode'])
      expect(failure(await anonymous.login(email, guess)).extensions.code).toBe(
        guess ? 'UNAUTHENTICATED' : 'BAD_USER_INPUT',
      );

    ok(await requestMagicLink(anonymous, email));
    await deliver();
    const link = mailTo(email).find((m) => m.body.includes('/log-ind/link#token='))!;
    const signedIn = ok(await redeemMagicLink(anonymous, tokenIn(link.body)!)).redeemMagicLink;
    expect(signedIn.user).toMatchObject({ email, role: 'COMPANY_ADMIN' });
  });

  it('opens the link on the portal’s page, which uses nothing up; the portal’s confirmation gets the cookie', async () => {
    const email = 'via-portal@virksomhed.dk';
    ok(await anonymous.signUpEmployer(input(email)));
    await deliver();
    const token = tokenIn(mailTo(email)[0].body)!;
    // The token is in the link's fragment: the page is the portal's, the same for every link.
    const page = await t.http().get('/tilmelding/bekraeft');
    expect(page.status).toBe(200);
    expect(page.text).toBe(PORTAL_INDEX);

    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-jobbro-client', 'portal')
      .send({
        query: `mutation($input: ConfirmEmployerSignUpInput!) { confirmEmployerSignUp(input: $input) {
          accessToken refreshToken user { email role } } }`,
        variables: { input: { token } },
      });
    expect(res.body.data.confirmEmployerSignUp).toMatchObject({
      refreshToken: null,
      user: { email, role: 'COMPANY_ADMIN' },
    });
    expect(String(res.headers['set-cookie'])).toMatch(/^jobbro_refresh=[\w-]{43}; .*HttpOnly/);
    // Used once: the link now fails, with a message that says what to do.
    expect(failure(await anonymous.confirmEmployerSignUp(token)).message).toBe(
      'Linket er ugyldigt, udløbet eller allerede brugt. Tilmeld dig igen, eller log ind, hvis du allerede har en konto.',
    );
  });

  it('mails an existing account "you already have one", with no link that changes anything', async () => {
    const staff = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre((await aJobCentre(t.dataSource)).id)
      .named('Eva\r\nBcc: victim@evil.test\u202Eknil')
      .build(t.dataSource);
    ok(await anonymous.signUpEmployer(input(staff.email)));
    await deliver();
    const messages = received.filter((m) => m.to.includes(staff.email));
    expect(messages).toHaveLength(1);
    expect(messages[0].to).toEqual([staff.email]);
    const { headers, body } = parse(messages[0].raw);
    expect(headers).not.toMatch(/victim|^Bcc/im);
    expect(body).toContain('Hej Eva Bcc: victim@evil.test knil');
    expect(body).toContain('Log ind her: https://jobbro.test');
    expect(body).not.toContain('#token=');
    expect(
      await t.dataSource.query(`SELECT 1 FROM employer_sign_up WHERE email = $1`, [staff.email]),
    ).toEqual([]);
  });

  it('keeps the address, name and token out of the outbox row', async () => {
    const email = 'hemmelig@virksomhed.dk';
    ok(await anonymous.signUpEmployer(input(email)));
    const [row] = await t.dataSource.query<{ payload: object }[]>(
      `SELECT payload FROM outbox_event WHERE type = 'mail.requested' ORDER BY id DESC LIMIT 1`,
    );
    const stored = JSON.stringify(row.payload);
    expect(stored).toContain('employer-sign-up-confirm');
    expect(stored).not.toMatch(/hemmelig|Arbejdsgiver|token/);
    await deliver();
    const token = tokenIn(mailTo(email)[0].body)!;
    const [signUp] = await t.dataSource.query<{ tokenHash: string }[]>(
      `SELECT token_hash AS "tokenHash" FROM employer_sign_up WHERE email = $1`,
      [email],
    );
    expect(signUp.tokenHash).not.toContain(token);
  });

  it('refuses an expired, unknown or superseded link', async () => {
    const email = 'sent-to-late@virksomhed.dk';
    ok(await anonymous.signUpEmployer(input(email)));
    ok(await anonymous.signUpEmployer(input(email)));
    await deliver();
    const [first, second] = mailTo(email).map((m) => tokenIn(m.body)!);
    expect(first).not.toBe(second);

    await t.dataSource.query(
      `UPDATE employer_sign_up SET expires_at = now() - interval '1 second' WHERE email = $1 AND created_at = (SELECT min(created_at) FROM employer_sign_up WHERE email = $1)`,
      [email],
    );
    const reason = async (token: string): Promise<string | undefined> =>
      failure(await anonymous.confirmEmployerSignUp(token)).extensions.reason;
    expect(await reason(first)).toBe('INVALID_SIGN_UP_TOKEN');
    expect(await reason('not-a-token')).toBe('INVALID_SIGN_UP_TOKEN');
    ok(await anonymous.confirmEmployerSignUp(second));
    expect(await reason(second)).toBe('INVALID_SIGN_UP_TOKEN');
  });
});
