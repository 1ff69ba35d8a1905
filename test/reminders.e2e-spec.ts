import { ReminderJob } from '@jobbro/citizen';
import { OutboxRelay, Role, todayInDenmark } from '@jobbro/core';
import {
  aCitizenLogin,
  aJobCentre,
  Api,
  aUser,
  type BuiltUser,
  countRows,
  createTestApp,
  ok,
  scheduleMeeting,
  startTestSmtp,
  type TestApp,
  type TestSmtp,
} from '@jobbro/testing';

const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The reminder job end to end over real SMTP: follow-ups due tomorrow (a planned meeting and a
 * recorded follow-up date) to the professionals, milestones due this week to the team and the
 * citizen by their contact preference; immediate mails or one digest per person and day; and
 * never twice, however often the job runs on the same day.
 *
 * The job's clock is tomorrow 08:00 (Danish winter time) so that "tomorrow" for it is a day the
 * API accepts meetings on.
 */
describe('reminders', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let job: ReminderJob;
  let consultant: BuiltUser;
  let caseworker: BuiltUser;
  let citizenLogin: BuiltUser;
  let api: Api;
  const jobToday = addDays(todayInDenmark(), 1);
  const jobTomorrow = addDays(jobToday, 1);
  const jobNow = new Date(`${jobToday}T07:00:00Z`);

  /** Drains the outbox until every mail is at the SMTP server (it keeps a message before it answers). */
  async function deliverAll(): Promise<void> {
    const relay = t.app.get(OutboxRelay);
    for (let i = 0; i < 100; i++) {
      await relay.drain();
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbox_event
          WHERE type = 'mail.requested' AND processed_at IS NULL AND dead_at IS NULL`,
      );
      if (n === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('mail still queued');
  }

  async function citizen(
    firstName: string,
    email: string | undefined,
    milestoneTitle: string,
  ): Promise<string> {
    const { id } = ok(
      await api.createCitizen({ firstName, lastName: 'Testesen', email, postalCode: '2400' }),
    ).createCitizen as { id: string };
    ok(
      await api.updatePlan({
        citizenId: id,
        expectedVersion: 0,
        longTermGoal: 'Job',
        milestones: [{ title: milestoneTitle, deadline: jobToday }],
      }),
    );
    return id;
  }

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, REMINDER_HOUR: '7' });
    job = t.app.get(ReminderJob);
    const ds = t.dataSource;
    const centre = await aJobCentre(ds);
    consultant = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .named('Karin')
      .build(ds);
    caseworker = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(centre.id)
      .named('Sara')
      .build(ds);
    await ds.query(`UPDATE app_user SET notification_mode = 'daily_digest' WHERE id = $1`, [
      caseworker.id,
    ]);
    api = await new Api(t.http).signIn(consultant.email, consultant.password);

    // Ahmad: a login, e-mail contact; a planned meeting tomorrow, and a recorded follow-up date
    // tomorrow that the meeting covers (no reminder of its own).
    const ahmad = await citizen('Ahmad', 'ahmad@test.jobbro.dk', 'Hemmeligt delmål A');
    ok(
      await api.addTeamMember({
        citizenId: ahmad,
        userId: caseworker.id,
        role: 'CASEWORKER',
        reason: 'Sagsbehandler',
      }),
    );
    citizenLogin = await aCitizenLogin(ds, ahmad);
    ok(
      await scheduleMeeting(api, {
        citizenId: ahmad,
        kind: 'FOLLOW_UP',
        startsAt: `${jobTomorrow}T10:00:00Z`,
        endsAt: `${jobTomorrow}T11:00:00Z`,
        location: 'Lokale 2',
        participantUserIds: [consultant.id, caseworker.id],
        includeCitizen: false,
      }),
    );
    ok(
      await api.recordMeeting({
        citizenId: ahmad,
        kind: 'FOLLOW_UP',
        heldOn: todayInDenmark(),
        participants: [{ name: 'Ahmad', role: 'CITIZEN' }],
        notes: 'Følsom note om helbred',
        nextFollowUpOn: jobTomorrow,
      }),
    );
    // Bo: said no to e-mail. Clara: no login, e-mail contact at the address the centre holds.
    const bo = await citizen('Bo', 'bo@test.jobbro.dk', 'Hemmeligt delmål B');
    ok(await api.updateCitizen({ id: bo, contactPreference: 'NONE' }));
    const clara = await citizen('Clara', 'clara@test.jobbro.dk', 'Hemmeligt delmål C');
    ok(
      await api.recordMeeting({
        citizenId: clara,
        kind: 'STATUS',
        heldOn: todayInDenmark(),
        participants: [{ name: 'Clara', role: 'CITIZEN' }],
        nextFollowUpOn: jobTomorrow,
      }),
    );
    // The invitations to the planned meeting go out first; the test counts reminders after them.
    await deliverAll();
    smtp.received.length = 0;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends nothing before REMINDER_HOUR', async () => {
    expect(await job.run(new Date(`${jobToday}T04:59:00Z`))).toBe(0);
    expect(await countRows(t.dataSource, 'reminder_sent')).toBe(0);
  });

  it('sends each reminder once: immediate mails, one digest, and the contact preference', async () => {
    const before = await countRows(t.dataSource, 'outbox_event');
    expect(await job.run(jobNow)).toBe(8);
    await deliverAll();

    // Karin (immediate): Ahmad's meeting, Clara's follow-up and three milestones, one mail each.
    const karin = smtp.mailTo(consultant.email);
    expect(karin).toHaveLength(5);
    expect(karin.every((m) => m.subject === 'Påmindelse fra Jobbro')).toBe(true);
    const texts = karin.map((m) => m.text).join('\n');
    expect(texts).toContain('Opfølgningsmøde med Ahmad i morgen');
    expect(texts).toContain('Opfølgning med Clara skal ske i morgen');
    expect(texts).not.toContain('Opfølgning med Ahmad');
    for (const name of ['Ahmads', 'Bos', 'Claras'])
      expect(texts).toContain(`delmål i ${name} plan`);

    // Sara (daily digest): her two reminders about Ahmad (meeting, milestone) in one mail.
    const sara = smtp.mailTo(caseworker.email);
    expect(sara).toHaveLength(1);
    expect(sara[0].subject).toBe('Dagens påmindelser fra Jobbro');
    expect(sara[0].text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(2);

    // Ahmad through his login, Clara at the address the centre holds, Bo not at all.
    expect(smtp.mailTo(citizenLogin.email).map((m) => m.text)[0]).toContain(
      'Et delmål i din plan har frist',
    );
    expect(smtp.mailTo('clara@test.jobbro.dk')).toHaveLength(1);
    expect(smtp.mailTo('bo@test.jobbro.dk')).toHaveLength(0);
    expect(smtp.received).toHaveLength(8);

    // Plan text and meeting notes never leave Jobbro in a mail.
    for (const mail of smtp.received) {
      expect(mail.text + mail.html).not.toMatch(/Hemmeligt|Følsom|Testesen/);
    }
    expect((await countRows(t.dataSource, 'outbox_event')) - before).toBe(8);
  });

  it('sends nothing twice when the job runs again the same day', async () => {
    const sent = await countRows(t.dataSource, 'reminder_sent');
    const queued = await countRows(t.dataSource, 'outbox_event');
    expect(await job.run(new Date(jobNow.getTime() + 3_600_000))).toBe(0);
    expect(await job.run(new Date(jobNow.getTime() + 7_200_000))).toBe(0);
    expect(await countRows(t.dataSource, 'reminder_sent')).toBe(sent);
    expect(await countRows(t.dataSource, 'outbox_event')).toBe(queued);
  });

  it('sends a new item once when runs overlap, and no second digest that day', async () => {
    const ahmad = (
      await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM citizen WHERE first_name = 'Ahmad'`,
      )
    )[0].id;
    // A new milestone this week (the first one kept by its id), found by three runs at once.
    const plan = (
      ok(await api.citizen(ahmad)).citizen as { plan: { milestones: { id: string }[] } }
    ).plan;
    ok(
      await api.updatePlan({
        citizenId: ahmad,
        expectedVersion: 1,
        milestones: [
          { id: plan.milestones[0].id, title: 'Hemmeligt delmål A', deadline: jobToday },
          { title: 'Nyt delmål', deadline: jobToday },
        ],
      }),
    );
    smtp.received.length = 0;
    const queued = await countRows(t.dataSource, 'outbox_event');
    const runs = await Promise.all([job.run(jobNow), job.run(jobNow), job.run(jobNow)]);
    await deliverAll();
    // Karin and Ahmad each get the new milestone once; Sara's digest of the day has gone already.
    const newMails = (await countRows(t.dataSource, 'outbox_event')) - queued;
    expect(runs.reduce((a, b) => a + b, 0)).toBe(newMails);
    expect(smtp.mailTo(caseworker.email)).toHaveLength(0);
    const toKarin = smtp.mailTo(consultant.email);
    const toAhmad = smtp.mailTo(citizenLogin.email);
    expect(toKarin).toHaveLength(1);
    expect(toAhmad).toHaveLength(1);
    expect(newMails).toBe(2);
  });

  it('reminds only participants still on the citizen’s team (and with an active account)', async () => {
    const leaver = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(consultant.jobCentreId!)
      .build(t.dataSource);
    const disabled = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(consultant.jobCentreId!)
      .build(t.dataSource);
    const { id: dina } = ok(
      await api.createCitizen({ firstName: 'Dina', lastName: 'Testesen', postalCode: '2400' }),
    ).createCitizen as { id: string };
    for (const member of [leaver, disabled]) {
      ok(
        await api.addTeamMember({
          citizenId: dina,
          userId: member.id,
          role: 'CASEWORKER',
          reason: 'Sagsbehandler',
        }),
      );
    }
    ok(
      await scheduleMeeting(api, {
        citizenId: dina,
        kind: 'STATUS',
        startsAt: `${jobTomorrow}T13:00:00Z`,
        endsAt: `${jobTomorrow}T14:00:00Z`,
        participantUserIds: [consultant.id, leaver.id, disabled.id],
        includeCitizen: false,
      }),
    );
    await deliverAll();
    ok(
      await api.removeTeamMember({
        citizenId: dina,
        userId: leaver.id,
        role: 'CASEWORKER',
        reason: 'Ny afdeling',
      }),
    );
    await t.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [
      disabled.id,
    ]);
    smtp.received.length = 0;
    await job.run(new Date(jobNow.getTime() + 3 * 3_600_000));
    await deliverAll();
    expect(smtp.mailTo(leaver.email)).toHaveLength(0);
    expect(smtp.mailTo(disabled.email)).toHaveLength(0);
    const toKarin = smtp.mailTo(consultant.email);
    expect(toKarin).toHaveLength(1);
    expect(toKarin[0].text).toContain('Statusmøde med Dina');
    const recorded = await t.dataSource.query<{ recipient: string }[]>(
      `SELECT recipient FROM reminder_sent WHERE item LIKE 'meeting:%' AND recipient = $1`,
      [`user:${leaver.id}`],
    );
    expect(recorded).toHaveLength(0);
  });
});

describe('the worker schedules the reminder job', () => {
  it('registers "reminders" with relay.every: a due scheduled_job row sends reminders over SMTP', async () => {
    const smtp = await startTestSmtp();
    const t = await createTestApp({
      SMTP_URL: smtp.url,
      RUN_WORKER_IN_PROCESS: 'true',
      REMINDER_HOUR: '0',
    });
    try {
      const ds = t.dataSource;
      const centre = await aJobCentre(ds);
      const staff = await aUser().withRole(Role.JobConsultant).inJobCentre(centre.id).build(ds);
      const api = await new Api(t.http).signIn(staff.email, staff.password);
      const { id } = ok(
        await api.createCitizen({
          firstName: 'Ella',
          lastName: 'Testesen',
          email: 'ella-scheduled@test.jobbro.dk',
          postalCode: '2400',
        }),
      ).createCitizen as { id: string };
      // A milestone due today is due this week, whatever weekday the test runs on.
      ok(
        await api.updatePlan({
          citizenId: id,
          expectedVersion: 0,
          longTermGoal: 'Job',
          milestones: [{ title: 'Delmål', deadline: todayInDenmark() }],
        }),
      );
      const relay = t.app.get(OutboxRelay);
      // Due now: the relay (on its timer, or this call) claims the row and runs the job it holds.
      await ds.query(`UPDATE scheduled_job SET next_run_at = now() WHERE name = 'reminders'`);
      await relay.runDueJobs();
      await smtp.waitFor(1, 'ella-scheduled@test.jobbro.dk');
      expect(smtp.mailTo('ella-scheduled@test.jobbro.dk')[0].subject).toBe('Påmindelse fra Jobbro');
      const [job] = await ds.query<{ finished: boolean; error: string | null }[]>(
        `SELECT last_finished_at IS NOT NULL AS finished, last_error AS error
           FROM scheduled_job WHERE name = 'reminders'`,
      );
      expect(job).toEqual({ finished: true, error: null });
      await expect(relay.runScheduled('no-such-job')).rejects.toThrow('No scheduled job');
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});
