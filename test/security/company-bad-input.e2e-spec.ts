import { Role } from '@jobbro/core';
import {
  aCompany,
  aJobCentre,
  Api,
  aUser,
  aValidCvr,
  countRows,
  createTestApp,
  failure,
  type GraphqlResponse,
  occupationByLabel,
  ok,
  type TestApp,
} from '@jobbro/testing';

/**
 * Client mistakes on the company side get a client error naming the field, never
 * INTERNAL_SERVER_ERROR, and write nothing. Text that is only white space is empty text: it is
 * refused where the text is required (the database's own checks would otherwise refuse it).
 */
describe('bad input on company-side operations', () => {
  let t: TestApp;
  let employer: Api;
  let consultant: Api;
  let company: Awaited<ReturnType<typeof aCompany>>;
  let occupationId: string;
  let draftId: string;
  const TABLES = ['company', 'site', 'mentor', 'partnership', 'placement', 'outbox_event'];

  const slot = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    companyId: company.id,
    siteId: company.siteId,
    mentorId: company.mentorId,
    type: 'INTERNSHIP',
    title: 'Lagermedarbejder',
    occupationId,
    tasks: ['Plukning'],
    weeklyHoursMin: 10,
    weeklyHoursMax: 20,
    startEarliest: '2030-01-01',
    durationWeeks: 13,
    capacity: 1,
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    company = await aCompany(t.dataSource, admin.id);
    employer = await new Api(t.http).signIn(admin.email, admin.password);
    const centre = await aJobCentre(t.dataSource);
    const staff = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    consultant = await new Api(t.http).signIn(staff.email, staff.password);
    occupationId = (await occupationByLabel(t.dataSource, 'warehouse worker')).id;
    draftId = ok(await employer.createPlacement(slot())).createPlacement.id as string;
  });
  afterAll(() => t.close());

  const cases: [string, string, () => Promise<GraphqlResponse<unknown>>][] = [
    [
      'registerCompany with a blank name',
      'name',
      () => employer.registerCompany({ cvr: aValidCvr(), name: '   ', ordinaryEmployees: 2 }),
    ],
    [
      'updateCompany with a blank name',
      'name',
      () => employer.updateCompany({ id: company.id, name: ' \t ' }),
    ],
    [
      'updateCompany with ordinaryEmployees null',
      'ordinaryEmployees',
      () => employer.updateCompany({ id: company.id, ordinaryEmployees: null }),
    ],
    [
      'createSite with a blank name',
      'name',
      () =>
        employer.createSite({
          companyId: company.id,
          name: '  ',
          streetAddress: 'Vej 1',
          postalCode: '2300',
        }),
    ],
    [
      'createSite with a blank street address',
      'streetAddress',
      () =>
        employer.createSite({
          companyId: company.id,
          name: 'Lager',
          streetAddress: '   ',
          postalCode: '2300',
        }),
    ],
    [
      'addMentor with a blank name',
      'name',
      () =>
        employer.addMentor({
          companyId: company.id,
          name: '   ',
          email: 'blank@test.dk',
          capacity: 1,
        }),
    ],
    [
      'createPlacement with a blank title',
      'title',
      () => employer.createPlacement(slot({ title: '  ' })),
    ],
    [
      'updatePlacement with a blank title',
      'title',
      () => employer.updatePlacement({ id: draftId, title: '   ' }),
    ],
    [
      'proposePartnership for a job centre that does not exist',
      'jobCentreId',
      () =>
        employer.proposePartnership({
          companyId: company.id,
          jobCentreId: '5f0c3a52-8d1e-4c7b-9a2f-3e6d1b0c9a41',
          startsOn: '2030-01-01',
        }),
    ],
  ];

  it.each(cases)('%s: BAD_USER_INPUT naming %s, nothing written', async (_, field, call) => {
    const before = await Promise.all(TABLES.map((table) => countRows(t.dataSource, table)));
    const error = failure(await call());
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields?.map((f) => f.field)).toContain(field);
    expect(await Promise.all(TABLES.map((table) => countRows(t.dataSource, table)))).toEqual(
      before,
    );
  });

  it.each([0, -1, 101])(
    'matching refuses first: %s rather than quietly clamping it',
    async (first) => {
      for (const res of [
        await consultant.run(
          `query($c: ID!, $first: Int!) { matchPlacementsForCitizen(citizenId: $c, first: $first) { placementId } }`,
          { c: '5f0c3a52-8d1e-4c7b-9a2f-3e6d1b0c9a41', first },
        ),
        await consultant.run(
          `query($p: ID!, $first: Int!) { matchCitizensForPlacement(placementId: $p, first: $first) { citizenId } }`,
          { p: draftId, first },
        ),
      ]) {
        const error = failure(res);
        expect(error.extensions.code).toBe('BAD_USER_INPUT');
        expect(error.extensions.fields?.map((f) => f.field)).toEqual(['first']);
      }
    },
  );

  it.each([
    [
      'registerCompany, a hostile CVR',
      () => employer.registerCompany({ cvr: "1' OR '1'='1", name: 'X', ordinaryEmployees: 1 }),
      () => "1' OR '1'='1",
    ],
    [
      'registerCompany, a taken CVR',
      () => employer.registerCompany({ cvr: company.cvr, name: 'X', ordinaryEmployees: 1 }),
      () => company.cvr,
    ],
    [
      'createSite, an unknown postal code',
      () =>
        employer.createSite({
          companyId: company.id,
          name: 'X',
          streetAddress: 'Vej 1',
          postalCode: '0001',
        }),
      () => '0001',
    ],
    [
      'updatePlacement, an absurd version',
      () => employer.updatePlacement({ id: draftId, expectedVersion: 2147483647, title: 'Ny' }),
      () => '2147483647',
    ],
  ])('%s: the reply does not repeat what was sent', async (_, call, sent) => {
    const res = await call();
    expect(failure(res).extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(res.errors)).not.toContain(sent());
  });

  it('keeps the company and the draft as they were', async () => {
    expect(ok(await employer.company(company.id)).company.name).toMatch(/^Testfirma/);
    expect(ok(await employer.placement(draftId)).placement).toMatchObject({
      title: 'Lagermedarbejder',
      version: 1,
    });
  });

  it('a consultant who is no partner gets NOT_FOUND for the company and its draft', async () => {
    for (const res of [
      await consultant.placement(draftId),
      await consultant.company(company.id),
      await consultant.matchCitizensForPlacement(draftId),
    ])
      expect(failure(res).extensions.code).toBe('NOT_FOUND');
  });
});
