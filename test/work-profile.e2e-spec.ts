import { Role } from '@jobbro/core';
import {
  aCitizenLogin,
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  auditRows,
  aUser,
  countRows,
  createTestApp,
  failure,
  type GraphqlResponse,
  occupationByLabel,
  ok,
  type TestApp,
} from '@jobbro/testing';

const QUALIFICATION = `qualification label confirmedOn confirmedBy note`;
const EMPLOYMENT = `id companyId employerName cvr startedOn endedOn recordedBy`;
const WORK_PROFILE = `id qualifications { ${QUALIFICATION} } employments { ${EMPLOYMENT} }
  needs { accommodations availability { weekdays from until } }`;

const recordQualification = (api: Api, input: Record<string, unknown>) =>
  api.run(
    `mutation($input: RecordQualificationInput!) { recordQualification(input: $input) { ${QUALIFICATION} } }`,
    { input },
  );
const removeQualification = (api: Api, input: Record<string, unknown>) =>
  api.run(`mutation($input: RemoveQualificationInput!) { removeQualification(input: $input) }`, {
    input,
  });
const setAvailability = (api: Api, input: Record<string, unknown>) =>
  api.run(
    `mutation($input: SetAvailabilityInput!) { setAvailability(input: $input) { weekdays from until } }`,
    { input },
  );
const recordEmployment = (api: Api, input: Record<string, unknown>) =>
  api.run(
    `mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { ${EMPLOYMENT} } }`,
    { input },
  );
const workProfile = (api: Api, id: string) =>
  api.run(`query($id: ID!) { citizen(id: $id) { ${WORK_PROFILE} } }`, { id });

/** A refusal with this code that wrote nothing to `table`. */
async function refused(
  t: TestApp,
  table: string,
  call: () => Promise<GraphqlResponse>,
  code: string,
  reason?: string,
): Promise<{ fields?: unknown }> {
  const before = await countRows(t.dataSource, table);
  const res = await call();
  expect(res.status).not.toBe(500);
  const error = failure(res);
  expect(error.extensions.code).toBe(code);
  if (reason) expect(error.extensions.reason).toBe(reason);
  expect(await countRows(t.dataSource, table)).toBe(before);
  return error.extensions;
}

/**
 * Qualifications, availability and recent employers: recorded by the citizen's job centre (the
 * availability also by the citizen), hidden from other job centres, and used by matching.
 */
describe('a citizen’s qualifications, availability and recent employers', () => {
  let t: TestApp;
  let consultant: Api;
  let consultantName: string;
  let elsewhere: Api;
  let citizenApi: Api;
  let citizenId: string;
  let company: Awaited<ReturnType<typeof aCompany>>;
  let strangerCompany: Awaited<ReturnType<typeof aCompany>>;
  let employer: Api;

  beforeAll(async () => {
    t = await createTestApp();
    const centre = await aJobCentre(t.dataSource);
    const other = await aJobCentre(t.dataSource);
    const u = await aUser().withRole(Role.JobConsultant).inJobCentre(centre.id).build(t.dataSource);
    consultantName = (
      await t.dataSource.query<{ name: string }[]>(
        `SELECT display_name AS name FROM app_user WHERE id = $1`,
        [u.id],
      )
    )[0].name;
    consultant = await new Api(t.http).signIn(u.email, u.password);
    const o = await aUser().withRole(Role.JobConsultant).inJobCentre(other.id).build(t.dataSource);
    elsewhere = await new Api(t.http).signIn(o.email, o.password);
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    company = await aCompany(t.dataSource, admin.id);
    await aPartnership(t.dataSource, company.id, centre.id, 'active');
    employer = await new Api(t.http).signIn(admin.email, admin.password);
    const strangerAdmin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    strangerCompany = await aCompany(t.dataSource, strangerAdmin.id);
    citizenId = ok(
      await consultant.createCitizen({
        firstName: 'Jonas',
        lastName: 'Holm',
        postalCode: '2300',
        targetGroup: 'kontanthjaelp_jobparat',
      }),
    ).createCitizen.id as string;
    const login = await aCitizenLogin(t.dataSource, citizenId);
    citizenApi = await new Api(t.http).signIn(login.email, login.password);
  });
  afterAll(() => t.close());

  describe('recordQualification and removeQualification', () => {
    it('records who confirmed it and when, shows it on the citizen, and audits it', async () => {
      const recorded = ok(
        await recordQualification(consultant, {
          citizenId,
          qualification: 'DRIVING_LICENCE_B',
          confirmedOn: '2026-11-02',
          note: 'Set kørekortet',
        }),
      ).recordQualification;
      expect(recorded).toEqual({
        qualification: 'DRIVING_LICENCE_B',
        label: 'Kørekort (B)',
        confirmedOn: '2026-11-02',
        confirmedBy: consultantName,
        note: 'Set kørekortet',
      });
      const seen = ok(await workProfile(consultant, citizenId)).citizen;
      expect(seen.qualifications).toEqual([recorded]);
      // The citizen sees their own.
      expect(ok(await workProfile(citizenApi, citizenId)).citizen.qualifications).toEqual([
        recorded,
      ]);
      expect(await auditRows(t.dataSource, citizenId)).toContainEqual(
        expect.objectContaining({ operation: 'recordQualification', allowed: true }),
      );
    });

    it('answers another job centre’s consultant as if the citizen did not exist, writing nothing', async () => {
      await refused(
        t,
        'citizen_qualification',
        () => recordQualification(elsewhere, { citizenId, qualification: 'DANISH_SPOKEN' }),
        'NOT_FOUND',
        'CITIZEN_NOT_FOUND',
      );
      await refused(
        t,
        'citizen_qualification',
        () => removeQualification(elsewhere, { citizenId, qualification: 'DRIVING_LICENCE_B' }),
        'NOT_FOUND',
        'CITIZEN_NOT_FOUND',
      );
      expect(await auditRows(t.dataSource, citizenId)).toContainEqual(
        expect.objectContaining({ operation: 'recordQualification', allowed: false }),
      );
    });

    it('refuses a confirmation in the future and an unknown qualification', async () => {
      const extensions = await refused(
        t,
        'citizen_qualification',
        () =>
          recordQualification(consultant, {
            citizenId,
            qualification: 'DANISH_SPOKEN',
            confirmedOn: '2099-01-01',
          }),
        'BAD_USER_INPUT',
        'WORK_PROFILE_INVALID',
      );
      expect(extensions.fields).toEqual([
        expect.objectContaining({ field: 'confirmedOn', constraint: 'notInFuture' }),
      ]);
      await refused(
        t,
        'citizen_qualification',
        () => recordQualification(consultant, { citizenId, qualification: 'PILOT_LICENCE' }),
        'BAD_USER_INPUT',
      );
    });

    it('removes one, and says false when there was none', async () => {
      ok(await recordQualification(consultant, { citizenId, qualification: 'ENGLISH' }));
      expect(
        ok(await removeQualification(consultant, { citizenId, qualification: 'ENGLISH' }))
          .removeQualification,
      ).toBe(true);
      expect(
        ok(await removeQualification(consultant, { citizenId, qualification: 'ENGLISH' }))
          .removeQualification,
      ).toBe(false);
    });
  });

  describe('setAvailability', () => {
    it('is set by the consultant and by the citizen themself, and read beside the needs', async () => {
      expect(
        ok(
          await setAvailability(consultant, {
            citizenId,
            availability: {
              weekdays: ['FRIDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'MONDAY'],
              from: '08:00',
              until: '16:00',
            },
          }),
        ).setAvailability,
      ).toEqual({
        weekdays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
        from: '08:00',
        until: '16:00',
      });
      ok(
        await setAvailability(citizenApi, {
          citizenId,
          availability: {
            weekdays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
            until: '15:00',
          },
        }),
      );
      expect(ok(await workProfile(consultant, citizenId)).citizen.needs).toEqual({
        accommodations: [],
        availability: {
          weekdays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
          from: null,
          until: '15:00',
        },
      });
    });

    it('answers another job centre NOT_FOUND and refuses times out of order or malformed', async () => {
      const before = await t.dataSource.query(
        `SELECT available_days, available_from, available_until FROM citizen_need WHERE citizen_id = $1`,
        [citizenId],
      );
      const outOfOrder = failure(
        await setAvailability(consultant, {
          citizenId,
          availability: { from: '16:00', until: '08:00' },
        }),
      );
      expect(outOfOrder.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'WORK_PROFILE_INVALID',
        fields: [expect.objectContaining({ field: 'availability.until' })],
      });
      expect(
        failure(await setAvailability(consultant, { citizenId, availability: { from: '25:00' } }))
          .extensions.code,
      ).toBe('BAD_USER_INPUT');
      expect(
        failure(await setAvailability(consultant, { citizenId, availability: { weekdays: [] } }))
          .extensions.code,
      ).toBe('BAD_USER_INPUT');
      const denied = failure(
        await setAvailability(elsewhere, { citizenId, availability: { from: '10:00' } }),
      );
      expect(denied.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CITIZEN_NOT_FOUND' });
      expect(
        await t.dataSource.query(
          `SELECT available_days, available_from, available_until FROM citizen_need WHERE citizen_id = $1`,
          [citizenId],
        ),
      ).toEqual(before);
    });
  });

  describe('recordEmployment', () => {
    it('records a named employer with its CVR number and a partner company, most recent first', async () => {
      const named = ok(
        await recordEmployment(consultant, {
          citizenId,
          employerName: 'Bageriet ApS',
          cvr: '10150817',
          startedOn: '2012-03-01',
          endedOn: '2019-06-30',
        }),
      ).recordEmployment;
      expect(named).toMatchObject({
        companyId: null,
        employerName: 'Bageriet ApS',
        cvr: '10150817',
        recordedBy: consultantName,
      });
      const partner = ok(
        await recordEmployment(consultant, {
          citizenId,
          companyId: company.id,
          startedOn: '2024-01-01',
          endedOn: '2026-05-31',
        }),
      ).recordEmployment;
      expect(partner).toMatchObject({
        companyId: company.id,
        cvr: company.cvr,
        endedOn: '2026-05-31',
      });
      expect(
        (ok(await workProfile(consultant, citizenId)).citizen.employments as { id: string }[]).map(
          (e) => e.id,
        ),
      ).toEqual([partner.id, named.id]);
      expect(await auditRows(t.dataSource, citizenId)).toContainEqual(
        expect.objectContaining({ operation: 'recordEmployment', allowed: true }),
      );
    });

    it('answers another job centre NOT_FOUND, a company the consultant may not see NOT_FOUND, and bad input clearly', async () => {
      const job = { citizenId, employerName: 'Kiosken', startedOn: '2020-01-01' };
      await refused(
        t,
        'citizen_employment',
        () => recordEmployment(elsewhere, job),
        'NOT_FOUND',
        'CITIZEN_NOT_FOUND',
      );
      await refused(
        t,
        'citizen_employment',
        () =>
          recordEmployment(consultant, {
            citizenId,
            companyId: strangerCompany.id,
            startedOn: '2020-01-01',
          }),
        'NOT_FOUND',
        'COMPANY_NOT_FOUND',
      );
      const both = await refused(
        t,
        'citizen_employment',
        () => recordEmployment(consultant, { ...job, companyId: company.id }),
        'BAD_USER_INPUT',
        'WORK_PROFILE_INVALID',
      );
      expect(both.fields).toEqual([expect.objectContaining({ field: 'employerName' })]);
      const dates = await refused(
        t,
        'citizen_employment',
        () => recordEmployment(consultant, { ...job, cvr: '10150818', endedOn: '2019-12-31' }),
        'BAD_USER_INPUT',
        'WORK_PROFILE_INVALID',
      );
      expect((dates.fields as { field: string }[]).map((f) => f.field)).toEqual(['cvr', 'endedOn']);
      await refused(
        t,
        'citizen_employment',
        () => recordEmployment(consultant, { ...job, startedOn: '2020-13-01' }),
        'BAD_USER_INPUT',
      );
    });
  });

  describe('in matching', () => {
    let internship: string;
    let wageSubsidy: string;
    let saturday: string;
    let withLicence: string;

    beforeAll(async () => {
      const cook = await occupationByLabel(t.dataSource, 'cook');
      const post = (title: string, input: Record<string, unknown> = {}) =>
        employer.publishSlot(company, { title, occupationId: cook.id, ...input });
      internship = await post('Praktik i køkkenet');
      wageSubsidy = await post('Løntilskud i køkkenet', { type: 'WAGE_SUBSIDY' });
      saturday = await post('Weekendkok', {
        type: 'WAGE_SUBSIDY',
        workingTimes: { weekdays: ['SATURDAY'], from: '10:00', until: '14:00' },
      });
      withLicence = await post('Kok med udbringning', {
        type: 'WAGE_SUBSIDY',
        requirements: ['DRIVING_LICENCE_B'],
      });
    });

    const matched = async (): Promise<string[]> =>
      (
        ok(await consultant.matchPlacementsForCitizen(citizenId)).matchPlacementsForCitizen as {
          placementId: string;
        }[]
      ).map((m) => m.placementId);

    it('keeps a job-ready citizen’s last employer’s internship out with the reason, but not its wage subsidy', async () => {
      const ids = await matched();
      expect(ids).toContain(wageSubsidy);
      expect(ids).not.toContain(internship);
      const why = ok(await consultant.explainMatch(citizenId, internship)).explainMatch;
      expect(why.failedFilters).toEqual([
        {
          filter: 'notLastEmployer',
          reason: 'Jobparate må ikke komme i praktik hos seneste arbejdsgiver (BEK § 61)',
        },
      ]);
      // Reverse matching agrees.
      const citizens = (
        ok(await consultant.matchCitizensForPlacement(internship)).matchCitizensForPlacement as {
          citizenId: string;
        }[]
      ).map((c) => c.citizenId);
      expect(citizens).not.toContain(citizenId);
    });

    it('matches a slot with a requirement once the qualification is recorded, in both directions', async () => {
      expect(await matched()).toContain(withLicence);
      const citizens = (
        ok(await consultant.matchCitizensForPlacement(withLicence)).matchCitizensForPlacement as {
          citizenId: string;
        }[]
      ).map((c) => c.citizenId);
      expect(citizens).toContain(citizenId);
      ok(await removeQualification(consultant, { citizenId, qualification: 'DRIVING_LICENCE_B' }));
      expect(await matched()).not.toContain(withLicence);
      expect(
        (
          ok(await consultant.matchCitizensForPlacement(withLicence)).matchCitizensForPlacement as {
            citizenId: string;
          }[]
        ).map((c) => c.citizenId),
      ).not.toContain(citizenId);
    });

    it('leaves out a Saturday slot for a citizen who works Monday to Friday, and says why', async () => {
      expect(await matched()).not.toContain(saturday);
      const why = ok(await consultant.explainMatch(citizenId, saturday)).explainMatch;
      expect(why.failedFilters).toEqual([
        {
          filter: 'availability',
          reason: 'Pladsen kræver arbejde lørdag; borgeren kan mandag–fredag',
        },
      ]);
      const slot = ok(
        await employer.run(
          `query($id: ID!) { placement(id: $id) { workingTimes { weekdays from until } } }`,
          { id: saturday },
        ),
      ).placement;
      expect(slot.workingTimes).toEqual({ weekdays: ['SATURDAY'], from: '10:00', until: '14:00' });
    });
  });

  describe('correcting employments, and “no employment”', () => {
    let maja: string;
    let slot: string;
    const NO_EMPLOYMENT = `noEmployment { confirmedOn confirmedBy }`;
    const run = (api: Api, op: string, type: string, input: Record<string, unknown>, sel = '') =>
      api.run(`mutation($input: ${type}!) { ${op}(input: $input) ${sel} }`, { input });
    const history = async () =>
      ok(
        await consultant.run(
          `query($id: ID!) { citizen(id: $id) { employments { ${EMPLOYMENT} updatedBy } ${NO_EMPLOYMENT} } }`,
          { id: maja },
        ),
      ).citizen as { employments: Record<string, unknown>[]; noEmployment: unknown };
    /** The not-the-last-employer check of an internship at the company for Maja. */
    const lastEmployerCheck = async () =>
      (
        ok(
          await consultant.run(
            `query($input: ProposalRuleChecksInput!) { proposalRuleChecks(input: $input) { rule passed message } }`,
            {
              input: {
                citizenId: maja,
                placementId: slot,
                start: '2027-02-01',
                end: '2027-02-26',
                weeklyHours: 20,
              },
            },
          ),
        ).proposalRuleChecks as { rule: string; passed: boolean; message: string }[]
      ).find((c) => c.rule === 'NOT_LAST_EMPLOYER');
    const matchesSlot = async () =>
      (
        ok(await consultant.matchPlacementsForCitizen(maja)).matchPlacementsForCitizen as {
          placementId: string;
        }[]
      ).some((m) => m.placementId === slot);

    beforeAll(async () => {
      maja = ok(
        await consultant.createCitizen({
          firstName: 'Maja',
          lastName: 'Berg',
          postalCode: '2300',
          targetGroup: 'dagpenge',
        }),
      ).createCitizen.id as string;
      const cook = await occupationByLabel(t.dataSource, 'cook');
      slot = await employer.publishSlot(company, {
        title: 'Praktik som kok',
        occupationId: cook.id,
      });
      ok(
        await consultant.run(
          `mutation($input: AddJobGoalInput!) { addJobGoal(input: $input) { id } }`,
          { input: { citizenId: maja, occupationIds: [cook.id], ownWords: 'Kok' } },
        ),
      );
    });

    it('decides the rule once “no employment” is recorded, and an employment later takes it back', async () => {
      expect(await lastEmployerCheck()).toMatchObject({ passed: false });
      const none = ok(
        await run(
          consultant,
          'recordNoEmployment',
          'RecordNoEmploymentInput',
          {
            citizenId: maja,
            confirmedOn: '2026-11-30',
          },
          '{ confirmedOn confirmedBy }',
        ),
      ).recordNoEmployment;
      expect(none).toEqual({ confirmedOn: '2026-11-30', confirmedBy: consultantName });
      expect((await history()).noEmployment).toEqual(none);
      expect(await lastEmployerCheck()).toMatchObject({ passed: true });
      expect(await matchesSlot()).toBe(true);

      // The company was her last employer after all: the mark goes, the rule blocks, matching agrees.
      const job = ok(
        await recordEmployment(consultant, {
          citizenId: maja,
          companyId: company.id,
          startedOn: '2025-01-01',
          endedOn: '2026-06-30',
        }),
      ).recordEmployment as { id: string };
      expect((await history()).noEmployment).toBeNull();
      expect(await lastEmployerCheck()).toMatchObject({ passed: false });
      expect(await matchesSlot()).toBe(false);
      const refusal = await refused(
        t,
        'citizen_no_employment',
        () =>
          run(
            consultant,
            'recordNoEmployment',
            'RecordNoEmploymentInput',
            { citizenId: maja },
            '{ confirmedOn }',
          ),
        'BAD_USER_INPUT',
        'WORK_PROFILE_INVALID',
      );
      expect(refusal.fields).toEqual([
        expect.objectContaining({ field: 'citizenId', constraint: 'employmentRecorded' }),
      ]);

      // Corrected: it was another employer, outside Jobbro.
      const corrected = ok(
        await run(
          consultant,
          'updateEmployment',
          'UpdateEmploymentInput',
          {
            id: job.id,
            employerName: 'Kroen i Byen',
            startedOn: '2025-01-01',
            endedOn: '2026-06-30',
          },
          `{ ${EMPLOYMENT} updatedBy }`,
        ),
      ).updateEmployment;
      expect(corrected).toMatchObject({
        id: job.id,
        companyId: null,
        employerName: 'Kroen i Byen',
        updatedBy: consultantName,
      });
      expect(await lastEmployerCheck()).toMatchObject({ passed: true });
      expect(await matchesSlot()).toBe(true);
      expect(await auditRows(t.dataSource, maja)).toEqual(
        expect.arrayContaining(
          ['recordNoEmployment', 'recordEmployment', 'updateEmployment'].map((operation) =>
            expect.objectContaining({ operation, allowed: true }),
          ),
        ),
      );

      // Removed; a second removal finds nothing, as for any unknown id.
      expect(
        ok(await run(consultant, 'removeEmployment', 'RemoveEmploymentInput', { id: job.id }))
          .removeEmployment,
      ).toBe(true);
      expect((await history()).employments).toEqual([]);
      await refused(
        t,
        'citizen_employment',
        () => run(consultant, 'removeEmployment', 'RemoveEmploymentInput', { id: job.id }),
        'NOT_FOUND',
        'EMPLOYMENT_NOT_FOUND',
      );
      // "No employment" can be recorded again, and taken back.
      ok(
        await run(
          consultant,
          'recordNoEmployment',
          'RecordNoEmploymentInput',
          { citizenId: maja },
          '{ confirmedOn }',
        ),
      );
      expect(
        ok(
          await run(consultant, 'removeNoEmployment', 'RemoveNoEmploymentInput', {
            citizenId: maja,
          }),
        ).removeNoEmployment,
      ).toBe(true);
      expect(
        ok(
          await run(consultant, 'removeNoEmployment', 'RemoveNoEmploymentInput', {
            citizenId: maja,
          }),
        ).removeNoEmployment,
      ).toBe(false);
      expect((await history()).noEmployment).toBeNull();
    });

    it('answers another job centre as for an unknown id, and refuses bad corrections without writing', async () => {
      const job = ok(
        await recordEmployment(consultant, {
          citizenId: maja,
          employerName: 'Tankstationen',
          startedOn: '2020-01-01',
        }),
      ).recordEmployment as { id: string };
      const fields = { employerName: 'X', startedOn: '2020-01-01' };
      const hidden = failure(
        await run(
          elsewhere,
          'updateEmployment',
          'UpdateEmploymentInput',
          { id: job.id, ...fields },
          '{ id }',
        ),
      );
      const unknown = failure(
        await run(
          consultant,
          'updateEmployment',
          'UpdateEmploymentInput',
          { id: '00000000-0000-4000-8000-000000000000', ...fields },
          '{ id }',
        ),
      );
      expect(hidden.extensions.reason).toBe('EMPLOYMENT_NOT_FOUND');
      expect({ message: hidden.message, code: hidden.extensions.code }).toEqual({
        message: unknown.message,
        code: unknown.extensions.code,
      });
      expect(
        failure(await run(elsewhere, 'removeEmployment', 'RemoveEmploymentInput', { id: job.id }))
          .extensions.reason,
      ).toBe('EMPLOYMENT_NOT_FOUND');
      expect(
        failure(
          await run(
            elsewhere,
            'recordNoEmployment',
            'RecordNoEmploymentInput',
            { citizenId: maja },
            '{ confirmedOn }',
          ),
        ).extensions.reason,
      ).toBe('CITIZEN_NOT_FOUND');
      const bad = await refused(
        t,
        'citizen_employment',
        () =>
          run(
            consultant,
            'updateEmployment',
            'UpdateEmploymentInput',
            {
              id: job.id,
              employerName: 'Tankstationen',
              startedOn: '2020-01-01',
              endedOn: '2019-01-01',
            },
            '{ id }',
          ),
        'BAD_USER_INPUT',
        'WORK_PROFILE_INVALID',
      );
      expect(bad.fields).toEqual([expect.objectContaining({ field: 'endedOn' })]);
      expect((await history()).employments).toEqual([
        expect.objectContaining({
          id: job.id,
          employerName: 'Tankstationen',
          endedOn: null,
          updatedBy: null,
        }),
      ]);
      await refused(
        t,
        'citizen_no_employment',
        () =>
          run(
            consultant,
            'recordNoEmployment',
            'RecordNoEmploymentInput',
            { citizenId: maja, confirmedOn: '2099-01-01' },
            '{ confirmedOn }',
          ),
        'BAD_USER_INPUT',
        'WORK_PROFILE_INVALID',
      );
    });
  });
});
