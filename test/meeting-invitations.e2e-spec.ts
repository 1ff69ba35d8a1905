import { randomUUID } from 'node:crypto';
import { OutboxRelay, Role } from '@jobbro/core';
import {
  aCitizenLogin,
  aCompany,
  aJobCentre,
  Api,
  auditRows,
  aUser,
  type BuiltUser,
  cancelMeeting,
  createTestApp,
  failure,
  myScheduledMeetings,
  ok,
  type ReceivedMail,
  rescheduleMeeting,
  scheduledMeetingsOf,
  scheduleMeeting,
  setMyContactPreference,
  startTestSmtp,
  type TestApp,
  type TestSmtp,
} from '@jobbro/testing';
import * as nodeIcal from 'node-ical';

/**
 * Planned meetings land in calendars: the invitation's iCalendar part (parsed with node-ical)
 * carries the meeting's start and end; a move sends an update with the same UID and a higher
 * SEQUENCE; a cancellation sends METHOD:CANCEL with the same UID. Over real SMTP on loopback.
 */
describe('meeting invitations with iCalendar', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let consultant: Api;
  let citizenApi: Api;
  let caseworker: BuiltUser;
  let consultantUser: BuiltUser;
  let citizenUser: BuiltUser;
  let citizenId: string;
  let otherConsultant: Api;

  const inDays = (days: number, hourUtc: number): string => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + days);
    d.setUTCHours(hourUtc, 0, 0, 0);
    return d.toISOString();
  };

  async function deliver(count: number): Promise<ReceivedMail[]> {
    const relay = t.app.get(OutboxRelay);
    const deadline = Date.now() + 15_000;
    while (smtp.received.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${smtp.received.length} of ${count} mails`);
      await relay.drain();
      await new Promise((r) => setTimeout(r, 25));
    }
    await relay.drain();
    const mails = [...smtp.received];
    smtp.received.length = 0;
    return mails;
  }

  function eventOf(mail: ReceivedMail): { method: string; event: nodeIcal.VEvent } {
    const part = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    if (!part) throw new Error(`no calendar part in mail to ${mail.envelopeTo.join(',')}`);
    const text = part.content.toString('utf8');
    const method = /^METHOD:(\w+)\r?$/m.exec(text)?.[1] ?? '';
    const event = Object.values(nodeIcal.sync.parseICS(text)).find(
      (c) => c?.type === 'VEVENT',
    ) as nodeIcal.VEvent;
    return { method, event };
  }

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url });
    const ds = t.dataSource;
    const centre = await aJobCentre(ds);
    const other = await aJobCentre(ds);
    consultantUser = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .named('Karin Konsulent')
      .build(ds);
    caseworker = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(centre.id)
      .named('Sara Sagsbehandler')
      .build(ds);
    const anon = new Api(t.http);
    consultant = await anon.signIn(consultantUser.email, consultantUser.password);
    otherConsultant = await anon.signIn(
      (await aUser().withRole(Role.JobConsultant).inJobCentre(other.id).build(ds)).email,
      'correct-horse-battery',
    );
    citizenId = (
      ok(
        await consultant.createCitizen({
          firstName: 'Ahmad',
          lastName: 'Karimi',
          email: 'ahmad@test.jobbro.dk',
          postalCode: '2400',
        }),
      ).createCitizen as { id: string }
    ).id;
    ok(
      await consultant.addTeamMember({
        citizenId,
        userId: caseworker.id,
        role: 'CASEWORKER',
        reason: 'Sagsbehandler på sagen',
      }),
    );
    citizenUser = await aCitizenLogin(ds, citizenId);
    citizenApi = await anon.signIn(citizenUser.email, citizenUser.password);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('invites, moves and cancels with the same UID and a rising SEQUENCE', async () => {
    const startsAt = inDays(3, 9);
    const endsAt = inDays(3, 10);
    const planned = ok(
      await scheduleMeeting(consultant, {
        citizenId,
        kind: 'FOLLOW_UP',
        startsAt,
        endsAt,
        location: 'Jobcentret, lokale 2',
        participantUserIds: [caseworker.id, consultantUser.id],
        includeCitizen: true,
      }),
    ).scheduleMeeting as { id: string; sequence: number; participants: unknown[] };
    expect(planned.sequence).toBe(0);
    expect(planned.participants).toHaveLength(2);

    const invitations = await deliver(3);
    expect(invitations.map((m) => m.envelopeTo[0]).sort()).toEqual(
      [caseworker.email, consultantUser.email, citizenUser.email].sort(),
    );
    for (const mail of invitations) {
      const { method, event } = eventOf(mail);
      expect(method).toBe('REQUEST');
      expect(event.uid).toBe(`${planned.id}@jobbro`);
      expect(Number(event.sequence)).toBe(0);
      expect((event.start as Date).toISOString()).toBe(startsAt);
      expect((event.end as Date).toISOString()).toBe(endsAt);
      expect(event.location as unknown).toBe('Jobcentret, lokale 2');
    }
    const toStaff = invitations.find((m) => m.envelopeTo[0] === caseworker.email)!;
    expect(toStaff.text).toContain('Ahmad');
    expect(toStaff.text).not.toContain('Karimi');
    const toCitizen = invitations.find((m) => m.envelopeTo[0] === citizenUser.email)!;
    expect(eventOf(toCitizen).event.summary as unknown).toBe('Opfølgningsmøde (Jobbro)');

    // Moved, and the caseworker taken off: an update to those kept, a cancellation to her.
    const movedStart = inDays(4, 12);
    const movedEnd = inDays(4, 13);
    const moved = ok(
      await rescheduleMeeting(consultant, {
        id: planned.id,
        startsAt: movedStart,
        endsAt: movedEnd,
        participantUserIds: [consultantUser.id],
      }),
    ).rescheduleMeeting as { sequence: number; location: string };
    expect(moved).toMatchObject({ sequence: 1, location: 'Jobcentret, lokale 2' });
    const updates = await deliver(3);
    const byRecipient = new Map(updates.map((m) => [m.envelopeTo[0], eventOf(m)]));
    for (const email of [consultantUser.email, citizenUser.email]) {
      const { method, event } = byRecipient.get(email)!;
      expect(method).toBe('REQUEST');
      expect(event.uid).toBe(`${planned.id}@jobbro`);
      expect(Number(event.sequence)).toBe(1);
      expect((event.start as Date).toISOString()).toBe(movedStart);
      expect((event.end as Date).toISOString()).toBe(movedEnd);
    }
    expect(byRecipient.get(caseworker.email)!.method).toBe('CANCEL');
    expect(byRecipient.get(caseworker.email)!.event.uid).toBe(`${planned.id}@jobbro`);

    const cancelled = ok(
      await cancelMeeting(consultant, { id: planned.id, reason: 'Borgeren er syg' }),
    ).cancelMeeting as { cancelled: boolean; sequence: number };
    expect(cancelled).toMatchObject({ cancelled: true, sequence: 2 });
    const cancellations = await deliver(2);
    for (const mail of cancellations) {
      const { method, event } = eventOf(mail);
      expect(method).toBe('CANCEL');
      expect(event.uid).toBe(`${planned.id}@jobbro`);
      expect(Number(event.sequence)).toBe(2);
      // The reason stays in Jobbro: it may say more than a mail should.
      expect(mail.text + mail.html).not.toContain('syg');
    }
    expect(failure(await cancelMeeting(consultant, { id: planned.id })).extensions.code).toBe(
      'CONFLICT',
    );
    expect(
      failure(await rescheduleMeeting(consultant, { id: planned.id, startsAt, endsAt })).extensions
        .code,
    ).toBe('CONFLICT');
  });

  it('moving a meeting tells someone who left the team nothing new: a cancellation of what they knew', async () => {
    const leaver = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(consultantUser.jobCentreId!)
      .named('Lone Leaver')
      .build(t.dataSource);
    ok(
      await consultant.addTeamMember({
        citizenId,
        userId: leaver.id,
        role: 'CASEWORKER',
        reason: 'Midlertidig',
      }),
    );
    const startsAt = inDays(5, 9);
    const endsAt = inDays(5, 10);
    const planned = ok(
      await scheduleMeeting(consultant, {
        citizenId,
        kind: 'STATUS',
        startsAt,
        endsAt,
        location: 'Lokale 7',
        participantUserIds: [consultantUser.id, leaver.id],
        includeCitizen: false,
      }),
    ).scheduleMeeting as { id: string };
    await deliver(2);
    ok(
      await consultant.removeTeamMember({
        citizenId,
        userId: leaver.id,
        role: 'CASEWORKER',
        reason: 'Skiftet afdeling',
      }),
    );
    // Moved without naming participants: the stored ones still on the team are kept.
    const movedStart = inDays(6, 12);
    const moved = ok(
      await rescheduleMeeting(consultant, {
        id: planned.id,
        startsAt: movedStart,
        endsAt: inDays(6, 13),
        location: 'Nyt sted 9',
      }),
    ).rescheduleMeeting as { participants: { userId: string }[] };
    expect(moved.participants.map((p) => p.userId)).toEqual([consultantUser.id]);
    const mails = await deliver(2);
    const toLeaver = mails.filter((m) => m.envelopeTo[0] === leaver.email);
    expect(toLeaver).toHaveLength(1);
    const { method, event } = eventOf(toLeaver[0]);
    expect(method).toBe('CANCEL');
    expect((event.start as Date).toISOString()).toBe(startsAt);
    expect(toLeaver[0].text + toLeaver[0].html + JSON.stringify(event)).not.toContain('Nyt sted');
    const toConsultant = mails.find((m) => m.envelopeTo[0] === consultantUser.email)!;
    expect((eventOf(toConsultant).event.start as Date).toISOString()).toBe(movedStart);
  });

  it('lists planned meetings for staff and the citizen, never for a company user', async () => {
    const staffView = ok(await scheduledMeetingsOf(consultant, citizenId)).citizen as {
      scheduledMeetings: { id: string }[];
      hasLogin: boolean;
    };
    expect(staffView.hasLogin).toBe(true);
    expect(staffView.scheduledMeetings.length).toBeGreaterThan(0);
    const own = ok(await myScheduledMeetings(citizenApi)).myProfile as {
      scheduledMeetings: { id: string }[];
    };
    expect(own.scheduledMeetings.map((m) => m.id)).toEqual(
      staffView.scheduledMeetings.map((m) => m.id),
    );

    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const company = await aCompany(t.dataSource, admin.id);
    const centre = (
      await t.dataSource.query<{ id: string }[]>(
        `SELECT job_centre_id AS id FROM citizen WHERE id = $1`,
        [citizenId],
      )
    )[0].id;
    await t.dataSource.query(
      `INSERT INTO partnership (company_id, job_centre_id, status, starts_on, proposed_by_side)
       VALUES ($1, $2, 'active', current_date, 'company')`,
      [company.id, centre],
    );
    ok(
      await consultant.grantConsent({
        citizenId,
        companyId: company.id,
        scopes: ['PROFILE'],
        purpose: 'Praktik',
      }),
    );
    const companyApi = await new Api(t.http).signIn(admin.email, admin.password);
    const seen = ok(await scheduledMeetingsOf(companyApi, citizenId)).citizen as {
      scheduledMeetings: unknown[];
      contactPreference: string | null;
      hasLogin: boolean;
    };
    expect(seen).toMatchObject({ scheduledMeetings: [], contactPreference: null, hasLogin: false });
  });

  it('respects the citizen’s contact preference: no mail to a citizen who said no', async () => {
    expect(
      ok(await setMyContactPreference(citizenApi, 'NONE')).setMyContactPreference,
    ).toMatchObject({ contactPreference: 'NONE' });
    ok(
      await scheduleMeeting(consultant, {
        citizenId,
        kind: 'STATUS',
        startsAt: inDays(5, 9),
        endsAt: inDays(5, 10),
        participantUserIds: [consultantUser.id],
        includeCitizen: true,
      }),
    );
    const mails = await deliver(1);
    expect(mails.map((m) => m.envelopeTo[0])).toEqual([consultantUser.email]);
    // Staff set it back through the citizen update.
    const updated = ok(
      await consultant.updateCitizen({ id: citizenId, contactPreference: 'EMAIL' }),
    ).updateCitizen as { id: string };
    expect(updated.id).toBe(citizenId);
    const view = ok(await scheduledMeetingsOf(consultant, citizenId)).citizen as {
      contactPreference: string;
    };
    expect(view.contactPreference).toBe('EMAIL');
    const log = await auditRows(t.dataSource, citizenId);
    expect(log.filter((r) => r.operation === 'setMyContactPreference')).toEqual([
      expect.objectContaining({ userId: citizenUser.id, allowed: true }),
    ]);
  });

  it('refuses bad times, participants off the team, and hides other job centres’ meetings', async () => {
    const base = {
      citizenId,
      kind: 'START',
      startsAt: inDays(2, 9),
      endsAt: inDays(2, 10),
      participantUserIds: [],
      includeCitizen: false,
    };
    const past = failure(
      await scheduleMeeting(consultant, {
        ...base,
        startsAt: inDays(-1, 9),
        endsAt: inDays(-1, 10),
      }),
    );
    expect(past.extensions.fields?.[0].field).toBe('startsAt');
    const backwards = failure(await scheduleMeeting(consultant, { ...base, endsAt: inDays(2, 8) }));
    expect(backwards.extensions.fields?.[0].field).toBe('endsAt');
    const stranger = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(consultantUser.jobCentreId!)
      .build(t.dataSource);
    const offTeam = failure(
      await scheduleMeeting(consultant, { ...base, participantUserIds: [stranger.id] }),
    );
    expect(offTeam.extensions.fields?.[0].field).toBe('participantUserIds.0');

    const own = ok(await scheduleMeeting(consultant, base)).scheduleMeeting as { id: string };
    const foreign = failure(await cancelMeeting(otherConsultant, { id: own.id }));
    const random = failure(await cancelMeeting(otherConsultant, { id: randomUUID() }));
    expect(foreign.extensions.code).toBe('NOT_FOUND');
    expect(foreign.message).toBe(random.message);
    const hidden = failure(await scheduleMeeting(otherConsultant, base));
    expect(hidden.extensions.code).toBe('NOT_FOUND');
    await deliver(0);
  });
});
