import { Role } from '@jobbro/core';
import {
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  auditRows,
  aUser,
  createTestApp,
  failure,
  occupationByLabel,
  ok,
  type TestApp,
} from '@jobbro/testing';
import { CandidateIndex } from '@jobbro/matching';
import { Client } from 'pg';
import { DEMO_PASSWORD, seedDemoData } from '../apps/api/src/demo/demo-data';

/** Journey 2: a consultant matches a citizen to placements, sees why, and asks about an excluded one. */
describe('matching a citizen to placements', () => {
  let t: TestApp;
  let consultant: Api;
  let ids: { restaurant: string; farm: string; heavyKitchen: string; citizen: string };
  let employer: Api;
  let company: Awaited<ReturnType<typeof aCompany>>;
  let cookId: string;
  let centreId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const centre = await aJobCentre(t.dataSource);
    centreId = centre.id;
    const user = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    consultant = await new Api(t.http).signIn(user.email, user.password);
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    company = await aCompany(t.dataSource, admin.id);
    await aPartnership(t.dataSource, company.id, centre.id, 'active');
    employer = await new Api(t.http).signIn(admin.email, admin.password);
    const cook = await occupationByLabel(t.dataSource, 'cook');
    cookId = cook.id;
    const crop = await occupationByLabel(t.dataSource, 'crop production worker');
    const post = (
      title: string,
      occupationId: string,
      accommodations: string[],
      tasks: string[],
    ): Promise<string> =>
      employer.publishSlot(company, {
        title,
        occupationId,
        tasks,
        accommodations,
        weeklyHoursMin: 8,
        capacity: 2,
        ordinaryHoursPath: { possible: true, afterWeeks: 4, hoursPerWeek: 5 },
      });
    const restaurant = await post(
      'Kok i restaurantkøkken',
      cook.id,
      ['NO_HEAVY_LIFTING'],
      ['Salater', 'Kolde anretninger i køkkenet'],
    );
    const farm = await post(
      'Medhjælper i landbruget',
      crop.id,
      ['NO_HEAVY_LIFTING'],
      ['Markarbejde', 'Fodring'],
    );
    const heavyKitchen = await post(
      'Kok i storkøkken',
      cook.id,
      [],
      ['Store gryder', 'Varemodtagelse'],
    );

    const citizen = ok(
      await consultant.createCitizen({
        firstName: 'Ahmad',
        lastName: 'Karimi',
        postalCode: '2300',
        targetGroup: 'kontanthjaelp_aktivitetsparat',
      }),
    ).createCitizen;
    ok(
      await consultant.addJobGoal({
        citizenId: citizen.id,
        ownWords: 'Jeg er uddannet kok og vil tilbage i et køkken, men ikke med tunge løft',
        occupationIds: [cook.id],
        hoursNow: 10,
        hoursLater: 25,
        maxCommuteKm: 20,
      }),
    );
    ok(
      await consultant.updateNeeds({
        citizenId: citizen.id,
        accommodations: ['NO_HEAVY_LIFTING'],
        functionalLimits: 'Dårlig ryg',
      }),
    );
    ids = { restaurant, farm, heavyKitchen, citizen: citizen.id };
  });
  afterAll(() => t.close());

  it('ranks the restaurant kitchen first, explains it, and leaves out the kitchen that cannot offer the accommodation', async () => {
    const matches = ok(
      await consultant.run(
        `query($id: ID!) { matchPlacementsForCitizen(citizenId: $id) { placementId title score factors { factor value weight reason } } }`,
        { id: ids.citizen },
      ),
    ).matchPlacementsForCitizen as {
      placementId: string;
      score: number;
      factors: { factor: string; reason: string }[];
    }[];
    expect(matches.map((m) => m.placementId)).toEqual([ids.restaurant, ids.farm]);
    expect(matches[0].score).toBeGreaterThan(matches[1].score);
    expect(matches[0].factors.map((f) => f.reason)).toEqual(
      expect.arrayContaining([
        'Samme fag som jobmålet: kok',
        'Ordinære timer efter 4 uger (5 t/uge)',
      ]),
    );
    expect(await auditRows(t.dataSource, ids.citizen)).toContainEqual(
      expect.objectContaining({ operation: 'matchPlacementsForCitizen', allowed: true }),
    );

    const explained = ok(
      await consultant.run(
        `query($c: ID!, $p: ID!) { explainMatch(citizenId: $c, placementId: $p) { eligible failedFilters { filter reason } hardFilters { filter passed } } }`,
        { c: ids.citizen, p: ids.heavyKitchen },
      ),
    ).explainMatch;
    expect(explained.eligible).toBe(false);
    expect(explained.failedFilters).toEqual([
      { filter: 'accommodations', reason: 'Kan ikke tilbyde: Ingen tunge løft' },
    ]);
    expect(explained.hardFilters).toHaveLength(9);
  });

  it('finds the citizen for the restaurant slot; to other job centres the slot is not there', async () => {
    const found = ok(
      await consultant.run(
        `query($p: ID!) { matchCitizensForPlacement(placementId: $p) { citizenId firstName score } }`,
        { p: ids.restaurant },
      ),
    ).matchCitizensForPlacement;
    expect(found).toEqual([
      expect.objectContaining({ citizenId: ids.citizen, firstName: 'Ahmad' }),
    ]);
    expect(await auditRows(t.dataSource, ids.citizen)).toContainEqual(
      expect.objectContaining({ operation: 'matchCitizensForPlacement', allowed: true }),
    );

    const other = await aJobCentre(t.dataSource);
    const outsiderUser = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(other.id)
      .build(t.dataSource);
    const outsider = await new Api(t.http).signIn(outsiderUser.email, outsiderUser.password);
    // The citizen side answers for the citizen: another job centre's citizen as a random id.
    const refusal = async (id: string) => {
      const error = failure(await outsider.matchPlacementsForCitizen(id));
      return {
        code: error.extensions.code,
        reason: error.extensions.reason,
        message: error.message,
      };
    };
    const foreign = await refusal(ids.citizen);
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(foreign.code);
    expect(foreign).toEqual(await refusal('5f0c3a52-8d1e-4c7b-9a2f-3e6d1b0c9a41'));
    expect(
      failure(
        await outsider.run(
          `query($p: ID!) { matchCitizensForPlacement(placementId: $p) { citizenId } }`,
          { p: ids.restaurant },
        ),
      ).extensions,
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'PLACEMENT_NOT_FOUND' });
  });

  const matchIds = async (filter?: Record<string, unknown>): Promise<string[]> =>
    (
      ok(
        await consultant.run(
          `query($id: ID!, $filter: PlacementSearchFilter) { matchPlacementsForCitizen(citizenId: $id, filter: $filter) { placementId } }`,
          { id: ids.citizen, filter },
        ),
      ).matchPlacementsForCitizen as { placementId: string }[]
    ).map((m) => m.placementId);

  it('narrows matches with a filter and refuses a malformed one', async () => {
    expect(await matchIds({ iscoCode: '51' })).toEqual([ids.restaurant]);
    expect(await matchIds({ types: ['FLEX_JOB'] })).toEqual([]);
    const refused = failure(
      await consultant.run(
        `query($id: ID!) { matchPlacementsForCitizen(citizenId: $id, filter: { iscoCode: "5x" }) { placementId } }`,
        { id: ids.citizen },
      ),
    );
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('sees every change at once: a paused slot leaves, a new one arrives, an ended partnership takes its slots', async () => {
    expect(await matchIds()).toEqual([ids.restaurant, ids.farm]);
    ok(await employer.pausePlacement(ids.farm));
    expect(await matchIds()).toEqual([ids.restaurant]);
    expect(
      ok(
        await consultant.run(
          `query($p: ID!) { matchCitizensForPlacement(placementId: $p) { citizenId } }`,
          { p: ids.farm },
        ),
      ).matchCitizensForPlacement,
    ).toEqual([]);
    const bistro = await employer.publishSlot(company, {
      title: 'Kok i bistro',
      occupationId: cookId,
      tasks: ['Frokost', 'Salater i køkkenet'],
      accommodations: ['NO_HEAVY_LIFTING'],
      weeklyHoursMin: 8,
      capacity: 1,
      ordinaryHoursPath: { possible: true, afterWeeks: 4, hoursPerWeek: 5 },
    });
    expect((await matchIds()).sort()).toEqual([ids.restaurant, bistro].sort());
    // The snapshot was updated for the one company that changed, not reloaded: it must hold
    // exactly the published partner slots the database holds.
    const inDatabase = await t.dataSource.query<{ id: string }[]>(
      `SELECT p.id FROM placement p JOIN partnership s ON s.company_id = p.company_id
        WHERE s.job_centre_id = $1 AND s.status IN ('active', 'paused') AND p.status = 'published' ORDER BY p.id`,
      [centreId],
    );
    const snapshot = await t.app.get(CandidateIndex).snapshot(centreId);
    expect(snapshot.placements.map((p) => p.id).sort()).toEqual(inDatabase.map((r) => r.id));
    await t.dataSource.query(`UPDATE partnership SET status = 'ended' WHERE company_id = $1`, [
      company.id,
    ]);
    expect(await matchIds()).toEqual([]);
  });
});

/** Journey 2 as a new user meets it: `npm start`'s demo data, the demo consultant, Ahmad. */
describe('matching on the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoData(t.app);
  });
  afterAll(() => t.close());

  it('matches Ahmad to the kitchen, explains it, and says why the cook slot is out', async () => {
    const consultant = await new Api(t.http).signIn('konsulent@kk.jobbro.dk', DEMO_PASSWORD);
    const citizens = ok(await consultant.citizens()).citizens.edges as {
      node: { id: string; firstName: string };
    }[];
    const ahmad = citizens.find((e) => e.node.firstName === 'Ahmad')?.node.id;
    const matches = ok(
      await consultant.run(
        `query($id: ID!) { matchPlacementsForCitizen(citizenId: $id) { placementId title score factors { factor reason } } }`,
        { id: ahmad },
      ),
    ).matchPlacementsForCitizen as { title: string; factors: { reason: string }[] }[];
    expect(matches[0].title).toBe('Køkkenhjælper i frokostkøkkenet');
    expect(matches[0].factors.map((f) => f.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Samme fag som jobmålet/)]),
    );
    const cook = ok(
      await consultant.run(
        `{ searchPlacements(query: "Kok med ansvar for salater", first: 1) { edges { node { id title } } } }`,
      ),
    ).searchPlacements.edges[0].node as { id: string; title: string };
    expect(cook.title).toBe('Kok med ansvar for salater');
    const explained = ok(
      await consultant.run(
        `query($c: ID!, $p: ID!) { explainMatch(citizenId: $c, placementId: $p) { eligible failedFilters { filter reason } } }`,
        { c: ahmad, p: cook.id },
      ),
    ).explainMatch;
    expect(explained).toEqual({
      eligible: false,
      failedFilters: [{ filter: 'hours', reason: 'Kræver mindst 20 timer; borgeren kan 10' }],
    });
  });
  it('has a proposal awaiting Jens’ answer, shown as such in his match list', async () => {
    const consultant = await new Api(t.http).signIn('konsulent@kk.jobbro.dk', DEMO_PASSWORD);
    const open = ok(
      await consultant.run(
        `{ proposals(filter: {}) { edges { node { id status ageDays citizen { firstName } placement { id title }
             history { toStatus actorName } availableActions } } } }`,
      ),
    ).proposals.edges as {
      node: {
        status: string;
        ageDays: number;
        citizen: { firstName: string };
        placement: { id: string; title: string };
        history: { toStatus: string; actorName: string }[];
        availableActions: string[];
      };
    }[];
    expect(open).toHaveLength(1);
    const jens = open[0].node;
    expect(jens).toMatchObject({
      status: 'PROPOSED_TO_CITIZEN',
      ageDays: 2,
      citizen: { firstName: 'Jens' },
      placement: { title: 'Anlægsgartner-medhjælper i byens parker' },
      history: [{ toStatus: 'PROPOSED_TO_CITIZEN', actorName: 'Mette Sørensen' }],
    });
    // Jens has no login: the consultant records his answer for him.
    expect(jens.availableActions).toEqual(expect.arrayContaining(['CITIZEN_ACCEPT', 'WITHDRAW']));
    const citizens = ok(await consultant.citizens()).citizens.edges as {
      node: { id: string; firstName: string };
    }[];
    const jensId = citizens.find((e) => e.node.firstName === 'Jens')?.node.id;
    const matches = ok(
      await consultant.run(
        `query($id: ID!) { matchPlacementsForCitizen(citizenId: $id) { placementId previousProposal { status } } }`,
        { id: jensId },
      ),
    ).matchPlacementsForCitizen as { placementId: string; previousProposal: unknown }[];
    expect(matches.find((m) => m.placementId === jens.placement.id)).toEqual({
      placementId: jens.placement.id,
      previousProposal: { status: 'PROPOSED_TO_CITIZEN' },
    });
  });
});

/**
 * A slot published while its company's partnership with the job centre is being created, two
 * transactions racing on real connections: the slot must reach the job centre's snapshot.
 */
describe('matching snapshot versions under concurrent writers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('orders a partnership change after a slot change in flight, so no snapshot stays stale', async () => {
    const centre = await aJobCentre(t.dataSource);
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const company = await aCompany(t.dataSource, admin.id);
    const employer = await new Api(t.http).signIn(admin.email, admin.password);
    const cook = await occupationByLabel(t.dataSource, 'cook');
    const draftId = await employer.draftSlot(company, {
      title: 'Kok i kantinen',
      occupationId: cook.id,
      tasks: ['Frokost'],
    });
    const index = t.app.get(CandidateIndex);
    const slotWriter = new Client({ connectionString: t.config.connectionUrl() });
    const partnershipWriter = new Client({ connectionString: t.config.connectionUrl() });
    await slotWriter.connect();
    await partnershipWriter.connect();
    try {
      await slotWriter.query('BEGIN');
      await slotWriter.query(
        `UPDATE placement SET status = 'published', published_at = now() WHERE id = $1`,
        [draftId],
      );
      const partnership = partnershipWriter.query(
        `INSERT INTO partnership (company_id, job_centre_id, status, starts_on, proposed_by_side)
         VALUES ($1, $2, 'active', '2026-01-01', 'company')`,
        [company.id, centre.id],
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      // A match now sees neither write committed (the partnership waits for the slot's lock).
      expect((await index.snapshot(centre.id)).placements).toEqual([]);
      await slotWriter.query('COMMIT');
      await partnership;
      expect((await index.snapshot(centre.id)).placements.map((p) => p.id)).toEqual([draftId]);
    } finally {
      await slotWriter.end();
      await partnershipWriter.end();
    }
  });
});
