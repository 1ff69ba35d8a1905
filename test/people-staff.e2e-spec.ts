import { Role } from '@jobbro/core';
import { StaffService, UserDirectory } from '@jobbro/auth';
import {
  aCompany,
  aJobCentre,
  Api,
  auditRows,
  aUser,
  type BuiltUser,
  changeUserRole,
  createTestApp,
  deactivateUser,
  failure,
  ok,
  reactivateUser,
  TEST_PASSWORD,
  type TestApp,
  updateNotificationSettings,
  users,
} from '@jobbro/testing';

/**
 * Staff accounts: an administrator lists the users of their job centre, deactivates (every
 * session and refresh token ends at once, access tokens stop on the next request), reactivates
 * and changes roles (held from the next request); never their own account, never the last active
 * administrator; users of other job centres are NOT_FOUND like random ids. Any user sets how
 * reminders reach them.
 */
describe('staff accounts', () => {
  let t: TestApp;
  let anonymous: Api;
  let centreId: string;
  let admin: BuiltUser;
  let adminApi: Api;

  beforeAll(async () => {
    t = await createTestApp();
    anonymous = new Api(t.http);
    centreId = (await aJobCentre(t.dataSource)).id;
    admin = await aUser().withRole(Role.Administrator).inJobCentre(centreId).build(t.dataSource);
    adminApi = await anonymous.signIn(admin.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const staff = (role: Role, name = 'Kollega') =>
    aUser().withRole(role).inJobCentre(centreId).named(name).build(t.dataSource);
  const signInFull = async (email: string) =>
    ok(await anonymous.login(email, TEST_PASSWORD)).login as {
      accessToken: string;
      refreshToken: string;
    };

  it('lists the job centre’s staff with filters and pages, and nobody else', async () => {
    const worker = await staff(Role.SocialSupportWorker, 'Carla CTI');
    const other = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre((await aJobCentre(t.dataSource)).id)
      .build(t.dataSource);
    const employer = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const all = ok(await users(adminApi, { first: 50 })).users;
    const ids = all.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toEqual(expect.arrayContaining([admin.id, worker.id]));
    expect(ids).not.toContain(other.id);
    expect(ids).not.toContain(employer.id);
    const filtered = ok(
      await users(adminApi, { filter: { role: 'SOCIAL_SUPPORT_WORKER', search: 'carla' } }),
    ).users;
    expect(filtered.edges).toEqual([
      {
        node: expect.objectContaining({
          id: worker.id,
          role: 'SOCIAL_SUPPORT_WORKER',
          disabledAt: null,
          notificationMode: 'IMMEDIATE',
          jobCentre: { id: centreId },
        }),
      },
    ]);
    const page = ok(await users(adminApi, { first: 1 })).users;
    expect(page.edges).toHaveLength(1);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const consultant = await staff(Role.JobConsultant);
    const consultantApi = await anonymous.signIn(consultant.email, TEST_PASSWORD);
    expect(failure(await users(consultantApi)).extensions.code).toBe('FORBIDDEN');
  });

  it('deactivates: refresh tokens and access tokens stop at once; reactivating lets them sign in again', async () => {
    const user = await staff(Role.Caseworker);
    const first = await signInFull(user.email);
    const second = await signInFull(user.email);
    const deactivated = ok(await deactivateUser(adminApi, user.id)).deactivateUser;
    expect(deactivated.disabledAt).not.toBeNull();
    expect(failure(await anonymous.as(first.accessToken).me()).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(failure(await anonymous.as(second.accessToken).me()).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(failure(await anonymous.refreshToken(first.refreshToken)).extensions.reason).toBe(
      'INVALID_REFRESH_TOKEN',
    );
    const [{ open }] = await t.dataSource.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`,
      [user.id],
    );
    expect(open).toBe(0);
    expect(failure(await anonymous.login(user.email, TEST_PASSWORD)).extensions.reason).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(ok(await users(adminApi, { filter: { active: false } })).users.totalCount).toBe(1);

    expect(ok(await reactivateUser(adminApi, user.id)).reactivateUser.disabledAt).toBeNull();
    // Old sessions stay ended; a new sign-in works.
    expect(failure(await anonymous.as(first.accessToken).me()).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    ok(await (await anonymous.signIn(user.email, TEST_PASSWORD)).me());
  });

  it('never acts on the caller’s own account nor leaves the job centre without an administrator', async () => {
    const centre = (await aJobCentre(t.dataSource)).id;
    const only = await aUser().withRole(Role.Administrator).inJobCentre(centre).build(t.dataSource);
    const onlyApi = await anonymous.signIn(only.email, TEST_PASSWORD);
    expect(failure(await deactivateUser(onlyApi, only.id)).extensions.reason).toBe(
      'NOT_ON_YOURSELF',
    );
    expect(failure(await changeUserRole(onlyApi, only.id, 'CASEWORKER')).extensions.reason).toBe(
      'NOT_ON_YOURSELF',
    );
    const second = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(centre)
      .build(t.dataSource);
    const secondApi = await anonymous.signIn(second.email, TEST_PASSWORD);
    // Two administrators demoting each other at once: one of them must stay.
    const [a, b] = await Promise.all([
      changeUserRole(onlyApi, second.id, 'CASEWORKER'),
      changeUserRole(secondApi, only.id, 'CASEWORKER'),
    ]);
    const succeeded = [a, b].filter((r) => !r.errors);
    expect(succeeded).toHaveLength(1);
    const refused = [a, b].find((r) => r.errors)!;
    // LAST_ADMINISTRATOR, or FORBIDDEN when the other's demotion already took the role away.
    expect(['CONFLICT', 'FORBIDDEN']).toContain(failure(refused).extensions.code);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_user WHERE job_centre_id = $1 AND role = 'administrator' AND disabled_at IS NULL`,
      [centre],
    );
    expect(n).toBe(1);
  });

  it('re-checks the caller under the job centre’s lock: an administrator demoted or deactivated meanwhile cannot act', async () => {
    // Three administrators: A and B deactivate each other at once. The guard let both requests in;
    // whichever runs second must find its caller no longer an active administrator. The service is
    // called with the principal the guard resolved, after the other change committed.
    const centre = (await aJobCentre(t.dataSource)).id;
    const anAdmin = () =>
      aUser().withRole(Role.Administrator).inJobCentre(centre).build(t.dataSource);
    const [a, b] = [await anAdmin(), await anAdmin(), await anAdmin()];
    const service = t.app.get(StaffService);
    const as = (u: BuiltUser) => ({ userId: u.id, role: Role.Administrator, jobCentreId: centre });
    await service.deactivate(as(a), b.id);
    await expect(service.deactivate(as(b), a.id)).rejects.toMatchObject({
      code: 'NOT_AN_ADMINISTRATOR',
    });
    const target = await aUser().withRole(Role.Caseworker).inJobCentre(centre).build(t.dataSource);
    await service.changeRole(as(a), b.id, Role.Caseworker);
    await service.reactivate(as(a), b.id);
    for (const refused of [
      service.reactivate(as(b), target.id),
      service.changeRole(as(b), target.id, Role.Administrator),
    ])
      await expect(refused).rejects.toMatchObject({ code: 'NOT_AN_ADMINISTRATOR' });
    const [row] = await t.dataSource.query<{ role: string; disabled: boolean }[]>(
      `SELECT role, disabled_at IS NOT NULL AS disabled FROM app_user WHERE id = $1`,
      [a.id],
    );
    expect(row).toEqual({ role: 'administrator', disabled: false });
  });

  it('answers another job centre’s administrator NOT_FOUND, like a random id', async () => {
    const otherAdmin = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre((await aJobCentre(t.dataSource)).id)
      .build(t.dataSource);
    const otherApi = await anonymous.signIn(otherAdmin.email, TEST_PASSWORD);
    const user = await staff(Role.Caseworker);
    const random = failure(await deactivateUser(otherApi, '0b5c6f4e-1111-4222-8333-444455556666'));
    for (const res of [
      await deactivateUser(otherApi, user.id),
      await reactivateUser(otherApi, user.id),
      await changeUserRole(otherApi, user.id, 'ADMINISTRATOR'),
    ]) {
      expect(failure(res).extensions).toEqual(random.extensions);
      expect(failure(res).message).toBe(random.message);
    }
    expect(random.extensions.reason).toBe('USER_NOT_FOUND');
  });

  it('changes a role: the same access token acts with the new role from its next request', async () => {
    const user = await staff(Role.Caseworker);
    const api = await anonymous.signIn(user.email, TEST_PASSWORD);
    expect(failure(await users(api)).extensions.code).toBe('FORBIDDEN');
    const changed = ok(await changeUserRole(adminApi, user.id, 'ADMINISTRATOR')).changeUserRole;
    expect(changed.role).toBe('ADMINISTRATOR');
    expect(ok(await users(api)).users.totalCount).toBeGreaterThan(1);
    expect(ok(await api.me()).me.role).toBe('ADMINISTRATOR');
    expect(failure(await changeUserRole(adminApi, user.id, 'MENTOR')).extensions.reason).toBe(
      'ROLE_NOT_ALLOWED',
    );
  });

  it('lets any user choose immediate mails or a daily digest, shown on me and to the directory', async () => {
    const mentor = await aUser().withRole(Role.Mentor).build(t.dataSource);
    const api = await anonymous.signIn(mentor.email, TEST_PASSWORD);
    expect(ok(await api.run('{ me { notificationMode preferredLanguage } }')).me).toEqual({
      notificationMode: 'IMMEDIATE',
      preferredLanguage: 'da',
    });
    const updated = ok(
      await updateNotificationSettings(api, { mode: 'DAILY_DIGEST', language: 'en' }),
    ).updateNotificationSettings;
    expect(updated).toMatchObject({ notificationMode: 'DAILY_DIGEST', preferredLanguage: 'en' });
    expect(ok(await api.run('{ me { notificationMode } }')).me.notificationMode).toBe(
      'DAILY_DIGEST',
    );
    const [contact] = await t.app.get(UserDirectory).contacts([mentor.id]);
    expect(contact).toEqual({
      userId: mentor.id,
      email: mentor.email,
      displayName: expect.any(String),
      language: 'en',
      notificationMode: 'daily_digest',
      active: true,
    });
    expect(
      failure(await updateNotificationSettings(api, { mode: 'SOMETIMES' })).extensions.code,
    ).toBe('BAD_USER_INPUT');
  });
});

/**
 * "Refusals by the role check are audited like refusals by the access policy when they concern a
 * citizen": an operation refused by @Roles whose arguments name a citizen writes a denied audit
 * row for that citizen, which the citizen sees in their access log.
 */
describe('role-check refusals about a citizen are audited', () => {
  let t: TestApp;
  let anonymous: Api;

  beforeAll(async () => {
    t = await createTestApp();
    anonymous = new Api(t.http);
  });
  afterAll(() => t.close());

  it('audits a refused exportCitizenData, updateCitizen and plan PDF, not a refusal naming no citizen', async () => {
    const centreId = (await aJobCentre(t.dataSource)).id;
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
    const before = (await auditRows(t.dataSource, citizen.id)).length;

    const employer = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    await aCompany(t.dataSource, employer.id);
    const employerApi = await anonymous.signIn(employer.email, TEST_PASSWORD);
    expect(failure(await employerApi.exportCitizenData(citizen.id)).extensions.code).toBe(
      'FORBIDDEN',
    );
    expect(
      failure(await employerApi.updateCitizen({ id: citizen.id, firstName: 'X' })).extensions.code,
    ).toBe('FORBIDDEN');
    expect(failure(await consultantApi.exportCitizenData(citizen.id)).extensions.code).toBe(
      'FORBIDDEN',
    );
    // A refusal naming no citizen, and one naming an id that is no citizen, write nothing.
    failure(await employerApi.run('{ citizens { totalCount } }'));
    failure(await employerApi.exportCitizenData('0b5c6f4e-1111-4222-8333-444455556666'));

    // The plan's PDF (a REST route) is refused to a company admin by its role check too.
    const pdf = await t
      .http()
      .get(`/citizens/${citizen.id}/plan.pdf`)
      .set('authorization', `Bearer ${employerApi.token}`);
    expect(pdf.status).toBe(403);

    const rows = (await auditRows(t.dataSource, citizen.id)).slice(before);
    expect(rows).toEqual([
      { userId: employer.id, action: 'export', operation: 'exportCitizenData', allowed: false },
      { userId: employer.id, action: 'update', operation: 'updateCitizen', allowed: false },
      { userId: consultant.id, action: 'export', operation: 'exportCitizenData', allowed: false },
      { userId: employer.id, action: 'read', operation: 'planPdf', allowed: false },
    ]);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_event WHERE citizen_id = '0b5c6f4e-1111-4222-8333-444455556666'`,
    );
    expect(n).toBe(0);
  });
});
