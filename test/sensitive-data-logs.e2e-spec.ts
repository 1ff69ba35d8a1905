import { Writable } from 'node:stream';
import { Role } from '@jobbro/core';
import { aJobCentre, Api, aUser, createTestApp, failure, ok, type TestApp } from '@jobbro/testing';

const CPR = '240378-4321';
const HEALTH = 'Kronisk rygsmerte efter diskusprolaps';
const SOCIAL = 'Misbrug af hash, i behandling';
const MEETING = 'Fortalte om angst og søvnproblemer';

/** Health and social data and CPR numbers never reach the logs, the outbox or the audit trail. */
describe('sensitive data stays out of logs', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback): void {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    });
    t = await createTestApp({ LOG_LEVEL: 'trace' }, { logStream: stream });
  });
  afterAll(() => t.close());

  it('logs the path of a request, never its query string, headers or body', async () => {
    const centre = await aJobCentre(t.dataSource);
    const user = await aUser().withRole(Role.Caseworker).inJobCentre(centre.id).build(t.dataSource);
    const login = ok(await new Api(t.http).login(user.email, user.password)).login as {
      accessToken: string;
      refreshToken: string;
    };
    const before = lines.length;
    const get = (query: Record<string, string>) =>
      t
        .http()
        .get('/graphql')
        .query(query)
        .set('apollo-require-preflight', 'true')
        .set('authorization', `Bearer ${login.accessToken}`);
    // A CPR number in GET variables.
    await get({
      query: 'query($s: String!) { citizens(first: 1, filter: { search: $s }) { totalCount } }',
      variables: JSON.stringify({ s: '090792-0532' }),
    });
    // A refresh token in a mutation sent over GET (refused: mutations need POST).
    await get({
      query: `mutation { refreshToken(input: { refreshToken: "${login.refreshToken}" }) { accessToken } }`,
    });
    // A token in the URL, on GraphQL and on a route that does not exist.
    await get({ query: '{ __typename }', access_token: login.accessToken });
    await t.http().get(`/health?access_token=${login.accessToken}`);
    await t.http().get(`/no-such-page?cpr=090792-0532&access_token=${login.accessToken}`);
    // Bodies the parser refuses carry data too.
    await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send('{"query": "{ __typename }", "variables": {"cpr": "090792-0532"');
    await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: '{ __typename }', cpr: '090792-0532'.repeat(30_000) }));

    const log = lines.slice(before).join('');
    expect(log).toContain('"path":"/graphql"');
    expect(log).toContain('"method":"GET"');
    // Refused bodies are logged like any request: path and status.
    expect(log).toContain('"res":{"statusCode":400}');
    expect(log).toContain('"res":{"statusCode":413}');
    for (const secret of [
      '090792-0532',
      '0907920532',
      login.accessToken,
      login.refreshToken,
      'access_token',
      'variables',
      'apollo-require-preflight',
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it('never logs a date value the database or the validation refused', async () => {
    const centre = await aJobCentre(t.dataSource);
    const user = await aUser().withRole(Role.Caseworker).inJobCentre(centre.id).build(t.dataSource);
    const api = await new Api(t.http).signIn(user.email, user.password);
    const citizen = ok(
      await api.createCitizen({ firstName: 'Ib', lastName: 'Holm', postalCode: '8000' }),
    ).createCitizen as { id: string };
    const before = lines.length;
    failure(
      await api.recordMeeting({
        citizenId: citizen.id,
        kind: 'START',
        heldOn: '0000-01-01',
        participants: [{ name: 'Ib', role: 'CITIZEN' }],
      }),
    );
    failure(
      await api.updatePlan({
        citizenId: citizen.id,
        expectedVersion: 0,
        milestones: [{ title: 'Første skridt', deadline: '0000-01-01' }],
      }),
    );
    failure(
      await api.run(
        'query($d: Date) { placements(first: 1, filter: { startBy: $d }) { totalCount } }',
        {
          d: '0000-01-01',
        },
      ),
    );
    const log = lines.slice(before).join('');
    expect(log).toContain('"path":"/graphql"');
    expect(log).not.toContain('0000-01-01');
  });

  it('logs requests and errors, but none of the data in them', async () => {
    const centre = await aJobCentre(t.dataSource);
    const user = await aUser().withRole(Role.Caseworker).inJobCentre(centre.id).build(t.dataSource);
    const api = await new Api(t.http).signIn(user.email, user.password);
    const citizen = ok(
      await api.createCitizen({
        firstName: 'Lone',
        lastName: 'Berg',
        postalCode: '8000',
        cpr: CPR,
      }),
    ).createCitizen;
    ok(
      await api.updateNeeds({
        citizenId: citizen.id,
        accommodations: ['NO_HEAVY_LIFTING'],
        functionalLimits: HEALTH,
        supportNeeds: SOCIAL,
      }),
    );
    ok(
      await api.recordMeeting({
        citizenId: citizen.id,
        kind: 'START',
        heldOn: '2026-11-20',
        participants: [{ name: 'Lone', role: 'CITIZEN' }],
        notes: MEETING,
      }),
    );
    ok(await api.citizen(citizen.id));
    // Failures log too: a database constraint, a validation error, a refused CPR.
    failure(await api.updateCitizen({ id: citizen.id, cpr: '999999-9999' }));
    failure(
      await api.createCitizen({
        firstName: 'x'.repeat(500),
        lastName: SOCIAL,
        postalCode: '8000',
        cpr: CPR,
      }),
    );

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5); // the capture works: requests were logged
    expect(log).toContain('"path":"/graphql"');
    for (const secret of [CPR, CPR.replace('-', ''), HEALTH, SOCIAL, MEETING, '999999-9999']) {
      expect(log).not.toContain(secret);
    }

    const stored =
      JSON.stringify(await t.dataSource.query(`SELECT * FROM outbox_event`)) +
      JSON.stringify(await t.dataSource.query(`SELECT * FROM audit_event`));
    for (const secret of [CPR, CPR.replace('-', ''), HEALTH, SOCIAL, MEETING])
      expect(stored).not.toContain(secret);
    const [{ cpr }] = await t.dataSource.query<{ cpr: string }[]>(
      `SELECT cpr_encrypted AS cpr FROM citizen WHERE id = $1`,
      [citizen.id],
    );
    expect(cpr).not.toContain(CPR.replace('-', ''));
  });
});
