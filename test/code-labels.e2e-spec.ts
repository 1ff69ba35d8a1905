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

/** A code in a sentence (snake_case): what a person must never read. */
const CODE = /[a-z]+_[a-z_]+/;

/**
 * What a person reads names things, not codes: match explanations use the catalogues' labels, the
 * catalogues answer with the enum values the inputs take, and a target group that exists but is
 * not in force on the date says so, with its period.
 */
describe('codes are shown as labels, and the catalogues speak the API’s enums', () => {
  let t: TestApp;
  let consultant: Api;
  let employer: Api;
  let company: Awaited<ReturnType<typeof aCompany>>;

  beforeAll(async () => {
    t = await createTestApp();
    const centre = await aJobCentre(t.dataSource);
    const user = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    consultant = await new Api(t.http).signIn(user.email, user.password);
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    company = await aCompany(t.dataSource, admin.id);
    await aPartnership(t.dataSource, company.id, centre.id, 'active');
    employer = await new Api(t.http).signIn(admin.email, admin.password);
  });
  afterAll(() => t.close());

  const citizenCount = async (): Promise<number> =>
    Number((await t.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM citizen`))[0].n);

  it('says a target group is not in force on the date, with its period, and creates nothing', async () => {
    const before = await citizenCount();
    const input = {
      firstName: 'A',
      lastName: 'B',
      postalCode: '2400',
      targetGroup: 'ressourceforloeb',
    };
    const da = failure(await consultant.createCitizen(input));
    expect(da.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TARGET_GROUP_NOT_IN_FORCE',
    });
    // Today (after 30 June 2026, when the group ends in the table) is the date of a new citizen's group.
    expect(da.message).toMatch(
      /^Målgruppen Ressourceforløb gælder ikke den \d{1,2}\. \p{L}+ \d{4}; den gælder fra 1\. januar 1980 til 30\. juni 2026\.$/u,
    );
    expect(da.extensions.fields).toEqual([
      { field: 'targetGroup', constraint: 'inForce', message: da.message },
    ]);
    const en = failure(await consultant.inLanguage('en').createCitizen(input));
    expect(en.message).toMatch(
      /^The target group Resource course is not in force on \d{1,2} \p{L}+ \d{4}; it applies from 1 January 1980 to 30 June 2026\.$/u,
    );
    expect(await citizenCount()).toBe(before);

    const citizen = ok(
      await consultant.createCitizen({
        firstName: 'Ahmad',
        lastName: 'Karimi',
        postalCode: '2400',
      }),
    ).createCitizen as { id: string };
    // In force on its own dates; the day after it ends, the message names that day.
    ok(
      await consultant.setTargetGroup({
        citizenId: citizen.id,
        targetGroup: 'ressourceforloeb',
        validFrom: '2026-01-01',
      }),
    );
    const later = failure(
      await consultant.setTargetGroup({
        citizenId: citizen.id,
        targetGroup: 'ressourceforloeb',
        validFrom: '2026-07-01',
      }),
    );
    // Dates in messages are written as people write them.
    const tooEarly = failure(
      await consultant.setTargetGroup({
        citizenId: citizen.id,
        targetGroup: 'dagpenge',
        validFrom: '2025-06-01',
      }),
    );
    expect(tooEarly.message).toBe(
      'En ny målgruppeperiode kan ikke begynde før den nuværende, som begyndte den 1. januar 2026.',
    );
    expect(tooEarly.extensions.fields).toEqual([
      {
        field: 'validFrom',
        constraint: 'afterCurrent',
        message: 'Skal være 1. januar 2026 eller senere.',
      },
    ]);
    expect(later.extensions.reason).toBe('TARGET_GROUP_NOT_IN_FORCE');
    expect(later.message).toBe(
      'Målgruppen Ressourceforløb gælder ikke den 1. juli 2026; den gælder fra 1. januar 1980 til 30. juni 2026.',
    );
  });

  it('says a target group that does not exist does not exist', async () => {
    const before = await citizenCount();
    const error = failure(
      await consultant.createCitizen({
        firstName: 'A',
        lastName: 'B',
        postalCode: '2400',
        targetGroup: 'no_such_group',
      }),
    );
    expect(error.extensions.reason).toBe('UNKNOWN_TARGET_GROUP');
    expect(error.message).toBe('Målgruppen findes ikke (se targetGroups).');
    expect(error.extensions.fields).toEqual([
      { field: 'targetGroup', constraint: 'exists', message: 'Målgruppen findes ikke.' },
    ]);
    expect(await citizenCount()).toBe(before);
  });

  it('names a partnership’s statuses in words when a change is refused', async () => {
    const other = await aJobCentre(t.dataSource);
    const ended = await aPartnership(t.dataSource, company.id, other.id, 'ended');
    const da = failure(await employer.changePartnershipStatus(ended, 'ACTIVE'));
    expect(da.extensions.reason).toBe('PARTNERSHIP_INVALID_TRANSITION');
    expect(da.message).toBe(
      'Et partnerskab med status "afsluttet" kan ikke ændres til "aktiv" af dig.',
    );
    const en = failure(await employer.inLanguage('en').changePartnershipStatus(ended, 'ACTIVE'));
    expect(en.message).toBe(
      'A partnership with status "ended" cannot be changed to "active" by you.',
    );
  });

  it('answers catalogue codes that go back into the inputs unchanged', async () => {
    const accommodations = ok(await consultant.run(`{ accommodationCatalogue { code label } }`))
      .accommodationCatalogue as { code: string; label: string }[];
    expect(accommodations).toContainEqual({ code: 'NO_HEAVY_LIFTING', label: 'Ingen tunge løft' });
    const requirements = ok(
      await employer.inLanguage('en').run(`{ requirementCatalogue { code label } }`),
    ).requirementCatalogue as { code: string; label: string }[];
    expect(requirements).toContainEqual({ code: 'DANISH_SPOKEN', label: 'Spoken Danish' });

    const citizen = ok(
      await consultant.createCitizen({ firstName: 'Sara', lastName: 'Holm', postalCode: '2400' }),
    ).createCitizen as { id: string };
    const needs = ok(
      await consultant.updateNeeds({
        citizenId: citizen.id,
        accommodations: accommodations.map((a) => a.code),
      }),
    ).updateNeeds as { needs: { accommodations: string[] } };
    expect(needs.needs.accommodations).toEqual(accommodations.map((a) => a.code));

    const types = ok(await employer.run(`{ placementTypeCatalogue { code label } }`))
      .placementTypeCatalogue as { code: string; label: string }[];
    expect(types).toEqual([
      { code: 'INTERNSHIP', label: 'virksomhedspraktik' },
      { code: 'WAGE_SUBSIDY', label: 'løntilskud' },
      { code: 'ORDINARY_HOURS', label: 'ordinære timer (småjob)' },
      { code: 'FLEX_JOB', label: 'fleksjob' },
    ]);

    const cook = await occupationByLabel(t.dataSource, 'cook');
    for (const type of types) {
      const slot = await employer.draftSlot(company, {
        title: 'Kok',
        occupationId: cook.id,
        type: type.code,
        accommodations: accommodations.map((a) => a.code),
        requirements: requirements.map((r) => r.code),
      });
      const saved = ok(await employer.placement(slot)).placement as {
        type: string;
        accommodations: string[];
        requirements: string[];
      };
      expect(saved.type).toBe(type.code);
      expect(saved.accommodations).toEqual(accommodations.map((a) => a.code));
      expect(saved.requirements).toEqual(requirements.map((r) => r.code));
    }
  });

  it('explains an excluded slot with labels in Danish and English', async () => {
    const cook = await occupationByLabel(t.dataSource, 'cook');
    const slot = await employer.publishSlot(company, {
      title: 'Kok i storkøkken',
      occupationId: cook.id,
      type: 'WAGE_SUBSIDY',
      requirements: ['DANISH_SPOKEN'],
    });
    const citizen = ok(
      await consultant.createCitizen({
        firstName: 'Ahmad',
        lastName: 'Karimi',
        postalCode: '2300',
        targetGroup: 'sygedagpenge',
      }),
    ).createCitizen as { id: string };
    ok(
      await consultant.updateNeeds({
        citizenId: citizen.id,
        accommodations: ['NO_HEAVY_LIFTING', 'QUIET_WORKSPACE'],
      }),
    );
    type Explained = {
      eligible: boolean;
      hardFilters: { filter: string; reason: string }[];
      failedFilters: { filter: string; reason: string }[];
      factors: { reason: string }[];
    };
    const da = ok(await consultant.explainMatch(citizen.id, slot)).explainMatch as Explained;
    expect(da.eligible).toBe(false);
    expect(da.failedFilters).toEqual([
      {
        filter: 'typeAllowed',
        reason: 'Løntilskud er ikke tilladt for målgruppen Sygedagpengemodtager (LAB § 42)',
      },
      {
        filter: 'accommodations',
        reason: 'Kan ikke tilbyde: Ingen tunge løft og Roligt arbejdsmiljø',
      },
      { filter: 'requirements', reason: 'Krav ikke opfyldt: Taler dansk' },
    ]);
    const en = ok(await consultant.inLanguage('en').explainMatch(citizen.id, slot))
      .explainMatch as Explained;
    expect(en.failedFilters).toEqual([
      {
        filter: 'typeAllowed',
        reason:
          'Wage subsidy is not allowed for the target group Sickness benefit (LAB s. 42 (Active Employment Act))',
      },
      { filter: 'accommodations', reason: 'Cannot offer: No heavy lifting and Quiet workspace' },
      { filter: 'requirements', reason: 'Requirements not met: Spoken Danish' },
    ]);
    for (const reason of [da, en].flatMap((x) => [...x.hardFilters, ...x.factors]))
      expect(reason.reason).not.toMatch(CODE);
  });
});
