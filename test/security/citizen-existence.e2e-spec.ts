import { randomUUID } from 'node:crypto';
import { Role } from '@jobbro/core';
import {
  aCitizenLogin,
  aCompany,
  aJobCentre,
  Api,
  auditRows,
  aUser,
  createTestApp,
  failure,
  ok,
  type GraphqlResponse,
  type TestApp,
} from '@jobbro/testing';

/**
 * Existence and special-category leaks on the citizen side. Whoever may not know a citizen (or its
 * goal or consent) exists gets exactly the answer a random id gets; whoever may know it exists but
 * not do this gets FORBIDDEN. Health and social fields answer the same whether or not they hold a
 * value, and only staff of the citizen's job centre learn that something is hidden from them.
 */
describe('citizen existence and special-category leaks', () => {
  let t: TestApp;
  let anonymous: Api;
  let consultant: Api;
  let unassigned: Api;
  let unassignedId: string;
  let otherCentre: Api;
  let otherCentreId: string;
  let otherAdmin: Api;
  let otherCompany: Api;
  let otherCompanyId: string;
  let employer: Api;
  let otherCitizen: Api;
  let otherCitizenId: string;
  let citizenId: string;
  let goalId: string;
  let consentId: string;
  let companyId: string;
  let otherCompanyCompanyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    anonymous = new Api(t.http);
    const centre = await aJobCentre(t.dataSource);
    const elsewhere = await aJobCentre(t.dataSource);
    const signIn = async (role: Role, centreId?: string): Promise<[Api, string]> => {
      const b = aUser().withRole(role);
      if (centreId) b.inJobCentre(centreId);
      const u = await b.build(t.dataSource);
      return [await anonymous.signIn(u.email, u.password), u.id];
    };
    [consultant] = await signIn(Role.JobConsultant, centre.id);
    [unassigned, unassignedId] = await signIn(Role.Caseworker, centre.id);
    [otherCentre, otherCentreId] = await signIn(Role.JobConsultant, elsewhere.id);
    [otherAdmin] = await signIn(Role.Administrator, elsewhere.id);
    const [employerApi, employerId] = await signIn(Role.CompanyAdmin);
    employer = employerApi;
    [otherCompany, otherCompanyId] = await signIn(Role.CompanyAdmin);
    const company = await aCompany(t.dataSource, employerId);
    companyId = company.id;
    otherCompanyCompanyId = (await aCompany(t.dataSource, otherCompanyId)).id;
    // Citizens share only with partners of their job centre.
    await t.dataSource.query(
      `INSERT INTO partnership (company_id, job_centre_id, status, starts_on, proposed_by_side)
       VALUES ($1, $2, 'active', current_date, 'company')`,
      [companyId, centre.id],
    );
    await t.dataSource.query(
      `INSERT INTO partnership (company_id, job_centre_id, status, starts_on, proposed_by_side)
       VALUES ($1, $2, 'active', current_date, 'company')`,
      [otherCompanyCompanyId, elsewhere.id],
    );

    citizenId = ok(
      await consultant.createCitizen({ firstName: 'Sara', lastName: 'Holm', postalCode: '2400' }),
    ).createCitizen.id as string;
    goalId = ok(await consultant.addJobGoal({ citizenId, ownWords: 'Arbejde med dyr' })).addJobGoal
      .id as string;
    consentId = ok(
      await consultant.grantConsent({
        citizenId,
        companyId,
        scopes: ['PROFILE', 'NEEDS', 'PLAN'],
        purpose: 'Praktik',
      }),
    ).grantConsent.id as string;
    ok(await consultant.updatePlan({ citizenId, expectedVersion: 0, longTermGoal: 'Job med dyr' }));
    const other = ok(
      await consultant.createCitizen({ firstName: 'Ole', lastName: 'Dam', postalCode: '2400' }),
    ).createCitizen.id as string;
    const login = await aCitizenLogin(t.dataSource, other);
    otherCitizen = await anonymous.signIn(login.email, login.password);
    otherCitizenId = login.id;
  });
  afterAll(() => t.close());

  /** What a client can compare: HTTP status, data, and each error's message, code and reason. */
  const answer = (res: GraphqlResponse): unknown => ({
    status: res.status,
    data: res.data,
    errors: res.errors?.map((e) => ({
      message: e.message,
      code: e.extensions.code,
      reason: e.extensions.reason,
      path: e.path,
    })),
  });

  type Op = (
    api: Api,
    ids: { citizen: string; goal: string; consent: string },
  ) => Promise<GraphqlResponse>;
  const OPERATIONS: Record<string, { callers: () => [string, Api, string][]; run: Op }> = {
    citizen: {
      callers: () => [
        ['consultant of another job centre', otherCentre, otherCentreId],
        ['company without consent', otherCompany, otherCompanyId],
        ['another citizen', otherCitizen, otherCitizenId],
      ],
      run: (api, ids) =>
        api.run(`query($id: ID!) { citizen(id: $id) { id } }`, { id: ids.citizen }),
    },
    updateCitizen: {
      callers: () => [['consultant of another job centre', otherCentre, otherCentreId]],
      run: (api, ids) => api.updateCitizen({ id: ids.citizen, firstName: 'X' }),
    },
    setTargetGroup: {
      callers: () => [['consultant of another job centre', otherCentre, otherCentreId]],
      run: (api, ids) =>
        api.setTargetGroup({
          citizenId: ids.citizen,
          targetGroup: 'dagpenge',
          validFrom: '2027-01-01',
        }),
    },
    addTeamMember: {
      callers: () => [['consultant of another job centre', otherCentre, otherCentreId]],
      run: (api, ids) =>
        api.addTeamMember({
          citizenId: ids.citizen,
          userId: otherCentreId,
          role: 'CONSULTANT',
          reason: 'Test',
        }),
    },
    removeTeamMember: {
      callers: () => [['consultant of another job centre', otherCentre, otherCentreId]],
      run: (api, ids) =>
        api.removeTeamMember({
          citizenId: ids.citizen,
          userId: otherCentreId,
          role: 'CONSULTANT',
          reason: 'Test',
        }),
    },
    addJobGoal: {
      callers: () => [['consultant of another job centre', otherCentre, otherCentreId]],
      run: (api, ids) => api.addJobGoal({ citizenId: ids.citizen, ownWords: 'Noget' }),
    },
    updateJobGoal: {
      callers: () => [['consultant of another job centre', otherCentre, otherCentreId]],
      run: (api, ids) => api.updateJobGoal({ id: ids.goal, maxCommuteKm: 10 }),
    },
    updateNeeds: {
      callers: () => [['consultant of another job centre', otherCentre, otherCentreId]],
      run: (api, ids) => api.updateNeeds({ citizenId: ids.citizen, accommodations: [] }),
    },
    recordAssessment: {
      callers: () => [
        ['consultant of another job centre', otherCentre, otherCentreId],
        ['another citizen', otherCitizen, otherCitizenId],
      ],
      run: (api, ids) =>
        api.recordAssessment({
          citizenId: ids.citizen,
          dimension: 'no_such_dimension',
          score: 3,
          assessedOn: '2026-11-01',
        }),
    },
    updatePlan: {
      callers: () => [['consultant of another job centre', otherCentre, otherCentreId]],
      run: (api, ids) => api.updatePlan({ citizenId: ids.citizen, expectedVersion: 1 }),
    },
    recordMeeting: {
      callers: () => [['consultant of another job centre', otherCentre, otherCentreId]],
      run: (api, ids) =>
        api.recordMeeting({
          citizenId: ids.citizen,
          kind: 'FOLLOW_UP',
          heldOn: '2026-11-02',
          participants: [{ name: 'A', role: 'CITIZEN' }],
        }),
    },
    grantConsent: {
      callers: () => [
        ['consultant of another job centre', otherCentre, otherCentreId],
        ['another citizen', otherCitizen, otherCitizenId],
      ],
      run: (api, ids) =>
        api.grantConsent({
          citizenId: ids.citizen,
          companyId,
          scopes: ['PLAN'],
          purpose: 'Praktik',
        }),
    },
    withdrawConsent: {
      callers: () => [
        ['consultant of another job centre', otherCentre, otherCentreId],
        ['another citizen', otherCitizen, otherCitizenId],
      ],
      run: (api, ids) => api.withdrawConsent(ids.consent),
    },
    exportCitizenData: {
      callers: () => [['administrator of another job centre', otherAdmin, '']],
      run: (api, ids) => api.exportCitizenData(ids.citizen),
    },
  };

  const cases = Object.keys(OPERATIONS).flatMap((operation) =>
    // Callers are built in beforeAll; the table names them by index.
    [0, 1, 2].map((i) => [operation, i] as const),
  );

  it.each(cases)(
    '%s: caller %i who may not know the citizen gets what a random id gets',
    async (operation, index) => {
      const spec = OPERATIONS[operation];
      const caller = spec.callers()[index];
      if (!caller) return;
      const [, api, userId] = caller;
      const real = await spec.run(api, { citizen: citizenId, goal: goalId, consent: consentId });
      const random = await spec.run(api, {
        citizen: randomUUID(),
        goal: randomUUID(),
        consent: randomUUID(),
      });
      expect(real.errors?.length).toBeGreaterThan(0);
      expect(real.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(answer(real)).toEqual(answer(random));
      if (userId) {
        // Refused attempts on a real citizen are still on record.
        expect(
          (await auditRows(t.dataSource, citizenId)).some((r) => r.userId === userId && !r.allowed),
        ).toBe(true);
      }
    },
  );

  it('consent to a company that is no partner of the citizen’s job centre answers like a random company', async () => {
    const grant = (company: string): Promise<GraphqlResponse> =>
      consultant.grantConsent({
        citizenId,
        companyId: company,
        scopes: ['PLAN'],
        purpose: 'Praktik',
      });
    const foreign = await grant(otherCompanyCompanyId);
    const random = await grant(randomUUID());
    expect(failure(foreign).extensions.reason).toBe('COMPANY_NOT_FOUND');
    expect(answer(foreign)).toEqual(answer(random));
  });

  it('the plan PDF answers a consultant of another job centre 404 for a real and a random id alike', async () => {
    const get = (id: string) =>
      t.http().get(`/citizens/${id}/plan.pdf`).set('authorization', `Bearer ${otherCentre.token}`);
    const real = await get(citizenId);
    const random = await get(randomUUID());
    expect(real.status).toBe(404);
    expect(random.status).toBe(404);
    expect(real.body).toEqual(random.body);
    expect(real.headers['content-type']).toEqual(random.headers['content-type']);
    // Staff of the citizen's own job centre still get the PDF.
    const own = await t
      .http()
      .get(`/citizens/${citizenId}/plan.pdf`)
      .set('authorization', `Bearer ${unassigned.token}`);
    expect(own.status).toBe(200);
  });

  it('staff of the citizen’s job centre who may not do this still get FORBIDDEN', async () => {
    const res = await unassigned.updateNeeds({ citizenId, accommodations: [] });
    expect(failure(res).extensions.code).toBe('FORBIDDEN');
    const pdf = await t
      .http()
      .get(`/citizens/${citizenId}/plan.pdf`)
      .set('authorization', `Bearer ${unassigned.token}`);
    expect(pdf.status).toBe(200);
    expect(unassignedId).toBeDefined();
  });

  describe('special-category fields', () => {
    const NEEDS = `query($id: ID!) { citizen(id: $id) { specialCategoryHidden
      needs { accommodations functionalLimits accommodationNotes supportNeeds } } }`;
    const fieldErrors = (res: GraphqlResponse): string[] =>
      (res.errors ?? []).map((e) => `${e.path?.join('.')}:${e.extensions.code}`).sort();

    it('answer the same to someone who may not see them, whether empty or filled', async () => {
      // Empty: needs recorded without any health or social notes.
      ok(await consultant.updateNeeds({ citizenId, accommodations: ['QUIET_WORKSPACE'] }));
      const emptyStaff = await unassigned.run(NEEDS, { id: citizenId });
      const emptyEmployer = await employer.run(NEEDS, { id: citizenId });
      ok(
        await consultant.updateNeeds({
          citizenId,
          accommodations: ['QUIET_WORKSPACE'],
          functionalLimits: 'Kan ikke stå længe',
          supportNeeds: 'Angst i nye situationer',
        }),
      );
      const filledStaff = await unassigned.run(NEEDS, { id: citizenId });
      const filledEmployer = await employer.run(NEEDS, { id: citizenId });

      const refused = [
        'citizen.needs.accommodationNotes:FORBIDDEN',
        'citizen.needs.functionalLimits:FORBIDDEN',
        'citizen.needs.supportNeeds:FORBIDDEN',
      ];
      for (const res of [emptyStaff, filledStaff, emptyEmployer, filledEmployer]) {
        expect(fieldErrors(res)).toEqual(refused);
        expect(JSON.stringify(res)).not.toMatch(/stå længe|Angst/);
      }
      // The employer never learns whether something is hidden; the job centre's staff do.
      expect(emptyEmployer.data).toEqual(filledEmployer.data);
      expect(filledEmployer.data?.citizen).toMatchObject({ specialCategoryHidden: false });
      expect(emptyStaff.data?.citizen).toMatchObject({ specialCategoryHidden: false });
      expect(filledStaff.data?.citizen).toMatchObject({ specialCategoryHidden: true });
    });

    it('the schema says what happens', async () => {
      const res = ok(
        await anonymous.run(
          `{ __type(name: "CitizenNeeds") { fields { name description } }
             citizen: __type(name: "Citizen") { fields { name description } } }`,
        ),
      ) as {
        __type: { fields: { name: string; description: string | null }[] };
        citizen: { fields: { name: string; description: string | null }[] };
      };
      const limits = res.__type.fields.find((f) => f.name === 'functionalLimits');
      expect(limits?.description).toMatch(/FORBIDDEN/);
      expect(limits?.description).toMatch(/whether or not/);
      const hidden = res.citizen.fields.find((f) => f.name === 'specialCategoryHidden');
      expect(hidden?.description).toMatch(/company/i);
    });
  });
});
