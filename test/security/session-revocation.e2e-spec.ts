import {
  Api,
  aUser,
  aValidCvr,
  type BuiltUser,
  createTestApp,
  failure,
  ok,
  type TestApp,
} from '@jobbro/testing';
import { JwtService } from '@nestjs/jwt';

interface Session {
  accessToken: string;
  refreshToken: string;
}

/**
 * Finding: "The access token still works after logout until it expires." An access token names
 * its session (`sid`); every request checks that session and its user in PostgreSQL, so signing
 * out, a replayed refresh token or a disabled user end access at once, not when the token expires.
 */
describe('sessions end at once', () => {
  let t: TestApp;
  let anonymous: Api;

  beforeAll(async () => {
    t = await createTestApp();
    anonymous = new Api(t.http);
  });
  afterAll(() => t.close());

  const signIn = async (user: BuiltUser): Promise<Session> =>
    ok(await anonymous.login(user.email, user.password)).login as Session;
  const meAs = (token: string) => anonymous.as(token).me();
  // `jobCentres` reads no user row itself, so only the session check can refuse it.
  const refused = async (token: string): Promise<void> =>
    expect(failure(await anonymous.as(token).jobCentres()).extensions.code).toBe('UNAUTHENTICATED');

  it('refuses the access token as soon as its session signs out, and only that session', async () => {
    const user = await aUser().build(t.dataSource);
    const phone = await signIn(user);
    const laptop = await signIn(user);
    expect(ok(await meAs(phone.accessToken)).me.id).toBe(user.id);

    ok(await anonymous.logout(phone.refreshToken));
    await refused(phone.accessToken);
    expect(failure(await anonymous.refreshToken(phone.refreshToken)).extensions.reason).toBe(
      'INVALID_REFRESH_TOKEN',
    );
    expect(ok(await meAs(laptop.accessToken)).me.id).toBe(user.id);
  });

  it('keeps access through refreshes, and ends it when a used refresh token is replayed', async () => {
    const user = await aUser().build(t.dataSource);
    const first = await signIn(user);
    const second = ok(await anonymous.refreshToken(first.refreshToken)).refreshToken as Session;
    expect(ok(await meAs(first.accessToken)).me.id).toBe(user.id);
    expect(ok(await meAs(second.accessToken)).me.id).toBe(user.id);

    // A thief replays the first refresh token: the whole session ends, every access token with it.
    failure(await anonymous.refreshToken(first.refreshToken));
    await refused(first.accessToken);
    await refused(second.accessToken);
  });

  it('refuses a disabled user at once', async () => {
    const user = await aUser().build(t.dataSource);
    const session = await signIn(user);
    await t.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [user.id]);
    await refused(session.accessToken);
  });

  it('acts with the role the user has now, not the one written in the token', async () => {
    const user = await aUser().build(t.dataSource);
    const session = await signIn(user);
    await t.dataSource.query(`UPDATE app_user SET role = 'mentor' WHERE id = $1`, [user.id]);
    const company = { cvr: aValidCvr(), name: 'Firma ApS', ordinaryEmployees: 3 };
    expect(
      failure(await anonymous.as(session.accessToken).registerCompany(company)).extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('refuses a validly signed token without a session, or with another user’s session', async () => {
    const user = await aUser().build(t.dataSource);
    const other = await aUser().build(t.dataSource);
    const jwt = t.app.get(JwtService, { strict: false });
    // Issued before sessions existed: the signature is good, the session claim is missing.
    const legacy = await jwt.signAsync({ sub: user.id, role: user.role, jc: null });
    await refused(legacy);

    const otherSession = await signIn(other);
    const { sid } = jwt.decode<{ sid: string }>(otherSession.accessToken);
    expect(sid).toEqual(expect.any(String));
    await refused(await jwt.signAsync({ sub: user.id, role: user.role, jc: null, sid }));
    await refused(await jwt.signAsync({ sub: user.id, role: user.role, jc: null, sid: 'nope' }));
  });
});
