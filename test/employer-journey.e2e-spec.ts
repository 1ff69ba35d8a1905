import { Role } from '@jobbro/core';
import {
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  aValidCvr,
  createTestApp,
  failure,
  occupationByLabel,
  ok,
  type TestApp,
} from '@jobbro/testing';

/** Journey 1 (DOMAIN.md): an employer posts an internship slot and a partner job centre sees it. */
describe('employer posting internship slots', () => {
  let t: TestApp;
  let anonymous: Api;

  beforeAll(async () => {
    t = await createTestApp();
    anonymous = new Api(t.http);
  });
  afterAll(() => t.close());

  it('goes from sign-in to a published slot that a partner consultant finds', async () => {
    const centre = await aJobCentre(t.dataSource, {
      name: 'Jobcenter København',
      municipalityCode: 101,
    });
    const otherCentre = await aJobCentre(t.dataSource, {
      name: 'Jobcenter Aarhus',
      municipalityCode: 751,
    });
    const consultant = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    const outsider = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(otherCentre.id)
      .build(t.dataSource);
    const employerUser = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const rivalUser = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);

    // The employer signs in and registers the company, a site and a mentor.
    const employer = await anonymous.signIn(employerUser.email, employerUser.password);
    const cvr = aValidCvr();
    const company = ok(
      await employer.registerCompany({
        cvr: `DK ${cvr.slice(0, 4)} ${cvr.slice(4)}`,
        name: 'Køkkenet ApS',
        ordinaryEmployees: 12,
      }),
    ).registerCompany;
    expect(company).toMatchObject({ cvr, name: 'Køkkenet ApS', ordinaryEmployees: 12 });
    expect(
      ok(
        await employer.updateCompany({
          id: company.id,
          industry: 'Restaurant',
          ordinaryEmployees: 14.5,
        }),
      ).updateCompany,
    ).toMatchObject({ name: 'Køkkenet ApS', industry: 'Restaurant', ordinaryEmployees: 14.5 });

    const site = ok(
      await employer.createSite({
        companyId: company.id,
        name: 'Restauranten',
        streetAddress: 'Islands Brygge 22',
        postalCode: '2300',
      }),
    ).createSite;
    expect(site).toMatchObject({ postalCode: '2300', municipalityCode: 101 });
    expect(site.latitude).toBeCloseTo(55.66, 1);

    const mentor = ok(
      await employer.addMentor({
        companyId: company.id,
        siteId: site.id,
        name: 'Birgitte Holm',
        email: 'birgitte@kokkenet.dk',
        capacity: 2,
      }),
    ).addMentor;

    // It finds the occupation with a typo, posts a draft and publishes it.
    const [kitchen] = ok(await employer.occupations('køkenhjælper')).occupations;
    // Found by our everyday word, shown with ESCO's Danish preferred label.
    expect(kitchen).toMatchObject({ label: 'køkkenassistent', escoLabel: 'kitchen assistant' });
    expect(
      ok(await employer.inLanguage('en').occupations('kitchen asistant')).occupations[0].label,
    ).toBe('kitchen assistant');
    const draft = ok(
      await employer.createPlacement({
        companyId: company.id,
        siteId: site.id,
        mentorId: mentor.id,
        type: 'INTERNSHIP',
        title: 'Køkkenhjælper',
        occupationId: kitchen.id,
        description: 'Frokostkøkken med fast hold',
        tasks: ['Klargøring af grøntsager', 'Opvask'],
        weeklyHoursMin: 10,
        weeklyHoursMax: 25,
        startEarliest: '2030-01-06',
        startLatest: '2030-03-01',
        durationWeeks: 13,
        capacity: 2,
        accommodations: ['NO_HEAVY_LIFTING', 'FIXED_ROUTINES'],
        requirements: ['FOOD_HYGIENE_CERTIFICATE'],
        ordinaryHoursPath: { possible: true, afterWeeks: 4, hoursPerWeek: 5 },
      }),
    ).createPlacement;
    expect(draft).toMatchObject({
      status: 'DRAFT',
      version: 1,
      iscoCode: kitchen.iscoCode,
      availableActions: ['publish', 'close'],
      ordinaryHoursPath: { possible: true, afterWeeks: 4, hoursPerWeek: 5 },
    });

    const published = ok(await employer.publishPlacement(draft.id)).publishPlacement;
    expect(published).toMatchObject({ status: 'PUBLISHED', version: 2 });
    expect(published.publishedAt).toEqual(expect.any(String));

    const own = ok(await employer.placements({ filter: { statuses: ['PUBLISHED'] } })).placements;
    expect(own.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([draft.id]);

    // The job centre accepts the partnership the company proposes; its consultant then sees the slot.
    const partnership = ok(
      await employer.proposePartnership({
        companyId: company.id,
        jobCentreId: centre.id,
        startsOn: '2030-01-01',
        slotsPerYear: 6,
      }),
    ).proposePartnership;
    const asConsultant = await anonymous.signIn(consultant.email, consultant.password);
    expect(ok(await asConsultant.placements()).placements.totalCount).toBe(0);
    ok(await asConsultant.changePartnershipStatus(partnership.id, 'ACTIVE'));

    const seen = ok(
      await asConsultant.placements({ filter: { municipalityCode: 101, types: ['INTERNSHIP'] } }),
    ).placements;
    expect(seen.totalCount).toBe(1);
    expect(seen.edges[0].node).toMatchObject({
      id: draft.id,
      title: 'Køkkenhjælper',
      company: { name: 'Køkkenet ApS' },
    });
    expect(ok(await asConsultant.placement(draft.id)).placement.mentor.name).toBe('Birgitte Holm');
    expect(ok(await asConsultant.company(company.id)).company.partnerships[0]).toMatchObject({
      status: 'ACTIVE',
      jobCentre: { name: 'Jobcenter København' },
    });

    // A job centre that was never in touch with the company cannot tell it exists. One whose
    // partnership ended may propose anew, which does not open the company to it; partner staff
    // never see the company's agreements with other job centres.
    const otherConsultant = await anonymous.signIn(outsider.email, outsider.password);
    const proposeFromOther = {
      companyId: company.id,
      jobCentreId: otherCentre.id,
      startsOn: '2030-01-01',
    };
    const unknown = failure(await otherConsultant.proposePartnership(proposeFromOther));
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'COMPANY_NOT_FOUND' });
    await aPartnership(t.dataSource, company.id, otherCentre.id, 'ended');
    const proposal = ok(
      await otherConsultant.run(
        `mutation($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id status company { name } } }`,
        { input: { companyId: company.id, jobCentreId: otherCentre.id, startsOn: '2030-01-01' } },
      ),
    ).proposePartnership;
    expect(proposal).toMatchObject({ status: 'PROPOSED', company: null });
    expect(failure(await otherConsultant.company(company.id)).extensions.code).toBe('NOT_FOUND');
    expect(
      ok(await asConsultant.company(company.id)).company.partnerships.map(
        (p: { jobCentreId: string }) => p.jobCentreId,
      ),
    ).toEqual([centre.id]);
    expect(ok(await employer.company(company.id)).company.partnerships).toHaveLength(3);

    // A consultant of a job centre without a partnership sees nothing of it.
    const asOutsider = await anonymous.signIn(outsider.email, outsider.password);
    expect(ok(await asOutsider.placements()).placements.totalCount).toBe(0);
    expect(failure(await asOutsider.placement(draft.id)).extensions.code).toBe('NOT_FOUND');

    // To another company's admin it does not exist; an anonymous caller is told to sign in.
    const rival = await anonymous.signIn(rivalUser.email, rivalUser.password);
    expect(
      failure(await rival.updatePlacement({ id: draft.id, title: 'Overtaget' })).extensions.code,
    ).toBe('NOT_FOUND');
    expect(failure(await rival.pausePlacement(draft.id)).extensions.code).toBe('NOT_FOUND');
    expect(
      failure(await rival.updateCompany({ id: company.id, name: 'Overtaget' })).extensions.code,
    ).toBe('NOT_FOUND');
    expect(failure(await rival.company(company.id)).extensions.code).toBe('NOT_FOUND');
    expect(failure(await anonymous.placements()).extensions.code).toBe('UNAUTHENTICATED');
    expect(failure(await anonymous.publishPlacement(draft.id)).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(ok(await employer.placement(draft.id)).placement).toMatchObject({
      title: 'Køkkenhjælper',
      status: 'PUBLISHED',
    });

    // A consultant reads but does not post slots.
    expect(failure(await asConsultant.pausePlacement(draft.id)).extensions.code).toBe('FORBIDDEN');
  });

  it('pages through placements with cursors, newest first', async () => {
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const employer = await anonymous.signIn(admin.email, admin.password);
    const company = ok(
      await employer.registerCompany({
        cvr: aValidCvr(),
        name: 'Sideskift A/S',
        ordinaryEmployees: 3,
      }),
    ).registerCompany;
    const occupation = await occupationByLabel(t.dataSource, 'warehouse worker');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = ok(
        await employer.createPlacement({
          companyId: company.id,
          type: 'INTERNSHIP',
          title: `Lager ${i}`,
          occupationId: occupation.id,
          weeklyHoursMin: 10,
          weeklyHoursMax: 20,
          startEarliest: '2030-01-01',
          durationWeeks: 4,
          capacity: 1,
        }),
      ).createPlacement;
      ids.unshift(created.id);
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = ok(
        await employer.placements({ first: 2, after, filter: { companyId: company.id } }),
      ).placements;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
    expect(failure(await employer.placements({ after: 'not-a-cursor' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'after' })],
    });
  });

  it('lets mentors read their company and refuses citizens', async () => {
    const citizen = await aUser().withRole(Role.Citizen).build(t.dataSource);
    const asCitizen = await anonymous.signIn(citizen.email, citizen.password);
    expect(failure(await asCitizen.placements()).extensions.code).toBe('FORBIDDEN');
  });
});
