import { Role, todayInDenmark } from '@jobbro/core';
import { RuleCheckService } from '@jobbro/rules';
import {
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  countRows,
  createTestApp,
  failure,
  ok,
  type TestApp,
} from '@jobbro/testing';

type Company = Awaited<ReturnType<typeof aCompany>>;
type Vars = Record<string, unknown>;

const RANDOM_ID = '7d2a4c1e-3b5f-4e8a-9c0d-1f2e3a4b5c6d';
const HEADCOUNT = `mutation($input: RecordHeadcountInput!) {
  recordHeadcount(input: $input) { id companyId siteId asOf ordinaryFte recordedAt } }`;
const LEGAL_RULES = `query($at: Date) { legalRules(at: $at) {
  id code name summary targetGroup sector severity numbers { name value } source validFrom validTo } }`;

interface Rule {
  code: string;
  summary: string;
  targetGroup: string | null;
  sector: string | null;
  severity: string;
  numbers: { name: string; value: string }[];
  source: string;
  validFrom: string;
  validTo: string | null;
}

const recordHeadcount = (api: Api, input: Vars) => api.run(HEADCOUNT, { input });
const legalRules = (api: Api, at?: string) => api.run(LEGAL_RULES, at === undefined ? {} : { at });
const reasonOf = (res: Parameters<typeof failure>[0]) => {
  const e = failure(res);
  return { code: e.extensions.code, reason: e.extensions.reason, message: e.message };
};

/**
 * The dated rules over the API (libs/rules): staff read the rules in force on a date; a company's
 * admin or a partner consultant records its headcount, which the reasonableness rule and net job
 * creation read; whoever may not see the company cannot tell it exists.
 */
describe('legal rules and headcounts', () => {
  let t: TestApp;
  let x: Company;
  let y: Company;
  let adminX: Api;
  let adminY: Api;
  let consultantA: Api;
  let consultantB: Api;
  let consultantEnded: Api;
  let consultantProposed: Api;
  let caseworkerA: Api;
  let mentorX: Api;

  const staff = async (role: Role, centre: string): Promise<Api> => {
    const u = await aUser().withRole(role).inJobCentre(centre).build(t.dataSource);
    return new Api(t.http).signIn(u.email, u.password);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const centreA = await aJobCentre(t.dataSource);
    const centreB = await aJobCentre(t.dataSource);
    const centreEnded = await aJobCentre(t.dataSource);
    const centreProposed = await aJobCentre(t.dataSource);
    const adminXUser = await aUser().build(t.dataSource);
    const adminYUser = await aUser().build(t.dataSource);
    x = await aCompany(t.dataSource, adminXUser.id);
    y = await aCompany(t.dataSource, adminYUser.id);
    await aPartnership(t.dataSource, x.id, centreA.id, 'active');
    await aPartnership(t.dataSource, y.id, centreB.id, 'active');
    await aPartnership(t.dataSource, x.id, centreEnded.id, 'ended');
    // The company proposed a partnership: the job centre sees the company, but is no partner yet.
    await aPartnership(t.dataSource, x.id, centreProposed.id, 'proposed');
    adminX = await new Api(t.http).signIn(adminXUser.email, adminXUser.password);
    adminY = await new Api(t.http).signIn(adminYUser.email, adminYUser.password);
    consultantA = await staff(Role.JobConsultant, centreA.id);
    consultantB = await staff(Role.JobConsultant, centreB.id);
    consultantEnded = await staff(Role.JobConsultant, centreEnded.id);
    consultantProposed = await staff(Role.JobConsultant, centreProposed.id);
    caseworkerA = await staff(Role.Caseworker, centreA.id);
    const mentorUser = await aUser().withRole(Role.Mentor).build(t.dataSource);
    await t.dataSource.query(`UPDATE mentor SET user_id = $2 WHERE id = $1`, [
      x.mentorId,
      mentorUser.id,
    ]);
    mentorX = await new Api(t.http).signIn(mentorUser.email, mentorUser.password);
  });
  afterAll(() => t.close());

  describe('recordHeadcount', () => {
    it('lets the company’s admin record the whole company and a partner consultant a site', async () => {
      const whole = ok(
        await recordHeadcount(adminX, { companyId: x.id, asOf: '2025-01-01', ordinaryFte: 40 }),
      ).recordHeadcount as Vars;
      expect(whole).toMatchObject({
        companyId: x.id,
        siteId: null,
        asOf: '2025-01-01',
        ordinaryFte: 40,
      });
      const site = ok(
        await recordHeadcount(consultantA, {
          companyId: x.id,
          siteId: x.siteId,
          asOf: '2026-01-01',
          ordinaryFte: 6,
        }),
      ).recordHeadcount as Vars;
      expect(site).toMatchObject({ siteId: x.siteId, ordinaryFte: 6 });
      const [row] = await t.dataSource.query<{ recorded_by: string }[]>(
        `SELECT recorded_by FROM company_headcount WHERE id = $1`,
        [site.id],
      );
      expect(row.recorded_by).toBeTruthy();
      // Recording the same date again replaces the figure.
      const again = ok(
        await recordHeadcount(adminX, {
          companyId: x.id,
          siteId: x.siteId,
          asOf: '2026-01-01',
          ordinaryFte: 5.5,
        }),
      ).recordHeadcount as Vars;
      expect(again).toMatchObject({ id: site.id, ordinaryFte: 5.5 });
    });

    it('feeds the rule checks: the site’s figure and the company’s year', async () => {
      const checks = t.app.get(RuleCheckService);
      const headcount = await checks.headcountFacts(
        x.id,
        x.siteId,
        '2026-03-02',
        await checks.rulesInForce('2026-03-02'),
      );
      expect(headcount).toEqual({
        siteOrdinaryFte: 5.5,
        company: { fteNow: 40, fteAverage: 40 },
      });
      const results = await checks.check({
        placementType: 'internship',
        start: '2026-03-02',
        end: '2026-03-30',
        weeklyHours: 30,
        targetGroup: 'dagpenge',
        extensionAssessed: false,
        companyId: x.id,
        mostRecentEmployerCompanyId: null,
        employmentHistoryKnown: false,
        sector: null,
        site: { ordinaryFte: headcount.siteOrdinaryFte, supportedPersons: 1 },
        company: headcount.company,
        paidHoursAtSameWorkplace: false,
      });
      const byRule = Object.fromEntries(results.map((c) => [c.rule, c]));
      expect(byRule.internship_duration).toMatchObject({ passed: false, severity: 'block' });
      expect(byRule.reasonableness_ratio).toMatchObject({ passed: false, severity: 'block' });
      expect(byRule.reasonableness_ratio.message.da).toContain('5,5 ordinært ansatte');
      expect(byRule.not_last_employer).toMatchObject({ passed: false, severity: 'warning' });
    });

    it.each([
      ['an admin of another company', () => adminY],
      ['a consultant of a job centre without partnership', () => consultantB],
      ['a consultant whose partnership ended', () => consultantEnded],
    ])('answers %s like a random id, and writes nothing', async (_who, caller) => {
      const before = await countRows(t.dataSource, 'company_headcount');
      const input = { asOf: '2026-01-01', ordinaryFte: 3 };
      const real = reasonOf(await recordHeadcount(caller(), { companyId: x.id, ...input }));
      const random = reasonOf(await recordHeadcount(caller(), { companyId: RANDOM_ID, ...input }));
      expect(real).toEqual(random);
      expect(real).toMatchObject({ code: 'NOT_FOUND', reason: 'COMPANY_NOT_FOUND' });
      expect(await countRows(t.dataSource, 'company_headcount')).toBe(before);
    });

    it.each([
      [
        'a consultant of a job centre not yet in partnership',
        () => consultantProposed,
        'HEADCOUNT_NOT_ALLOWED',
      ],
      ['a caseworker (role)', () => caseworkerA, 'FORBIDDEN'],
      ['a mentor (role)', () => mentorX, 'FORBIDDEN'],
    ])('refuses %s', async (_who, caller, reason) => {
      const before = await countRows(t.dataSource, 'company_headcount');
      const res = await recordHeadcount(caller(), {
        companyId: x.id,
        asOf: '2026-01-01',
        ordinaryFte: 3,
      });
      expect(reasonOf(res)).toMatchObject({ code: 'FORBIDDEN', reason });
      expect(await countRows(t.dataSource, 'company_headcount')).toBe(before);
    });

    it.each([
      ['a negative figure', { ordinaryFte: -1 }, 'BAD_USER_INPUT', 'ordinaryFte'],
      ['three decimals', { ordinaryFte: 1.005 }, 'BAD_USER_INPUT', 'ordinaryFte'],
      ['a figure too large', { ordinaryFte: 100000 }, 'BAD_USER_INPUT', 'ordinaryFte'],
      ['a site id that is no id', { siteId: 'site-1' }, 'BAD_USER_INPUT', 'siteId'],
    ])('refuses %s with the field named', async (_case, over, code, field) => {
      const before = await countRows(t.dataSource, 'company_headcount');
      const res = await recordHeadcount(adminX, {
        companyId: x.id,
        asOf: '2026-01-01',
        ordinaryFte: 3,
        ...over,
      });
      const e = failure(res);
      expect(e.extensions.code).toBe(code);
      expect(e.extensions.fields?.map((f) => f.field)).toContain(field);
      expect(await countRows(t.dataSource, 'company_headcount')).toBe(before);
    });

    it.each([
      ['a day that does not exist', { asOf: '2026-02-30' }, 'BAD_USER_INPUT', undefined],
      ['a future date', { asOf: '2099-01-01' }, 'BAD_USER_INPUT', 'HEADCOUNT_IN_FUTURE'],
      ['another company’s site', { siteId: '' }, 'BAD_USER_INPUT', 'SITE_NOT_FOUND'],
    ])('refuses %s', async (_case, over, code, reason) => {
      const before = await countRows(t.dataSource, 'company_headcount');
      const input: Vars = { companyId: x.id, asOf: '2026-01-01', ordinaryFte: 3, ...over };
      if ('siteId' in over) input.siteId = y.siteId;
      const e = failure(await recordHeadcount(adminX, input));
      expect(e.extensions.code).toBe(code);
      if (reason) expect(e.extensions.reason).toBe(reason);
      expect(await countRows(t.dataSource, 'company_headcount')).toBe(before);
    });

    it('accepts today', async () => {
      const today = todayInDenmark();
      const res = await recordHeadcount(adminX, { companyId: x.id, asOf: today, ordinaryFte: 41 });
      expect((ok(res).recordHeadcount as Vars).asOf).toBe(today);
    });
  });

  describe('legalRules', () => {
    it.each([
      ['2026-12-31', '2020-01-01', '2026-12-31'],
      ['2027-01-01', '2027-01-01', null],
    ])('lists the rules in force on %s', async (at, validFrom, validTo) => {
      const rules = ok(await legalRules(consultantA, at)).legalRules as Rule[];
      expect(rules).toHaveLength(23);
      expect(rules.every((r) => r.validFrom === validFrom && r.validTo === validTo)).toBe(true);
      const fourWeeks = rules.find(
        (r) => r.code === 'INTERNSHIP_DURATION' && r.targetGroup === 'dagpenge',
      );
      expect(fourWeeks).toMatchObject({
        summary: 'Virksomhedspraktik højst 4 uger.',
        severity: 'BLOCK',
        numbers: [{ name: 'weeks', value: '4' }],
      });
      expect(fourWeeks?.source).toContain('LAB § 61');
      const publicSubsidy = rules.find(
        (r) =>
          r.code === 'WAGE_SUBSIDY_DURATION' &&
          r.targetGroup === 'dagpenge' &&
          r.sector === 'PUBLIC',
      );
      expect(publicSubsidy?.summary).toBe(
        'Løntilskud højst 4 måneder hos en offentlig arbejdsgiver.',
      );
    });

    it('speaks English on request, and defaults to today', async () => {
      const rules = ok(await legalRules(caseworkerA.inLanguage('en'), '2026-06-01'))
        .legalRules as Rule[];
      const ratio = rules.find((r) => r.code === 'REASONABLENESS_RATIO');
      expect(ratio?.summary).toContain('At most 1 person in internship or wage subsidy per 5');
      expect(ok(await legalRules(consultantA)).legalRules).toEqual(
        ok(await legalRules(consultantA, todayInDenmark())).legalRules,
      );
      expect(ok(await legalRules(consultantA, '2019-12-31')).legalRules).toEqual([]);
    });

    it.each([
      ['a company admin', () => adminX, 'FORBIDDEN'],
      ['a mentor', () => mentorX, 'FORBIDDEN'],
      ['nobody signed in', () => new Api(t.http), 'UNAUTHENTICATED'],
    ])('is for job-centre staff: refuses %s', async (_who, caller, code) => {
      expect(failure(await legalRules(caller(), '2026-06-01')).extensions.code).toBe(code);
    });

    it('refuses a day that does not exist', async () => {
      expect(failure(await legalRules(consultantA, '2026-02-30')).extensions.code).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('the company’s sector', () => {
    it('is set, read and cleared by the company’s admin', async () => {
      const update = (sector: string | null) =>
        adminX.run(
          `mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { id sector } }`,
          { input: { id: x.id, sector } },
        );
      expect(ok(await update('PUBLIC')).updateCompany).toEqual({ id: x.id, sector: 'PUBLIC' });
      const read = await consultantA.run(`query($id: ID!) { company(id: $id) { sector } }`, {
        id: x.id,
      });
      expect(ok(read).company).toEqual({ sector: 'PUBLIC' });
      expect(ok(await update(null)).updateCompany).toEqual({ id: x.id, sector: null });
      expect(failure(await update('NONPROFIT')).extensions.code).toBe('BAD_USER_INPUT');
    });
  });
});
