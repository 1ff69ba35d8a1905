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
    expect(log).toContain('"url":"/graphql"');
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
