import { Role } from '@jobbro/core';
import {
  aJobCentre,
  Api,
  auditRows,
  aUser,
  createTestApp,
  failure,
  ok,
  TEST_PASSWORD,
  type TestApp,
} from '@jobbro/testing';

/**
 * The social-support (CTI) worker belongs to a job centre but is not case staff: they see only
 * the citizens whose team they are on (with the health and social data the team sees), change
 * nothing of the case, and see nothing of companies, matching or the job centre's other citizens.
 */
describe('social-support worker', () => {
  let t: TestApp;
  let anonymous: Api;

  beforeAll(async () => {
    t = await createTestApp();
    anonymous = new Api(t.http);
  });
  afterAll(() => t.close());

  it('reads the citizens whose team they are on, and nothing else', async () => {
    const centreId = (await aJobCentre(t.dataSource)).id;
    const admin = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(centreId)
      .build(t.dataSource);
    const worker = await aUser()
      .withRole(Role.SocialSupportWorker)
      .inJobCentre(centreId)
      .named('Carla CTI')
      .build(t.dataSource);
    const adminApi = await anonymous.signIn(admin.email, TEST_PASSWORD);
    const workerApi = await anonymous.signIn(worker.email, TEST_PASSWORD);
    const mine = ok(
      await adminApi.createCitizen({ firstName: 'Sara', lastName: 'Holm', postalCode: '2400' }),
    ).createCitizen;
    const other = ok(
      await adminApi.createCitizen({ firstName: 'Ole', lastName: 'Dam', postalCode: '2400' }),
    ).createCitizen;
    ok(
      await adminApi.addTeamMember({
        citizenId: mine.id,
        userId: worker.id,
        role: 'SOCIAL_SUPPORT',
        reason: 'CTI-forløb',
      }),
    );

    const seen = ok(await workerApi.citizen(mine.id)).citizen;
    expect(seen).toMatchObject({ id: mine.id, firstName: 'Sara', specialCategoryHidden: false });
    expect(seen.team).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: worker.id, role: 'SOCIAL_SUPPORT' }),
      ]),
    );

    const random = failure(await workerApi.citizen('0b5c6f4e-1111-4222-8333-444455556666'));
    const hidden = failure(await workerApi.citizen(other.id));
    expect(hidden.extensions).toEqual(random.extensions);
    expect(hidden.message).toBe(random.message);

    // Changing the case, listing citizens, companies and matching are for case staff.
    expect(
      failure(await workerApi.updateCitizen({ id: mine.id, firstName: 'X' })).extensions.code,
    ).toBe('FORBIDDEN');
    expect(failure(await workerApi.citizens()).extensions.code).toBe('FORBIDDEN');
    expect(failure(await workerApi.placements()).extensions.code).toBe('FORBIDDEN');
    expect(failure(await workerApi.matchPlacementsForCitizen(mine.id)).extensions.code).toBe(
      'FORBIDDEN',
    );
    // Refusals naming the citizen are on the citizen's record.
    const rows = await auditRows(t.dataSource, mine.id);
    expect(rows).toEqual(
      expect.arrayContaining([
        { userId: worker.id, action: 'read', operation: 'citizen', allowed: true },
        { userId: worker.id, action: 'update', operation: 'updateCitizen', allowed: false },
        {
          userId: worker.id,
          action: 'read',
          operation: 'matchPlacementsForCitizen',
          allowed: false,
        },
      ]),
    );
    expect(ok(await workerApi.me()).me).toMatchObject({ role: 'SOCIAL_SUPPORT_WORKER' });
  });
});
