import { OutboxRelay, Role } from '@jobbro/core';
import {
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  createTestApp,
  occupationByLabel,
  ok,
  type TestApp,
} from '@jobbro/testing';

/**
 * Meilisearch configured but down (a real refused connection on a closed loopback port; no
 * Meilisearch server can be installed here): writes still succeed, the indexing event waits in the
 * outbox with a retry, and search answers from PostgreSQL.
 */
describe('search when Meilisearch is down (MEILI_URL points at a closed port)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MEILI_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent' });
  });
  afterAll(() => t.close());

  it('publishes, keeps the index event for retry, and searches on PostgreSQL', async () => {
    const centre = await aJobCentre(t.dataSource);
    const staff = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const company = await aCompany(t.dataSource, admin.id);
    await aPartnership(t.dataSource, company.id, centre.id);
    const employer = await new Api(t.http).signIn(admin.email, admin.password);
    const occupation = await occupationByLabel(t.dataSource, 'barista');
    const slotId = await employer.publishSlot(company, {
      title: 'Barista i caféen',
      occupationId: occupation.id,
      tasks: ['Kaffe'],
      weeklyHoursMin: 8,
      weeklyHoursMax: 20,
      durationWeeks: 8,
    });

    const relay = t.app.get(OutboxRelay);
    await relay.drain();
    const events = await t.dataSource.query<
      { attempts: number; processed: boolean; lastError: string }[]
    >(
      `SELECT attempts, processed_at IS NOT NULL AS processed, last_error AS "lastError" FROM outbox_event
        WHERE aggregate_id = $1 ORDER BY id`,
      [slotId],
    );
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => !e.processed && e.attempts === 1 && e.lastError.length > 0)).toBe(
      true,
    );

    const consultant = await new Api(t.http).signIn(staff.email, staff.password);
    const result = ok(
      await consultant.run(
        `{ searchPlacements(query: "barista") { engine totalCount edges { node { title } } } }`,
      ),
    ).searchPlacements;
    expect(result).toMatchObject({
      engine: 'postgres',
      totalCount: 1,
      edges: [{ node: { title: 'Barista i caféen' } }],
    });
  });
});
