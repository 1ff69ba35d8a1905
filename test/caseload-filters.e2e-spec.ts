import { Role } from '@jobbro/core';
import {
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  createTestApp,
  failure,
  occupationByLabel,
  ok,
  type TestApp,
} from '@jobbro/testing';

const monthsAgo = (months: number, days = 0): string => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

/**
 * A consultant's list of citizens by target group and time in it, with histories back to 1980;
 * and which partner slots the list of placements shows (STAFF_SLOT_VISIBILITY).
 */
describe('the caseload by target group, and the partner slots a consultant sees', () => {
  let t: TestApp;
  let consultant: Api;
  let longTerm: string;
  let recent: string;
  let activityReady: string;

  beforeAll(async () => {
    t = await createTestApp();
    const centre = await aJobCentre(t.dataSource);
    const u = await aUser().withRole(Role.JobConsultant).inJobCentre(centre.id).build(t.dataSource);
    consultant = await new Api(t.http).signIn(u.email, u.password);
    const citizen = async (lastName: string): Promise<string> =>
      ok(await consultant.createCitizen({ firstName: 'Kim', lastName, postalCode: '2300' }))
        .createCitizen.id as string;
    longTerm = await citizen('Langtid');
    recent = await citizen('Nylig');
    activityReady = await citizen('Aktivitetsparat');
  });
  afterAll(() => t.close());

  it('records a target-group history from 2012 (cash benefit for 14 years)', async () => {
    ok(
      await consultant.setTargetGroup({
        citizenId: longTerm,
        targetGroup: 'kontanthjaelp_aktivitetsparat',
        validFrom: '2012-03-01',
      }),
    );
    ok(
      await consultant.setTargetGroup({
        citizenId: longTerm,
        targetGroup: 'kontanthjaelp_jobparat',
        validFrom: '2016-09-01',
      }),
    );
    const periods = ok(await consultant.citizen(longTerm)).citizen.targetGroups;
    // Newest first.
    expect(periods).toEqual([
      expect.objectContaining({
        targetGroup: 'kontanthjaelp_jobparat',
        validFrom: '2016-09-01',
        validTo: null,
      }),
      expect.objectContaining({
        targetGroup: 'kontanthjaelp_aktivitetsparat',
        validFrom: '2012-03-01',
        validTo: '2016-08-31',
      }),
    ]);
    // Before the catalogue's first date is still refused, naming the period.
    const tooOld = failure(
      await consultant.setTargetGroup({
        citizenId: recent,
        targetGroup: 'dagpenge',
        validFrom: '1979-12-31',
      }),
    );
    expect(tooOld.extensions.reason).toBe('TARGET_GROUP_NOT_IN_FORCE');
  });

  it('filters the list by current target group and by months in it', async () => {
    ok(
      await consultant.setTargetGroup({
        citizenId: recent,
        targetGroup: 'kontanthjaelp_jobparat',
        validFrom: monthsAgo(2),
      }),
    );
    ok(
      await consultant.setTargetGroup({
        citizenId: activityReady,
        targetGroup: 'kontanthjaelp_aktivitetsparat',
        validFrom: monthsAgo(24),
      }),
    );
    const names = async (filter: Record<string, unknown>): Promise<string[]> =>
      (
        ok(await consultant.citizens({ filter, first: 50 })).citizens.edges as {
          node: { id: string };
        }[]
      )
        .map((e) => e.node.id)
        .sort();
    expect(await names({ targetGroup: 'kontanthjaelp_jobparat' })).toEqual(
      [longTerm, recent].sort(),
    );
    expect(
      await names({ targetGroup: 'kontanthjaelp_jobparat', inCurrentGroupForMoreThanMonths: 12 }),
    ).toEqual([longTerm]);
    expect(await names({ inCurrentGroupForMoreThanMonths: 12 })).toEqual(
      [longTerm, activityReady].sort(),
    );
    // Exactly two months in the group is not more than two months.
    expect(
      await names({ inCurrentGroupForMoreThanMonths: 2, targetGroup: 'kontanthjaelp_jobparat' }),
    ).toEqual([longTerm]);
    expect(
      await names({ inCurrentGroupForMoreThanMonths: 1, targetGroup: 'kontanthjaelp_jobparat' }),
    ).toEqual([longTerm, recent].sort());
    expect(
      failure(await consultant.citizens({ filter: { inCurrentGroupForMoreThanMonths: -1 } }))
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('lists a paused partnership’s paused slot, leaves out drafts, and narrows to what is on offer', async () => {
    const centreId = (
      await t.dataSource.query<{ id: string }[]>(
        `SELECT job_centre_id AS id FROM citizen WHERE id = $1`,
        [longTerm],
      )
    )[0].id;
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const company = await aCompany(t.dataSource, admin.id);
    const partnership = await aPartnership(t.dataSource, company.id, centreId, 'active');
    const employer = await new Api(t.http).signIn(admin.email, admin.password);
    const cook = await occupationByLabel(t.dataSource, 'cook');
    const open = await employer.publishSlot(company, { title: 'Åben', occupationId: cook.id });
    const paused = await employer.publishSlot(company, { title: 'Pause', occupationId: cook.id });
    ok(await employer.pausePlacement(paused));
    const closed = await employer.publishSlot(company, { title: 'Lukket', occupationId: cook.id });
    ok(await employer.closePlacement(closed));
    await employer.draftSlot(company, { title: 'Kladde', occupationId: cook.id });
    await t.dataSource.query(`UPDATE partnership SET status = 'paused' WHERE id = $1`, [
      partnership,
    ]);
    const listed = async (filter: Record<string, unknown>): Promise<string[]> =>
      (
        ok(await consultant.placements({ filter: { companyId: company.id, ...filter } })).placements
          .edges as { node: { id: string } }[]
      )
        .map((e) => e.node.id)
        .sort();
    expect(await listed({})).toEqual([open, paused, closed].sort());
    expect(await listed({ statuses: ['PUBLISHED'] })).toEqual([open]);
    await t.dataSource.query(`UPDATE partnership SET status = 'ended' WHERE id = $1`, [
      partnership,
    ]);
    expect(await listed({})).toEqual([]);
  });
});
