import { Role } from '@jobbro/core';
import { CandidateIndex } from '@jobbro/matching';
import {
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  countRows,
  createTestApp,
  failure,
  type GraphqlResponse,
  occupationByLabel,
  ok,
  type TestApp,
} from '@jobbro/testing';

const RANDOM_ID = '5f0c3a52-8d1e-4c7b-9a2f-3e6d1b0c9a41';

/** What a refusal tells the caller: its code, reason and message, nothing else. */
const answer = (res: GraphqlResponse<unknown>) => {
  const error = failure(res);
  return {
    status: res.status,
    code: error.extensions.code,
    reason: error.extensions.reason,
    message: error.message,
  };
};

/**
 * The company side's access rule (libs/company/src/company.access.ts): whoever may not know that
 * a company, slot or partnership exists gets the answer a random id gets; every operation that
 * reads a slot applies the one visibility rule; a slot without a site has no distance.
 */
describe('company and matching access', () => {
  let t: TestApp;
  let cookId: string;
  // Job centre A partners company X; job centre B partners company Y.
  let consultantA: Api;
  let consultantB: Api;
  let adminX: Api;
  let adminY: Api;
  let mentorX: Api;
  let x: Awaited<ReturnType<typeof aCompany>>;
  let y: Awaited<ReturnType<typeof aCompany>>;
  let partnershipXA: string;
  let partnershipYB: string;
  let slots: { published: string; draft: string; closedWithoutSite: string; ofY: string };
  let citizenA: string;
  let citizenB: string;

  const fittingSlot = (title: string) => ({
    title,
    occupationId: cookId,
    tasks: ['Salater i køkkenet'],
    weeklyHoursMin: 8,
    capacity: 2,
  });

  beforeAll(async () => {
    t = await createTestApp();
    cookId = (await occupationByLabel(t.dataSource, 'cook')).id;
    const centreA = await aJobCentre(t.dataSource);
    const centreB = await aJobCentre(t.dataSource);
    const signIn = async (role: Role, centre: string | null): Promise<Api> => {
      const builder = aUser().withRole(role);
      const user = await (centre ? builder.inJobCentre(centre) : builder).build(t.dataSource);
      return new Api(t.http).signIn(user.email, user.password);
    };
    consultantA = await signIn(Role.JobConsultant, centreA.id);
    consultantB = await signIn(Role.JobConsultant, centreB.id);
    const adminXUser = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const adminYUser = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    x = await aCompany(t.dataSource, adminXUser.id);
    y = await aCompany(t.dataSource, adminYUser.id);
    adminX = await new Api(t.http).signIn(adminXUser.email, adminXUser.password);
    adminY = await new Api(t.http).signIn(adminYUser.email, adminYUser.password);
    const mentorUser = await aUser().withRole(Role.Mentor).build(t.dataSource);
    await t.dataSource.query(`UPDATE mentor SET user_id = $1 WHERE id = $2`, [
      mentorUser.id,
      x.mentorId,
    ]);
    mentorX = await new Api(t.http).signIn(mentorUser.email, mentorUser.password);
    partnershipXA = await aPartnership(t.dataSource, x.id, centreA.id, 'active');
    partnershipYB = await aPartnership(t.dataSource, y.id, centreB.id, 'active');

    const published = await adminX.publishSlot(x, fittingSlot('Kok i kantinen'));
    const draft = await adminX.draftSlot(x, fittingSlot('Kok i hemmeligt køkken'));
    const closedWithoutSite = ok(
      await adminX.createPlacement({
        companyId: x.id,
        type: 'INTERNSHIP',
        ...fittingSlot('Kok uden arbejdssted'),
        startEarliest: '2026-12-01',
        weeklyHoursMax: 25,
        durationWeeks: 13,
      }),
    ).createPlacement.id as string;
    ok(await adminX.closePlacement(closedWithoutSite));
    const ofY = await adminY.publishSlot(y, fittingSlot('Kok hos Y'));
    slots = { published, draft, closedWithoutSite, ofY };

    const citizen = async (consultant: Api): Promise<string> => {
      const id = ok(
        await consultant.createCitizen({
          firstName: 'Sara',
          lastName: 'Kok',
          postalCode: '2300',
          targetGroup: 'kontanthjaelp_aktivitetsparat',
        }),
      ).createCitizen.id as string;
      ok(
        await consultant.addJobGoal({
          citizenId: id,
          ownWords: 'Kok i et køkken',
          occupationIds: [cookId],
          hoursNow: 10,
          hoursLater: 25,
          maxCommuteKm: 20,
        }),
      );
      return id;
    };
    citizenA = await citizen(consultantA);
    citizenB = await citizen(consultantB);
  });
  afterAll(() => t.close());

  describe('a draft is not there for partner staff, on every operation that reads a slot', () => {
    it.each<[string, (api: Api, id: string) => Promise<GraphqlResponse<unknown>>]>([
      ['placement', (api, id) => api.placement(id)],
      ['explainMatch', (api, id) => api.explainMatch(citizenA, id)],
      ['matchCitizensForPlacement', (api, id) => api.matchCitizensForPlacement(id)],
      ['updatePlacement', (api, id) => api.updatePlacement({ id, title: 'Ændret' })],
      ['publishPlacement', (api, id) => api.publishPlacement(id)],
      ['pausePlacement', (api, id) => api.pausePlacement(id)],
      ['closePlacement', (api, id) => api.closePlacement(id)],
    ])('%s answers as for a random id', async (_, call) => {
      const real = answer(await call(consultantA, slots.draft));
      expect(real).toEqual(answer(await call(consultantA, RANDOM_ID)));
      expect(real.code).not.toBe('INTERNAL_SERVER_ERROR');
    });

    it('explainMatch says PLACEMENT_NOT_FOUND for the draft, in the words of a random id', async () => {
      const refused = failure(await consultantA.explainMatch(citizenA, slots.draft));
      expect(refused.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'PLACEMENT_NOT_FOUND',
      });
      expect(JSON.stringify(refused)).not.toMatch(/hemmeligt|timer|hours/);
    });

    it('lists, searches, matches and snapshots leave the draft out', async () => {
      const listed = ok(await consultantA.placements()).placements.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
      expect(listed).toContain(slots.published);
      expect(listed).not.toContain(slots.draft);
      const found = ok(await consultantA.searchPlacements({ query: 'kok' })).searchPlacements;
      expect(found.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
        slots.published,
      ]);
      const matched = ok(await consultantA.matchPlacementsForCitizen(citizenA))
        .matchPlacementsForCitizen as { placementId: string }[];
      expect(matched.map((m) => m.placementId)).toEqual([slots.published]);
      const centreA = (
        await t.dataSource.query<{ id: string }[]>(
          `SELECT job_centre_id AS id FROM partnership WHERE id = $1`,
          [partnershipXA],
        )
      )[0].id;
      const snapshot = await t.app.get(CandidateIndex).snapshot(centreA);
      expect(snapshot.placements.map((p) => p.id)).toEqual([slots.published]);
      // The company itself still sees and edits its draft.
      expect(ok(await adminX.placement(slots.draft)).placement.status).toBe('DRAFT');
      expect(ok(await mentorX.placement(slots.draft)).placement.status).toBe('DRAFT');
    });
  });

  describe('not found and not allowed look the same to whoever may not know the thing exists', () => {
    type Call = (api: Api, id: string) => Promise<GraphqlResponse<unknown>>;
    const cases: [string, () => Api, () => string, Call][] = [
      // Another company's administrator.
      ['placement, rival admin', () => adminY, () => slots.published, (a, id) => a.placement(id)],
      ['draft, rival admin', () => adminY, () => slots.draft, (a, id) => a.placement(id)],
      [
        'updatePlacement, rival admin',
        () => adminY,
        () => slots.published,
        (a, id) => a.updatePlacement({ id, title: 'Overtaget' }),
      ],
      [
        'publishPlacement, rival admin',
        () => adminY,
        () => slots.draft,
        (a, id) => a.publishPlacement(id),
      ],
      [
        'pausePlacement, rival admin',
        () => adminY,
        () => slots.published,
        (a, id) => a.pausePlacement(id),
      ],
      [
        'closePlacement, rival admin',
        () => adminY,
        () => slots.published,
        (a, id) => a.closePlacement(id),
      ],
      ['company, rival admin', () => adminY, () => x.id, (a, id) => a.company(id)],
      [
        'updateCompany, rival admin',
        () => adminY,
        () => x.id,
        (a, id) => a.updateCompany({ id, name: 'Overtaget' }),
      ],
      [
        'createSite, rival admin',
        () => adminY,
        () => x.id,
        (a, id) =>
          a.createSite({
            companyId: id,
            name: 'Filial',
            streetAddress: 'Vej 1',
            postalCode: '2300',
          }),
      ],
      [
        'addMentor, rival admin',
        () => adminY,
        () => x.id,
        (a, id) => a.addMentor({ companyId: id, name: 'Ny', email: 'ny@test.dk', capacity: 1 }),
      ],
      [
        'createPlacement, rival admin',
        () => adminY,
        () => x.id,
        (a, id) =>
          a.createPlacement({
            companyId: id,
            type: 'INTERNSHIP',
            ...fittingSlot('Snyd'),
            weeklyHoursMax: 20,
            startEarliest: '2030-01-01',
            durationWeeks: 4,
          }),
      ],
      [
        'proposePartnership, rival admin',
        () => adminY,
        () => x.id,
        (a, id) =>
          a.proposePartnership({
            companyId: id,
            jobCentreId: partnershipCentre(),
            startsOn: '2030-01-01',
          }),
      ],
      [
        'changePartnershipStatus, rival admin',
        () => adminY,
        () => partnershipXA,
        (a, id) => a.changePartnershipStatus(id, 'ENDED'),
      ],
      // Staff of a job centre that is not a partner.
      [
        'placement, other centre',
        () => consultantB,
        () => slots.published,
        (a, id) => a.placement(id),
      ],
      ['company, other centre', () => consultantB, () => x.id, (a, id) => a.company(id)],
      [
        'changePartnershipStatus, other centre',
        () => consultantB,
        () => partnershipXA,
        (a, id) => a.changePartnershipStatus(id, 'PAUSED'),
      ],
      [
        'matchCitizensForPlacement, other centre',
        () => consultantB,
        () => slots.published,
        (a, id) => a.matchCitizensForPlacement(id),
      ],
      [
        'explainMatch, other centre (own citizen)',
        () => consultantB,
        () => slots.published,
        (a, id) => a.explainMatch(citizenB, id),
      ],
      [
        'explainMatch, slot of a company that is not a partner',
        () => consultantA,
        () => slots.ofY,
        (a, id) => a.explainMatch(citizenA, id),
      ],
      [
        'proposePartnership, company never in touch with the centre',
        () => consultantA,
        () => y.id,
        (a, id) =>
          a.proposePartnership({
            companyId: id,
            jobCentreId: partnershipCentre(),
            startsOn: '2030-01-01',
          }),
      ],
      // A mentor of another company.
      ['placement, mentor elsewhere', () => mentorX, () => slots.ofY, (a, id) => a.placement(id)],
      ['company, mentor elsewhere', () => mentorX, () => y.id, (a, id) => a.company(id)],
    ];
    let centreOfA: string;
    const partnershipCentre = () => centreOfA;

    beforeAll(async () => {
      centreOfA = (
        await t.dataSource.query<{ id: string }[]>(
          `SELECT job_centre_id AS id FROM partnership WHERE id = $1`,
          [partnershipXA],
        )
      )[0].id;
    });

    it.each(cases)('%s', async (_, caller, realId, call) => {
      const tables = ['company', 'site', 'mentor', 'partnership', 'placement', 'outbox_event'];
      const before = await Promise.all(tables.map((table) => countRows(t.dataSource, table)));
      const real = answer(await call(caller(), realId()));
      const random = answer(await call(caller(), RANDOM_ID));
      expect(real).toEqual(random);
      expect(real.code).toBe('NOT_FOUND');
      expect(await Promise.all(tables.map((table) => countRows(t.dataSource, table)))).toEqual(
        before,
      );
    });

    it.each<[string, (id: string) => Promise<GraphqlResponse<unknown>>, () => string]>([
      [
        'createPlacement with a site of another company',
        (id) =>
          adminX.createPlacement({
            companyId: x.id,
            type: 'INTERNSHIP',
            ...fittingSlot('Lånt sted'),
            weeklyHoursMax: 20,
            startEarliest: '2030-01-01',
            durationWeeks: 4,
            siteId: id,
          }),
        () => y.siteId,
      ],
      [
        'updatePlacement with a mentor of another company',
        (id) => adminX.updatePlacement({ id: slots.draft, mentorId: id }),
        () => y.mentorId,
      ],
      [
        'addMentor at a site of another company',
        (id) =>
          adminX.addMentor({
            companyId: x.id,
            siteId: id,
            name: 'Ny',
            email: 'ny-x@test.dk',
            capacity: 1,
          }),
        () => y.siteId,
      ],
    ])('%s answers as a random site or mentor does', async (_, call, foreign) => {
      const real = answer(await call(foreign()));
      expect(real).toEqual(answer(await call(RANDOM_ID)));
      expect(real.code).toBe('BAD_USER_INPUT');
    });

    it('keeps every one of those things as it was', async () => {
      expect(ok(await adminX.placement(slots.published)).placement).toMatchObject({
        title: 'Kok i kantinen',
        status: 'PUBLISHED',
      });
      expect(ok(await adminX.company(x.id)).company.partnerships).toEqual([
        expect.objectContaining({ id: partnershipXA, status: 'ACTIVE' }),
      ]);
      expect(ok(await adminY.company(y.id)).company.partnerships).toEqual([
        expect.objectContaining({ id: partnershipYB, status: 'ACTIVE' }),
      ]);
    });

    it('answers FORBIDDEN to those who may know the thing exists but may not do the action', async () => {
      // A partner consultant sees the slot but does not post slots; a caseworker does not decide partnerships.
      expect(failure(await consultantA.pausePlacement(slots.published)).extensions.code).toBe(
        'FORBIDDEN',
      );
      expect(
        failure(await mentorX.updatePlacement({ id: slots.published, title: 'Mentorens' }))
          .extensions.code,
      ).toBe('FORBIDDEN');
      expect(
        failure(
          await consultantA.proposePartnership({
            companyId: x.id,
            jobCentreId: (
              await t.dataSource.query<{ id: string }[]>(
                `SELECT job_centre_id AS id FROM partnership WHERE id = $1`,
                [partnershipYB],
              )
            )[0].id,
            startsOn: '2030-01-01',
          }),
        ).extensions.code,
      ).toBe('FORBIDDEN');
    });

    it('a random slot and another tenant’s slot answer alike with the same citizen, whichever is checked first', async () => {
      const foreign = answer(await consultantA.explainMatch(citizenA, slots.ofY));
      expect(foreign).toEqual(answer(await consultantA.explainMatch(citizenA, RANDOM_ID)));
      expect(foreign.reason).toBe('PLACEMENT_NOT_FOUND');
    });
  });

  describe('a slot without a site has no distance', () => {
    it('explains a closed slot without a site without a distance to 0,0', async () => {
      const explained = ok(await consultantA.explainMatch(citizenA, slots.closedWithoutSite))
        .explainMatch as {
        hardFilters: { filter: string; passed: boolean; reason: string }[];
        factors: { factor: string; value: number; reason: string }[];
      };
      const commute = explained.hardFilters.find((f) => f.filter === 'commute');
      const distance = explained.factors.find((f) => f.factor === 'distance');
      expect(commute?.reason).not.toMatch(/\d+ km fra bopæl/);
      expect(commute?.reason).toMatch(/kendes ikke/);
      expect(distance).toMatchObject({ value: 0 });
      expect(distance?.reason).not.toMatch(/\d+ km/);
    });
  });
});
