import { InvitationService } from '@jobbro/auth';
import { OutboxRelay, Role } from '@jobbro/core';
import {
  acceptInvitationPayload,
  aCompany,
  auditRows,
  changeUserRole,
  deactivateUser,
  aJobCentre,
  Api,
  aUser,
  type BuiltUser,
  createTestApp,
  failure,
  invitations,
  inviteStaff,
  ok,
  redeemMagicLink,
  requestMagicLink,
  resendInvitation,
  revokeInvitation,
  startTestSmtp,
  TEST_PASSWORD,
  type TestApp,
  type TestSmtp,
  tokenInMail,
} from '@jobbro/testing';

/**
 * Staff invitations end to end over a real SMTP server: an administrator invites each staff role
 * of their job centre; the link creates the user with that role and job centre and signs them in;
 * it works once, can be revoked or re-sent (the old link then dies), expires, and is listed for
 * the inviter and the job centre's administrators with who invited whom and when.
 */
describe('staff invitations', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let anonymous: Api;
  let centreId: string;
  let admin: BuiltUser;
  let adminApi: Api;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://jobbro.test' });
    anonymous = new Api(t.http);
    centreId = (await aJobCentre(t.dataSource)).id;
    admin = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(centreId)
      .named('Anne Admin')
      .build(t.dataSource);
    adminApi = await anonymous.signIn(admin.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const deliver = async (): Promise<void> => {
    await t.app.get(OutboxRelay).drain();
  };
  const lastToken = async (email: string, count = 1): Promise<string> => {
    await deliver();
    const mails = await smtp.waitFor(count, email);
    return tokenInMail(mails[count - 1])!;
  };

  it.each([
    ['JOB_CONSULTANT', 'jobkonsulent'],
    ['CASEWORKER', 'sagsbehandler'],
    ['SOCIAL_SUPPORT_WORKER', 'CTI-medarbejder'],
    ['ADMINISTRATOR', 'administrator'],
  ])(
    'invites a %s, whose link creates that user in the job centre and signs them in',
    async (role, da) => {
      const email = `ny-${role.toLowerCase()}@jobcenter.dk`;
      const invitation = ok(
        await inviteStaff(adminApi, { email, displayName: 'Nye Kollega', role }),
      ).inviteStaff;
      expect(invitation).toMatchObject({
        kind: 'STAFF',
        email,
        role,
        status: 'PENDING',
        jobCentreId: centreId,
        invitedBy: { id: admin.id, displayName: 'Anne Admin' },
        acceptedAt: null,
      });
      const days =
        (Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)) / 86_400_000;
      expect(days).toBeCloseTo(7, 3);

      await deliver();
      const [mail] = await smtp.waitFor(1, email);
      expect(mail.text).toContain(`Anne Admin har inviteret dig til Jobbro som ${da}`);
      expect(mail.text).toContain('https://jobbro.test/invitation#token=');
      const token = tokenInMail(mail)!;

      // The token is in the link's fragment (the portal's page reads it); nothing but
      // acceptInvitation uses it up.
      const accepted = ok(await acceptInvitationPayload(anonymous, token)).acceptInvitation;
      expect(accepted.user).toMatchObject({
        email,
        displayName: 'Nye Kollega',
        role,
        jobCentre: { id: centreId },
      });
      const me = ok(await anonymous.as(accepted.accessToken).me()).me;
      expect(me).toMatchObject({ email, role });
      // No password: a login by password fails; later sign-ins are by magic link.
      expect(failure(await anonymous.login(email, TEST_PASSWORD)).extensions.reason).toBe(
        'INVALID_CREDENTIALS',
      );
      ok(await requestMagicLink(anonymous, email));
      await deliver();
      const [, linkMail] = await smtp.waitFor(2, email);
      ok(await redeemMagicLink(anonymous, tokenInMail(linkMail)!));

      // Single use.
      expect(failure(await acceptInvitationPayload(anonymous, token)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVITATION_USED',
      });
      const listed = ok(await invitations(adminApi, { status: 'ACCEPTED' })).invitations;
      expect(listed.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(invitation.id);
    },
  );

  it('signs the portal in on acceptance: the refresh token in its cookie, never in the reply', async () => {
    const email = 'via-portal@jobcenter.dk';
    ok(await inviteStaff(adminApi, { email, displayName: 'Per Portal', role: 'CASEWORKER' }));
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-jobbro-client', 'portal')
      .send({
        query: `mutation($input: SignInTokenInput!) { acceptInvitation(input: $input) {
          accessToken refreshToken user { email displayName } } }`,
        variables: { input: { token: await lastToken(email) } },
      });
    const accepted = res.body.data.acceptInvitation;
    expect(accepted).toMatchObject({
      refreshToken: null,
      user: { email, displayName: 'Per Portal' },
    });
    expect(String(res.headers['set-cookie'])).toMatch(/^jobbro_refresh=[\w-]{43}; .*HttpOnly/);
    const me = ok(await anonymous.as(accepted.accessToken).me()).me;
    expect(me).toMatchObject({ email, role: 'CASEWORKER' });
  });

  it('refuses roles outside the job centre, and callers who are not administrators', async () => {
    const refused = await inviteStaff(adminApi, {
      email: 'x@jobcenter.dk',
      displayName: 'X',
      role: 'COMPANY_ADMIN',
    });
    expect(failure(refused).extensions.reason).toBe('ROLE_NOT_ALLOWED');
    const consultant = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centreId)
      .build(t.dataSource);
    const consultantApi = await anonymous.signIn(consultant.email, TEST_PASSWORD);
    const forbidden = await inviteStaff(consultantApi, {
      email: 'y@jobcenter.dk',
      displayName: 'Y',
      role: 'CASEWORKER',
    });
    expect(failure(forbidden).extensions.code).toBe('FORBIDDEN');
  });

  it('revokes: the link then fails with INVITATION_REVOKED, and it cannot be revoked twice', async () => {
    const email = 'revoked@jobcenter.dk';
    const { id } = ok(
      await inviteStaff(adminApi, { email, displayName: 'R', role: 'CASEWORKER' }),
    ).inviteStaff;
    const token = await lastToken(email);
    const revoked = ok(await revokeInvitation(adminApi, id)).revokeInvitation;
    expect(revoked).toMatchObject({ status: 'REVOKED' });
    expect(revoked.revokedAt).not.toBeNull();
    expect(failure(await acceptInvitationPayload(anonymous, token)).extensions.reason).toBe(
      'INVITATION_REVOKED',
    );
    expect(failure(await revokeInvitation(adminApi, id)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVITATION_NOT_PENDING',
    });
    expect(failure(await resendInvitation(adminApi, id)).extensions.reason).toBe(
      'INVITATION_NOT_PENDING',
    );
  });

  it('re-sends with a new link and expiry: the old link stops working, the new one works', async () => {
    const email = 'resent@jobcenter.dk';
    const sent = ok(
      await inviteStaff(adminApi, { email, displayName: 'S', role: 'JOB_CONSULTANT' }),
    ).inviteStaff;
    const oldToken = await lastToken(email);
    await t.dataSource.query(
      `UPDATE invitation SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day'
        WHERE id = $1`,
      [sent.id],
    );
    expect(failure(await acceptInvitationPayload(anonymous, oldToken)).extensions.reason).toBe(
      'INVITATION_EXPIRED',
    );
    expect(ok(await invitations(adminApi, { status: 'EXPIRED' })).invitations.totalCount).toBe(1);
    const resent = ok(await resendInvitation(adminApi, sent.id)).resendInvitation;
    expect(resent.status).toBe('PENDING');
    expect(Date.parse(resent.expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const newToken = await lastToken(email, 2);
    expect(newToken).not.toBe(oldToken);
    expect(failure(await acceptInvitationPayload(anonymous, oldToken)).extensions.reason).toBe(
      'INVITATION_INVALID',
    );
    ok(await acceptInvitationPayload(anonymous, newToken));
  });

  it('links an existing account of the same role and job centre, and refuses any other account', async () => {
    const same = await aUser().withRole(Role.Caseworker).inJobCentre(centreId).build(t.dataSource);
    ok(await inviteStaff(adminApi, { email: same.email, displayName: 'Z', role: 'CASEWORKER' }));
    const linked = ok(
      await acceptInvitationPayload(anonymous, await lastToken(same.email)),
    ).acceptInvitation;
    expect(linked.user.id).toBe(same.id);

    const employer = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    ok(
      await inviteStaff(adminApi, { email: employer.email, displayName: 'E', role: 'CASEWORKER' }),
    );
    const refused = await acceptInvitationPayload(anonymous, await lastToken(employer.email));
    expect(failure(refused).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVITATION_ACCOUNT_EXISTS',
    });
    const [{ role }] = await t.dataSource.query<{ role: string }[]>(
      `SELECT role FROM app_user WHERE id = $1`,
      [employer.id],
    );
    expect(role).toBe('company_admin');
    expect(ok(await invitations(adminApi, { status: 'PENDING' })).invitations.totalCount).toBe(1);
  });

  it('lists invitations for the inviter and the job centre’s administrators only; others get NOT_FOUND', async () => {
    const email = 'listed@jobcenter.dk';
    const { id } = ok(
      await inviteStaff(adminApi, { email, displayName: 'L', role: 'CASEWORKER' }),
    ).inviteStaff;
    const secondAdmin = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(centreId)
      .build(t.dataSource);
    const secondApi = await anonymous.signIn(secondAdmin.email, TEST_PASSWORD);
    const seen = ok(await invitations(secondApi)).invitations;
    expect(seen.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);

    const consultant = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centreId)
      .build(t.dataSource);
    const consultantApi = await anonymous.signIn(consultant.email, TEST_PASSWORD);
    expect(ok(await invitations(consultantApi)).invitations.totalCount).toBe(0);
    expect(failure(await revokeInvitation(consultantApi, id)).extensions.reason).toBe(
      'INVITATION_NOT_FOUND',
    );

    const otherCentre = (await aJobCentre(t.dataSource)).id;
    const otherAdmin = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(otherCentre)
      .build(t.dataSource);
    const otherApi = await anonymous.signIn(otherAdmin.email, TEST_PASSWORD);
    expect(ok(await invitations(otherApi)).invitations.totalCount).toBe(0);
    const random = failure(
      await revokeInvitation(otherApi, '0b5c6f4e-1111-4222-8333-444455556666'),
    );
    const hidden = failure(await resendInvitation(otherApi, id));
    expect(hidden.extensions).toEqual(random.extensions);
    expect(hidden.message).toBe(random.message);

    // Pages of one.
    const first = ok(await invitations(adminApi, { first: 1 })).invitations;
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(
      await invitations(adminApi, { first: 1, after: first.pageInfo.endCursor }),
    ).invitations;
    expect(second.edges[0].node.id).not.toBe(first.edges[0].node.id);
  });
});

describe('invitation limits', () => {
  let t: TestApp;
  let anonymous: Api;

  beforeAll(async () => {
    t = await createTestApp({
      INVITATIONS_PER_HOUR: '2',
      LOGIN_FAILURES_PER_HOUR: '100',
      LOGIN_FAILURES_PER_IP_PER_HOUR: '2',
    });
    anonymous = new Api(t.http);
  });
  afterAll(() => t.close());

  it('limits invitations per inviter an hour, and failed acceptances per IP', async () => {
    const centreId = (await aJobCentre(t.dataSource)).id;
    const admin = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(centreId)
      .build(t.dataSource);
    const api = await anonymous.signIn(admin.email, TEST_PASSWORD);
    const invite = (n: number) =>
      inviteStaff(api, { email: `n${n}@jobcenter.dk`, displayName: 'N', role: 'CASEWORKER' });
    ok(await invite(1));
    ok(await invite(2));
    const third = await invite(3);
    expect(failure(third).extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(failure(await acceptInvitationPayload(anonymous, 'guess-1')).extensions.reason).toBe(
      'INVITATION_INVALID',
    );
    // The sign-in above gave its attempt back; two failures fill the per-IP budget of 2.
    failure(await acceptInvitationPayload(anonymous, 'guess-2'));
    const refused = await acceptInvitationPayload(anonymous, 'guess-3');
    expect(refused.status).toBe(429);
  });
});

/**
 * Invitations do not outlive their sender's rights: `revokePendingFrom` (called by the user, staff
 * and company modules when someone loses a right), deactivation and role changes revoke what the
 * user sent, and acceptance re-checks the inviter.
 */
describe('invitations and the inviter’s rights', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let anonymous: Api;
  let centreId: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://jobbro.test' });
    anonymous = new Api(t.http);
    centreId = (await aJobCentre(t.dataSource)).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const anAdmin = async (): Promise<{ user: BuiltUser; api: Api }> => {
    const user = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(centreId)
      .build(t.dataSource);
    return { user, api: await anonymous.signIn(user.email, TEST_PASSWORD) };
  };
  /** Invites a caseworker as `api`; the invitation's id and the token from its mail. */
  const invite = async (api: Api, email: string): Promise<{ id: string; token: string }> => {
    const { id } = ok(
      await inviteStaff(api, { email, displayName: 'N', role: 'CASEWORKER' }),
    ).inviteStaff;
    await t.app.get(OutboxRelay).drain();
    const [mail] = await smtp.waitFor(1, email);
    return { id, token: tokenInMail(mail)! };
  };
  const statusOf = async (id: string): Promise<string> => {
    const [row] = await t.dataSource.query<{ revoked: boolean; accepted: boolean }[]>(
      `SELECT revoked_at IS NOT NULL AS revoked, accepted_at IS NOT NULL AS accepted
         FROM invitation WHERE id = $1`,
      [id],
    );
    return row.accepted ? 'accepted' : row.revoked ? 'revoked' : 'pending';
  };

  it('deactivating an administrator revokes the invitations they sent, in the same transaction', async () => {
    const a = await anAdmin();
    const b = await anAdmin();
    const sent = await invite(b.api, 'by-deactivated@jobcenter.dk');
    ok(await deactivateUser(a.api, b.user.id));
    expect(await statusOf(sent.id)).toBe('revoked');
    expect(failure(await acceptInvitationPayload(anonymous, sent.token)).extensions.reason).toBe(
      'INVITATION_REVOKED',
    );
  });

  it('changing an administrator’s role revokes the invitations they sent; other users’ stay', async () => {
    const a = await anAdmin();
    const b = await anAdmin();
    const sentByB = await invite(b.api, 'by-demoted@jobcenter.dk');
    const sentByA = await invite(a.api, 'by-keeper@jobcenter.dk');
    ok(await changeUserRole(a.api, b.user.id, 'CASEWORKER'));
    expect(await statusOf(sentByB.id)).toBe('revoked');
    expect(await statusOf(sentByA.id)).toBe('pending');
    ok(await acceptInvitationPayload(anonymous, sentByA.token));
  });

  it.each([
    ['deactivated', `UPDATE app_user SET disabled_at = now() WHERE id = $1`],
    ['no longer an administrator', `UPDATE app_user SET role = 'caseworker' WHERE id = $1`],
    [
      'an administrator of another job centre',
      `UPDATE app_user SET job_centre_id = (SELECT id FROM job_centre WHERE id <> job_centre_id LIMIT 1) WHERE id = $1`,
    ],
  ])(
    'refuses a staff invitation whose inviter is now %s (changed behind the services’ back)',
    async (_what, sql) => {
      const b = await anAdmin();
      await aJobCentre(t.dataSource);
      const sent = await invite(
        b.api,
        `behind-${Math.random().toString(36).slice(2)}@jobcenter.dk`,
      );
      await t.dataSource.query(sql, [b.user.id]);
      expect(
        failure(await acceptInvitationPayload(anonymous, sent.token)).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVITATION_REVOKED' });
      expect(await statusOf(sent.id)).toBe('pending');
    },
  );

  const statuses = (inviterId: string): Promise<{ email: string; revoked: boolean }[]> =>
    t.dataSource.query(
      `SELECT email, revoked_at IS NOT NULL AS revoked FROM invitation WHERE invited_by = $1 ORDER BY email`,
      [inviterId],
    );

  it('audits a citizen invitation listed to someone other than its inviter, as a read of the citizen', async () => {
    const a = await anAdmin();
    const consultant = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centreId)
      .build(t.dataSource);
    const consultantApi = await anonymous.signIn(consultant.email, TEST_PASSWORD);
    const citizen = ok(
      await consultantApi.createCitizen({
        firstName: 'Sara',
        lastName: 'Holm',
        postalCode: '2400',
      }),
    ).createCitizen;
    await t.dataSource.transaction((m) =>
      t.app.get(InvitationService).create(m, {
        kind: 'citizen',
        email: 'sara.holm@example.dk',
        displayName: 'Sara Holm',
        role: Role.Citizen,
        language: 'da',
        jobCentreId: centreId,
        companyId: null,
        companyCvr: null,
        subjectId: citizen.id,
        invitedBy: { userId: consultant.id, role: Role.JobConsultant, jobCentreId: centreId },
      }),
    );
    const reads = async () =>
      (await auditRows(t.dataSource, citizen.id)).filter((r) => r.operation === 'invitations');

    // The inviter sees their own invitation: no audit row.
    const own = ok(await invitations(consultantApi)).invitations;
    expect(own.edges.map((e: { node: { email: string } }) => e.node.email)).toContain(
      'sara.holm@example.dk',
    );
    expect(await reads()).toEqual([]);
    // An administrator of the job centre sees it too: audited.
    const seen = ok(await invitations(a.api, { status: 'PENDING' })).invitations;
    expect(seen.edges.map((e: { node: { email: string } }) => e.node.email)).toContain(
      'sara.holm@example.dk',
    );
    expect(await reads()).toEqual([
      { userId: a.user.id, action: 'read', operation: 'invitations', allowed: true },
    ]);
    // A page without it (another status) reads nothing of the citizen.
    ok(await invitations(a.api, { status: 'ACCEPTED' }));
    expect(await reads()).toHaveLength(1);
  });

  it('revokePendingFrom revokes the pending invitations one user sent, optionally for one company', async () => {
    const admin = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(centreId)
      .build(t.dataSource);
    const other = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(centreId)
      .build(t.dataSource);
    const companyAdmin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const company = await aCompany(t.dataSource, companyAdmin.id);
    const service = t.app.get(InvitationService);
    const principal = { userId: admin.id, role: Role.Administrator, jobCentreId: centreId };
    const base = {
      displayName: 'N',
      language: 'da' as const,
      companyCvr: null,
      subjectId: null,
      invitedBy: principal,
    };
    await t.dataSource.transaction(async (m) => {
      await service.create(m, {
        ...base,
        kind: 'staff',
        email: 'a-staff@jobcenter.dk',
        role: Role.Caseworker,
        jobCentreId: centreId,
        companyId: null,
      });
      await service.create(m, {
        ...base,
        kind: 'company_admin',
        email: 'b-company@firma.dk',
        role: Role.CompanyAdmin,
        jobCentreId: centreId,
        companyId: company.id,
      });
      await service.create(m, {
        ...base,
        kind: 'staff',
        email: 'c-other@jobcenter.dk',
        role: Role.Caseworker,
        jobCentreId: centreId,
        companyId: null,
        invitedBy: { ...principal, userId: other.id },
      });
    });

    const scoped = await t.dataSource.transaction((m) =>
      service.revokePendingFrom(m, admin.id, { companyId: company.id }),
    );
    expect(scoped).toBe(1);
    expect(await statuses(admin.id)).toEqual([
      { email: 'a-staff@jobcenter.dk', revoked: false },
      { email: 'b-company@firma.dk', revoked: true },
    ]);
    // A rolled-back caller transaction revokes nothing.
    await expect(
      t.dataSource.transaction(async (m) => {
        expect(await service.revokePendingFrom(m, admin.id)).toBe(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await statuses(admin.id))[0].revoked).toBe(false);
    expect(await t.dataSource.transaction((m) => service.revokePendingFrom(m, admin.id))).toBe(1);
    expect((await statuses(admin.id)).every((r) => r.revoked)).toBe(true);
    expect(await statuses(other.id)).toEqual([{ email: 'c-other@jobcenter.dk', revoked: false }]);

    // Another lib's call passes the address as it has it: create stores it normalised.
    await t.dataSource.transaction((m) =>
      service.create(m, {
        ...base,
        kind: 'staff',
        email: '  Blandet.Case@JobCenter.DK ',
        role: Role.Caseworker,
        jobCentreId: centreId,
        companyId: null,
      }),
    );
    expect((await statuses(admin.id)).map((r) => r.email)).toContain('blandet.case@jobcenter.dk');
  });
});
