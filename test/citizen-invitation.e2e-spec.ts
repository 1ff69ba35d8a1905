import { randomUUID } from 'node:crypto';
import { OutboxRelay, Role } from '@jobbro/core';
import {
  acceptInvitationPayload,
  aCitizenLogin,
  aCompany,
  aJobCentre,
  Api,
  auditRows,
  aUser,
  type BuiltUser,
  createTestApp,
  failure,
  inviteCitizen,
  ok,
  startTestSmtp,
  type TestApp,
  type TestSmtp,
  tokenInMail,
} from '@jobbro/testing';

/**
 * inviteCitizen end to end over SMTP: the invitation mail's link creates a citizen user linked to
 * exactly that citizen, who then sees their own profile; the refusals (a login already, a closed
 * case, no address, another job centre's citizen, staff off the citizen's team or not coordinating
 * it) and their audit rows. The invitation goes only to the address on record (there is no
 * argument for another); acceptance is refused when the inviter has left the team or was
 * deactivated meanwhile.
 */
describe('inviting a citizen to their own login', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let consultant: Api;
  let consultantUser: BuiltUser;
  let otherCentre: Api;
  let colleague: Api;
  let colleagueUser: BuiltUser;

  const newCitizen = async (email?: string): Promise<string> =>
    (
      ok(
        await consultant.createCitizen({
          firstName: 'Ahmad',
          lastName: 'Karimi',
          email,
          postalCode: '2400',
        }),
      ).createCitizen as { id: string }
    ).id;

  async function tokenSentTo(email: string): Promise<string> {
    const relay = t.app.get(OutboxRelay);
    const deadline = Date.now() + 10_000;
    while (smtp.mailTo(email).length === 0) {
      if (Date.now() > deadline) throw new Error(`no mail to ${email}`);
      await relay.drain();
      await new Promise((r) => setTimeout(r, 25));
    }
    const token = tokenInMail(smtp.mailTo(email).at(-1)!);
    if (!token) throw new Error('no token in the invitation');
    return token;
  }

  const invitationsOf = async (citizenId: string): Promise<number> =>
    (
      await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM invitation WHERE subject_id = $1`,
        [citizenId],
      )
    )[0].n;

  const loginOf = async (citizenId: string): Promise<string | null> =>
    (
      await t.dataSource.query<{ userId: string | null }[]>(
        `SELECT user_id AS "userId" FROM citizen WHERE id = $1`,
        [citizenId],
      )
    )[0].userId;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url });
    const ds = t.dataSource;
    const centre = await aJobCentre(ds);
    consultantUser = await aUser().withRole(Role.JobConsultant).inJobCentre(centre.id).build(ds);
    const other = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre((await aJobCentre(ds)).id)
      .build(ds);
    colleagueUser = await aUser().withRole(Role.Caseworker).inJobCentre(centre.id).build(ds);
    const anon = new Api(t.http);
    consultant = await anon.signIn(consultantUser.email, consultantUser.password);
    colleague = await anon.signIn(colleagueUser.email, colleagueUser.password);
    otherCentre = await anon.signIn(other.email, other.password);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('creates a citizen user linked to that citizen, who then sees their profile', async () => {
    const citizenId = await newCitizen('ahmad.karimi@test.jobbro.dk');
    const invitation = ok(await inviteCitizen(consultant, { citizenId })).inviteCitizen as Record<
      string,
      unknown
    >;
    expect(invitation).toMatchObject({
      kind: 'CITIZEN',
      email: 'ahmad.karimi@test.jobbro.dk',
      displayName: 'Ahmad Karimi',
      role: 'CITIZEN',
      status: 'PENDING',
      invitedBy: { id: consultantUser.id },
    });

    const token = await tokenSentTo('ahmad.karimi@test.jobbro.dk');
    const signedIn = ok(await acceptInvitationPayload(new Api(t.http), token)).acceptInvitation as {
      accessToken: string;
      user: { id: string; role: string };
    };
    expect(signedIn.user.role).toBe('CITIZEN');
    const [row] = await t.dataSource.query<{ userId: string }[]>(
      `SELECT user_id AS "userId" FROM citizen WHERE id = $1`,
      [citizenId],
    );
    expect(row.userId).toBe(signedIn.user.id);
    const profile = ok(await new Api(t.http).as(signedIn.accessToken).myProfile()).myProfile as {
      id: string;
      firstName: string;
    };
    expect(profile).toMatchObject({ id: citizenId, firstName: 'Ahmad' });

    // A second invitation is refused: the citizen has a login now.
    const again = failure(await inviteCitizen(consultant, { citizenId }));
    expect(again.extensions.code).toBe('CONFLICT');
    expect(
      (await auditRows(t.dataSource, citizenId)).filter((r) => r.operation === 'inviteCitizen'),
    ).toEqual([
      expect.objectContaining({ userId: consultantUser.id, allowed: true }),
      expect.objectContaining({ userId: consultantUser.id, allowed: true }),
    ]);
  });

  it('sends only to the address on record: no other address can be given', async () => {
    const citizenId = await newCitizen();
    const missing = failure(await inviteCitizen(consultant, { citizenId }));
    expect(missing.extensions.code).toBe('BAD_USER_INPUT');
    expect(missing.extensions.fields?.[0].field).toBe('email');
    // Whoever accepts becomes the citizen: an address typed at the invitation is refused outright.
    const typed = failure(
      await inviteCitizen(consultant, { citizenId, email: 'Given.Address@Test.Jobbro.dk ' }),
    );
    expect(typed.extensions.code).not.toBe('OK');
    await t.app.get(OutboxRelay).drain();
    expect(smtp.mailTo('given.address@test.jobbro.dk')).toHaveLength(0);
    expect(await invitationsOf(citizenId)).toBe(0);
    // Changing the address is the separate, audited updateCitizen; then the invitation goes there.
    ok(await consultant.updateCitizen({ id: citizenId, email: 'on.record@test.jobbro.dk' }));
    ok(await inviteCitizen(consultant, { citizenId }));
    expect(await tokenSentTo('on.record@test.jobbro.dk')).toBeTruthy();
  });

  it('refuses staff of the centre who do not coordinate the citizen’s team, and audits it', async () => {
    const citizenId = await newCitizen('team-only@test.jobbro.dk');
    // Off the team: the caseworker may know the citizen exists, so FORBIDDEN.
    const offTeam = failure(await inviteCitizen(colleague, { citizenId }));
    expect(offTeam.extensions.code).toBe('FORBIDDEN');
    // On the team, but in the social-support role (not coordinating the case): refused too.
    ok(
      await consultant.addTeamMember({
        citizenId,
        userId: colleagueUser.id,
        role: 'SOCIAL_SUPPORT',
        reason: 'Støtte',
      }),
    );
    expect(failure(await inviteCitizen(colleague, { citizenId })).extensions.code).toBe(
      'FORBIDDEN',
    );
    expect(await invitationsOf(citizenId)).toBe(0);
    expect(
      (await auditRows(t.dataSource, citizenId)).filter((r) => r.operation === 'inviteCitizen'),
    ).toEqual([
      expect.objectContaining({ userId: colleagueUser.id, allowed: false }),
      expect.objectContaining({ userId: colleagueUser.id, allowed: false }),
    ]);
    // As the coordinating caseworker the colleague may.
    ok(
      await consultant.addTeamMember({
        citizenId,
        userId: colleagueUser.id,
        role: 'CASEWORKER',
        reason: 'Sagsbehandler',
      }),
    );
    ok(await inviteCitizen(colleague, { citizenId }));
    expect(await tokenSentTo('team-only@test.jobbro.dk')).toBeTruthy();
  });

  it('refuses the acceptance when the inviter has left the team or was deactivated', async () => {
    const left = await newCitizen('inviter-left@test.jobbro.dk');
    ok(
      await consultant.addTeamMember({
        citizenId: left,
        userId: colleagueUser.id,
        role: 'CASEWORKER',
        reason: 'Sagsbehandler',
      }),
    );
    ok(await inviteCitizen(colleague, { citizenId: left }));
    const leftToken = await tokenSentTo('inviter-left@test.jobbro.dk');
    ok(
      await colleague.removeTeamMember({
        citizenId: left,
        userId: colleagueUser.id,
        role: 'CASEWORKER',
        reason: 'Skifter team',
      }),
    );
    const refusedLeft = failure(await acceptInvitationPayload(new Api(t.http), leftToken));
    expect(refusedLeft.extensions.code).toBe('CONFLICT');
    expect(await loginOf(left)).toBeNull();

    const disabled = await newCitizen('inviter-disabled@test.jobbro.dk');
    const inviter = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(consultantUser.jobCentreId!)
      .build(t.dataSource);
    const inviterApi = await new Api(t.http).signIn(inviter.email, inviter.password);
    ok(
      await consultant.addTeamMember({
        citizenId: disabled,
        userId: inviter.id,
        role: 'CONSULTANT',
        reason: 'Konsulent',
      }),
    );
    ok(await inviteCitizen(inviterApi, { citizenId: disabled }));
    const disabledToken = await tokenSentTo('inviter-disabled@test.jobbro.dk');
    await t.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [inviter.id]);
    // Refused (the invitation core refuses a deactivated inviter too; either refusal will do).
    const refusedDisabled = failure(await acceptInvitationPayload(new Api(t.http), disabledToken));
    expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(refusedDisabled.extensions.code);
    expect(await loginOf(disabled)).toBeNull();
  });

  it('refuses a citizen who does not want e-mail', async () => {
    const citizenId = await newCitizen('no-mail@test.jobbro.dk');
    ok(await consultant.updateCitizen({ id: citizenId, contactPreference: 'NONE' }));
    const refused = failure(await inviteCitizen(consultant, { citizenId }));
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
    expect(smtp.mailTo('no-mail@test.jobbro.dk')).toHaveLength(0);
  });

  it('refuses a closed case', async () => {
    const citizenId = await newCitizen('closed@test.jobbro.dk');
    ok(await consultant.updateCitizen({ id: citizenId, status: 'CLOSED' }));
    const closed = failure(await inviteCitizen(consultant, { citizenId }));
    expect(closed.extensions.code).toBe('BAD_USER_INPUT');
    expect(closed.message).toContain('afsluttet');
  });

  it('rolls the acceptance back when the citizen got a login meanwhile', async () => {
    const citizenId = await newCitizen('meanwhile@test.jobbro.dk');
    ok(await inviteCitizen(consultant, { citizenId }));
    const token = await tokenSentTo('meanwhile@test.jobbro.dk');
    const other = await aCitizenLogin(t.dataSource, citizenId);
    const refused = failure(await acceptInvitationPayload(new Api(t.http), token));
    expect(refused.extensions.code).toBe('CONFLICT');
    const [row] = await t.dataSource.query<{ userId: string }[]>(
      `SELECT user_id AS "userId" FROM citizen WHERE id = $1`,
      [citizenId],
    );
    expect(row.userId).toBe(other.id);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_user WHERE email = 'meanwhile@test.jobbro.dk'`,
    );
    expect(n).toBe(0);
  });

  it('answers another job centre’s citizen like a random id, and audits the refusal', async () => {
    const citizenId = await newCitizen('hidden@test.jobbro.dk');
    const foreign = failure(await inviteCitizen(otherCentre, { citizenId }));
    const random = failure(await inviteCitizen(otherCentre, { citizenId: randomUUID() }));
    expect(foreign.extensions.code).toBe('NOT_FOUND');
    expect(foreign.message).toBe(random.message);
    expect(
      (await auditRows(t.dataSource, citizenId)).filter((r) => r.operation === 'inviteCitizen'),
    ).toEqual([expect.objectContaining({ allowed: false })]);

    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    await aCompany(t.dataSource, admin.id);
    const company = await new Api(t.http).signIn(admin.email, admin.password);
    expect(failure(await inviteCitizen(company, { citizenId })).extensions.code).toBe('FORBIDDEN');
  });
});
