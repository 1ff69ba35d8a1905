import { Role } from '@jobbro/core';
import {
  aJobCentre,
  Api,
  aUser,
  createTestApp,
  failure,
  ok,
  signUpConfirmedEmployer,
  type TestApp,
} from '@jobbro/testing';

describe('signing in', () => {
  let t: TestApp;
  let anonymous: Api;

  beforeAll(async () => {
    t = await createTestApp();
    anonymous = new Api(t.http);
  });
  afterAll(() => t.close());

  it('signs a consultant in, tells who they are and where they work', async () => {
    const centre = await aJobCentre(t.dataSource, { name: 'Jobcenter Odense' });
    const user = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .named('Sofie Kragh')
      .build(t.dataSource);
    const login = ok(await anonymous.login(user.email.toUpperCase(), user.password)).login;
    expect(login).toMatchObject({ expiresIn: 900, user: { id: user.id, role: 'JOB_CONSULTANT' } });
    const me = ok(await anonymous.as(login.accessToken).me()).me;
    expect(me).toMatchObject({
      displayName: 'Sofie Kragh',
      jobCentre: { name: 'Jobcenter Odense' },
    });
  });

  it('gives one message for a wrong password and an unknown email, so accounts cannot be probed', async () => {
    const user = await aUser().build(t.dataSource);
    const wrongPassword = failure(await anonymous.login(user.email, 'not-the-password'));
    const unknownEmail = failure(
      await anonymous.login('nobody@test.jobbro.dk', 'not-the-password'),
    );
    expect(wrongPassword.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_CREDENTIALS',
    });
    expect(unknownEmail.extensions).toEqual(wrongPassword.extensions);
    expect(unknownEmail.message).toBe('Forkert e-mail eller adgangskode.');
  });

  it('refuses a disabled user', async () => {
    const user = await aUser().build(t.dataSource);
    await t.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [user.id]);
    expect(failure(await anonymous.login(user.email, user.password)).extensions.reason).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('rotates refresh tokens, and a reused one ends the whole session', async () => {
    const user = await aUser().build(t.dataSource);
    const first = ok(await anonymous.login(user.email, user.password)).login;
    const second = ok(await anonymous.refreshToken(first.refreshToken)).refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(ok(await anonymous.as(second.accessToken).me()).me.id).toBe(user.id);

    // Someone replays the old token: refused, and the token issued after it stops working too.
    expect(failure(await anonymous.refreshToken(first.refreshToken)).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_REFRESH_TOKEN',
    });
    expect(failure(await anonymous.refreshToken(second.refreshToken)).extensions.reason).toBe(
      'INVALID_REFRESH_TOKEN',
    );
  });

  it('revokes the session on logout', async () => {
    const user = await aUser().build(t.dataSource);
    const login = ok(await anonymous.login(user.email, user.password)).login;
    expect(ok(await anonymous.logout(login.refreshToken)).logout).toBe(true);
    expect(failure(await anonymous.refreshToken(login.refreshToken)).extensions.reason).toBe(
      'INVALID_REFRESH_TOKEN',
    );
  });

  it('leaves no live token behind when a refresh and a logout race', async () => {
    const user = await aUser().build(t.dataSource);
    for (let round = 0; round < 5; round++) {
      const login = ok(await anonymous.login(user.email, user.password)).login;
      const [refreshed] = await Promise.all([
        anonymous.refreshToken(login.refreshToken),
        anonymous.logout(login.refreshToken),
      ]);
      const next = (refreshed.data?.refreshToken as { refreshToken: string } | undefined)
        ?.refreshToken;
      if (next)
        expect(failure(await anonymous.refreshToken(next)).extensions.reason).toBe(
          'INVALID_REFRESH_TOKEN',
        );
    }
  });

  it('refuses a tampered or missing access token', async () => {
    const user = await aUser().build(t.dataSource);
    const { accessToken } = ok(await anonymous.login(user.email, user.password)).login;
    const tampered = accessToken.slice(0, -3) + (accessToken.endsWith('a') ? 'bbb' : 'aaa');
    expect(failure(await anonymous.as(tampered).me()).extensions.code).toBe('UNAUTHENTICATED');
    expect(failure(await anonymous.me()).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lets an employer sign up and confirm, answers a taken email alike, refuses a short password', async () => {
    const input = {
      email: 'ny@virksomhed.dk',
      password: 'en-lang-adgangskode',
      displayName: 'Ny Arbejdsgiver',
    };
    const signedUp = await signUpConfirmedEmployer(t, input);
    expect(signedUp.user.role).toBe('COMPANY_ADMIN');
    expect(ok(await anonymous.as(signedUp.accessToken).me()).me.email).toBe('ny@virksomhed.dk');
    // The same answer as for a new address (test/security/session-sign-up.e2e-spec.ts has the mail).
    expect(ok(await anonymous.signUpEmployer({ ...input, email: 'NY@virksomhed.dk' }))).toEqual(
      ok(await anonymous.signUpEmployer({ ...input, email: 'ny-2@virksomhed.dk' })),
    );
    expect(
      failure(
        await anonymous.signUpEmployer({ ...input, email: 'kort@virksomhed.dk', password: 'kort' }),
      ).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'password', constraint: 'minLength', message: 'Skal være mindst 12 tegn.' },
      ],
    });
  });

  it('answers /health with the database status, without signing in', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('refuses queries that are too large before running them', async () => {
    const user = await aUser().build(t.dataSource);
    const api = await anonymous.signIn(user.email, user.password);
    const page =
      'placements(first: 100) { edges { node { id title tasks company { name sites { id } } } } }';
    const huge = await api.run(`{ a: ${page} b: ${page} }`);
    expect(failure(huge).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_COMPLEX',
    });
  });
});
