import { OutboxRelay, Role } from '@jobbro/core';
import {
  Api,
  aJobCentre,
  aUser,
  createTestApp,
  deadLetterMessages,
  enqueueMail,
  failure,
  ok,
  resendMessage,
  startTestSmtp,
  type TestApp,
  type TestSmtp,
} from '@jobbro/testing';
import { Logger } from '@nestjs/common';
import * as nodeIcal from 'node-ical';

/**
 * Mail over real SMTP on loopback: delivery through a server that refuses and drops connections
 * for a while (every message arrives once), dead letters (listed for administrators, resent),
 * hostile values in headers and HTML, and the iCalendar part of a meeting invitation.
 */
describe('mail delivery over SMTP', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let relay: OutboxRelay;
  let admin: Api;
  let otherAdmin: Api;
  let consultant: Api;
  let jobCentreId: string;

  beforeAll(async () => {
    Logger.overrideLogger(false); // failed sends are logged as warnings on purpose
    smtp = await startTestSmtp();
    t = await createTestApp({
      SMTP_URL: smtp.url,
      MAIL_MAX_ATTEMPTS: '5',
      MAIL_RETRY_BASE_MS: '10',
      MAIL_RETRY_MAX_MS: '40',
      SMTP_TIMEOUT_MS: '3000',
    });
    relay = t.app.get(OutboxRelay);
    const api = new Api(t.http);
    const centre = await aJobCentre(t.dataSource);
    const other = await aJobCentre(t.dataSource);
    jobCentreId = centre.id;
    const a = await aUser().withRole(Role.Administrator).inJobCentre(centre.id).build(t.dataSource);
    const b = await aUser().withRole(Role.Administrator).inJobCentre(other.id).build(t.dataSource);
    const c = await aUser().withRole(Role.JobConsultant).inJobCentre(centre.id).build(t.dataSource);
    admin = await api.signIn(a.email, a.password);
    otherAdmin = await api.signIn(b.email, b.password);
    consultant = await api.signIn(c.email, c.password);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.mode = 'accept';
    smtp.onMessage = undefined;
    smtp.received.length = 0;
  });

  const existing = (to: string, displayName = 'Eva Hansen', extra = {}) =>
    enqueueMail(t, {
      kind: 'employer-sign-up-existing',
      to,
      language: 'da',
      params: { displayName, signInUrl: 'https://jobbro.test/login' },
      ...extra,
    });

  /** Drains the outbox until `done()` or the deadline, as the worker's timer would. */
  async function relayUntil(done: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('the relay did not get there in time');
      await relay.drain();
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  const byMessageId = (): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const m of smtp.received)
      counts.set(m.messageId ?? '', (counts.get(m.messageId ?? '') ?? 0) + 1);
    return counts;
  };

  it('delivers every queued message once after the server refused and dropped connections', async () => {
    smtp.mode = 'refuse';
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) => existing(`fault-${i}@test.jobbro.dk`)),
    );
    await relay.drain();
    smtp.mode = 'drop';
    await new Promise((r) => setTimeout(r, 50));
    await relay.drain();
    await new Promise((r) => setTimeout(r, 50));
    await relay.drain();
    expect(smtp.received).toHaveLength(0);
    const [{ failing }] = await t.dataSource.query<{ failing: number }[]>(
      `SELECT count(*)::int AS failing FROM outbox_event
        WHERE aggregate_id = ANY($1) AND attempts >= 2 AND processed_at IS NULL AND dead_at IS NULL`,
      [ids],
    );
    expect(failing).toBe(12);

    smtp.mode = 'accept';
    await relayUntil(() => smtp.received.length >= 12);
    await relay.drain();
    const counts = byMessageId();
    expect([...counts.keys()].sort()).toEqual(ids.map((id) => `<${id}@jobbro>`).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const [{ done }] = await t.dataSource.query<{ done: number }[]>(
      `SELECT count(*)::int AS done FROM outbox_event WHERE aggregate_id = ANY($1) AND processed_at IS NOT NULL`,
      [ids],
    );
    expect(done).toBe(12);
  });

  it('makes a message that never gets through a dead letter; an administrator sees it and resends it', async () => {
    const never = 'never@test.jobbro.dk';
    smtp.onMessage = (mail) => {
      if (mail.envelopeTo.includes(never))
        throw Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 });
    };
    const id = await existing(never, 'Eva', { jobCentreId });
    const other = await existing('fine@test.jobbro.dk');
    const dead = async () =>
      (
        await t.dataSource.query<{ dead: boolean }[]>(
          `SELECT dead_at IS NOT NULL AS dead FROM outbox_event WHERE aggregate_id = $1`,
          [id],
        )
      )[0].dead;
    await relayUntil(dead);
    // Tried MAIL_MAX_ATTEMPTS times, then no more.
    await new Promise((r) => setTimeout(r, 60));
    await relay.drain();
    expect(smtp.mailTo('fine@test.jobbro.dk')).toHaveLength(1);
    expect(other).toBeDefined();

    const listed = ok(await deadLetterMessages(admin)).deadLetterMessages as Record<
      string,
      unknown
    >[];
    const entry = listed.find((m) => m.id === id);
    expect(entry).toMatchObject({
      kind: 'employer-sign-up-existing',
      recipient: never,
      attempts: 5,
      lastError: expect.stringContaining('451') as unknown,
      resentCount: 0,
    });
    expect(entry?.failedAt).toEqual(expect.any(String));
    // Never the body, the name or the link.
    expect(JSON.stringify(listed)).not.toMatch(/Eva|jobbro\.test\/login|sealed/);

    // Another job centre's administrator neither sees it nor can resend it; a consultant may not.
    const others = ok(await deadLetterMessages(otherAdmin)).deadLetterMessages as { id: string }[];
    expect(others.map((m) => m.id)).not.toContain(id);
    expect(failure(await resendMessage(otherAdmin, id)).extensions.code).toBe('NOT_FOUND');
    expect(failure(await deadLetterMessages(consultant)).extensions.code).toBe('FORBIDDEN');
    expect(
      failure(await resendMessage(admin, '00000000-0000-4000-8000-000000000000')).extensions,
    ).toMatchObject({
      code: 'NOT_FOUND',
    });

    smtp.onMessage = undefined;
    const resent = ok(await resendMessage(admin, id)).resendMessage as Record<string, unknown>;
    expect(resent).toMatchObject({ id, attempts: 0, failedAt: null, resentCount: 1 });
    await relayUntil(() => smtp.mailTo(never).length >= 1);
    expect(smtp.mailTo(never)[0].messageId).toBe(`<${id}@jobbro>`);
    const after = ok(await deadLetterMessages(admin)).deadLetterMessages as { id: string }[];
    expect(after.map((m) => m.id)).not.toContain(id);
    // Only a dead letter can be resent.
    expect(failure(await resendMessage(admin, id)).extensions.code).toBe('NOT_FOUND');
  });

  it('shows messages that belong to no job centre to every administrator, the recipient masked; any may resend', async () => {
    smtp.onMessage = () => {
      throw Object.assign(new Error('no such user'), { responseCode: 550 });
    };
    const id = await existing('gone@test.jobbro.dk');
    await relay.drain();
    // A permanent refusal (5xx) is a dead letter at once.
    const [row] = await t.dataSource.query<{ attempts: number; dead: boolean }[]>(
      `SELECT attempts, dead_at IS NOT NULL AS dead FROM outbox_event WHERE aggregate_id = $1`,
      [id],
    );
    expect(row).toEqual({ attempts: 1, dead: true });
    for (const who of [admin, otherAdmin]) {
      const listed = ok(await deadLetterMessages(who)).deadLetterMessages as {
        id: string;
        recipient: string;
      }[];
      // Every administrator sees it (someone must be able to resend it), but not whose it is:
      // the first letter and the domain only.
      expect(listed.find((m) => m.id === id)?.recipient).toBe('g•••@test.jobbro.dk');
      expect(JSON.stringify(listed)).not.toContain('gone@test.jobbro.dk');
    }
    smtp.onMessage = undefined;
    const resent = ok(await resendMessage(otherAdmin, id)).resendMessage as Record<string, unknown>;
    expect(resent).toMatchObject({ id, recipient: 'g•••@test.jobbro.dk', resentCount: 1 });
    await relayUntil(() => smtp.mailTo('gone@test.jobbro.dk').length >= 1);
  });

  it('keeps hostile names out of the headers and escapes them in the HTML', async () => {
    const hostile =
      'Eva\r\nBcc: victim@evil.test\r\nSubject: Hacked <script>alert(1)</script> \u202Egnp.exe';
    const id = await existing('hostile@test.jobbro.dk', hostile);
    await relayUntil(() => smtp.received.length >= 1);
    const [mail] = smtp.received;
    expect(mail.messageId).toBe(`<${id}@jobbro>`);
    expect(mail.envelopeTo).toEqual(['hostile@test.jobbro.dk']);
    expect(mail.parsed.headers.has('bcc')).toBe(false);
    expect(mail.subject).toBe('Du har allerede en konto i Jobbro');
    const headerBlock = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
    expect(headerBlock).not.toMatch(/^(Bcc|Subject: Hacked)/im);
    expect(mail.html).not.toContain('<script');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.text).toContain('Hej Eva Bcc: victim@evil.test Subject: Hacked');
    expect(mail.text + mail.html).not.toContain('\u202E');
  });

  it('keeps a hostile value in the subject on one line, with no header of its own', async () => {
    const id = await enqueueMail(t, {
      kind: 'meeting-invitation',
      to: 'subject@test.jobbro.dk',
      language: 'da',
      params: {
        recipientName: 'Eva',
        meetingKind: 'Møde\r\nBcc: victim@evil.test\r\n\r\n<b>Forged body</b>\u202E',
        startsAt: '2026-12-10T09:00:00.000Z',
        endsAt: '2026-12-10T10:00:00.000Z',
        location: null,
        organizerName: 'Kim',
        citizenFirstName: 'Ahmad',
      },
    });
    await relayUntil(() => smtp.received.length >= 1);
    const [mail] = smtp.received;
    expect(mail.messageId).toBe(`<${id}@jobbro>`);
    expect(mail.envelopeTo).toEqual(['subject@test.jobbro.dk']);
    expect(mail.parsed.headers.has('bcc')).toBe(false);
    expect(mail.subject).toBe('Møde Bcc: victim@evil.test <b>Forged body</b> 10. december 2026');
    const headerBlock = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
    expect(headerBlock.match(/^Subject:/gim)).toHaveLength(1);
    expect(headerBlock).not.toMatch(/^Bcc:/im);
  });

  it('attaches a meeting invitation as iCalendar (method, UID, sequence, time)', async () => {
    const calendar = {
      uid: 'meeting-123@jobbro',
      sequence: 2,
      method: 'REQUEST' as const,
      start: '2026-12-10T09:00:00.000Z',
      end: '2026-12-10T10:00:00.000Z',
      summary: 'Opfølgning; med "Eva", Hansen\r\nX-Evil: 1',
      location: 'Jobcenter København, Vej 1',
      organizer: { name: 'Kim Konsulent', email: 'kim@test.jobbro.dk' },
      attendees: [{ name: 'Eva Hansen', email: 'ical@test.jobbro.dk' }],
    };
    await existing('ical@test.jobbro.dk', 'Eva', { calendar });
    await relayUntil(() => smtp.received.length >= 1);
    const [mail] = smtp.received;
    const part = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(part).toBeDefined();
    const text = part!.content.toString('utf8');
    expect(text).toMatch(/^METHOD:REQUEST\r?$/m);
    const parsed = nodeIcal.sync.parseICS(text);
    const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as nodeIcal.VEvent;
    expect(event.uid).toBe('meeting-123@jobbro');
    expect(Number(event.sequence)).toBe(2);
    expect(new Date(event.start as unknown as string).toISOString()).toBe(calendar.start);
    expect(new Date(event.end as unknown as string).toISOString()).toBe(calendar.end);
    expect(event.summary as unknown as string).toBe('Opfølgning; med "Eva", Hansen X-Evil: 1');

    smtp.received.length = 0;
    await existing('ical@test.jobbro.dk', 'Eva', {
      calendar: { ...calendar, method: 'CANCEL', sequence: 3 },
    });
    await relayUntil(() => smtp.received.length >= 1);
    const cancel = smtp.received[0].parsed.attachments.find((a) =>
      a.contentType.startsWith('text/calendar'),
    );
    const cancelText = cancel!.content.toString('utf8');
    expect(cancelText).toMatch(/^METHOD:CANCEL\r?$/m);
    const cancelled = Object.values(nodeIcal.sync.parseICS(cancelText)).find(
      (c) => c?.type === 'VEVENT',
    ) as nodeIcal.VEvent;
    expect(cancelled.uid).toBe('meeting-123@jobbro');
    expect(cancelled.status).toBe('CANCELLED');
  });
});
