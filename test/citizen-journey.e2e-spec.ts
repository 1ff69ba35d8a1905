import { Role } from '@jobbro/core';
import {
  aCitizenLogin,
  aJobCentre,
  Api,
  auditRows,
  aUser,
  createTestApp,
  failure,
  occupationByLabel,
  ok,
  pdfText,
  type TestApp,
} from '@jobbro/testing';

/** The citizen side: a consultant builds the case with the citizen, who then sees exactly their own. */
describe('the citizen side', () => {
  let t: TestApp;
  let anonymous: Api;
  let consultant: Api;
  let caseworker: Api;
  let caseworkerId: string;
  let centreId: string;

  beforeAll(async () => {
    t = await createTestApp();
    anonymous = new Api(t.http);
    const centre = await aJobCentre(t.dataSource, { name: 'Jobcenter København' });
    centreId = centre.id;
    const c = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .named('Mette Sørensen')
      .build(t.dataSource);
    const w = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(centre.id)
      .named('Jonas Bech')
      .build(t.dataSource);
    caseworkerId = w.id;
    consultant = await anonymous.signIn(c.email, c.password);
    caseworker = await anonymous.signIn(w.email, w.password);
  });
  afterAll(() => t.close());

  async function newCitizen(): Promise<{ id: string; version: number }> {
    return ok(
      await consultant.createCitizen({
        firstName: 'Ahmad',
        lastName: 'Karimi',
        postalCode: '2400',
        cpr: '010185-1234',
        targetGroup: 'kontanthjaelp_aktivitetsparat',
      }),
    ).createCitizen;
  }

  it('builds a case: goal in the citizen’s words, start meeting, plan, two views of an assessment; the citizen sees their own', async () => {
    const created = ok(
      await consultant.createCitizen({
        firstName: 'Ahmad',
        lastName: 'Karimi',
        email: 'ahmad@example.dk',
        postalCode: '2400',
        cpr: '010185-1234',
        targetGroup: 'kontanthjaelp_aktivitetsparat',
      }),
    ).createCitizen;
    expect(created).toMatchObject({ birthDate: '1985-01-01', hasCpr: true, municipalityCode: 101 });
    expect(JSON.stringify(created)).not.toContain('1234');
    expect(created.team).toEqual([
      expect.objectContaining({ displayName: 'Mette Sørensen', role: 'CONSULTANT' }),
    ]);
    expect(created.targetGroups[0]).toMatchObject({
      targetGroup: 'kontanthjaelp_aktivitetsparat',
      validTo: null,
    });

    ok(
      await consultant.addTeamMember({
        citizenId: created.id,
        userId: caseworkerId,
        role: 'CASEWORKER',
        reason: 'Koordinerende sagsbehandler',
      }),
    );

    const cook = await occupationByLabel(t.dataSource, 'cook');
    const goal = ok(
      await consultant.addJobGoal({
        citizenId: created.id,
        ownWords: 'Jeg vil gerne tilbage i et køkken, men ikke med tunge løft',
        occupationIds: [cook.id],
        hoursNow: 10,
        hoursLater: 25,
        maxCommuteKm: 15,
      }),
    ).addJobGoal;
    expect(goal).toMatchObject({
      ownWords: 'Jeg vil gerne tilbage i et køkken, men ikke med tunge løft',
      hoursNow: 10,
    });

    const meeting = ok(
      await consultant.recordMeeting({
        citizenId: created.id,
        kind: 'START',
        heldOn: '2026-11-20',
        participants: [
          { name: 'Ahmad Karimi', role: 'CITIZEN' },
          { name: 'Jonas Bech', role: 'CASEWORKER' },
        ],
        notes: 'Ahmad fortalte om sin ryg',
        decisions: 'Praktik i et køkken med skånehensyn',
        nextFollowUpOn: '2026-11-24',
      }),
    ).recordMeeting;
    expect(meeting.warnings).toEqual([
      'Et opstartsmøde bør have social støtte/CTI-medarbejder, virksomhedskonsulent med.',
    ]);

    const plan = ok(
      await consultant.updatePlan({
        citizenId: created.id,
        expectedVersion: 0,
        longTermGoal: 'Ordinært job som kok på 25 timer om ugen',
        milestones: [
          { title: 'Praktik i et køkken, 10 timer om ugen', deadline: '2027-01-15' },
          { title: 'Fem ordinære timer om ugen', deadline: '2027-03-01' },
        ],
        activities: [{ title: 'Hygiejnekursus', startsOn: '2026-12-01', responsible: 'Mette' }],
      }),
    ).updatePlan;
    expect(plan).toMatchObject({
      version: 1,
      revisions: [{ version: 1, changedFields: ['longTermGoal', 'milestones', 'activities'] }],
    });
    expect(plan.milestones.map((m: { status: string }) => m.status)).toEqual(['OPEN', 'OPEN']);

    ok(
      await consultant.recordAssessment({
        citizenId: created.id,
        dimension: 'belief_in_job',
        score: 4,
        assessedOn: '2026-11-20',
      }),
    );
    ok(
      await caseworker.updateNeeds({
        citizenId: created.id,
        accommodations: ['NO_HEAVY_LIFTING'],
        functionalLimits: 'Diskusprolaps; højst 5 kg',
      }),
    );

    // The citizen signs in, scores themself, and sees their own plan and who looked at their data.
    const citizenUser = await aCitizenLogin(t.dataSource, created.id);
    const me = await anonymous.signIn(citizenUser.email, citizenUser.password);
    ok(
      await me.recordAssessment({
        citizenId: created.id,
        dimension: 'belief_in_job',
        score: 7,
        assessedOn: '2026-11-20',
      }),
    );

    const profile = ok(await me.myProfile()).myProfile;
    expect(profile).toMatchObject({
      id: created.id,
      firstName: 'Ahmad',
      specialCategoryHidden: false,
    });
    expect(profile.jobGoals[0].ownWords).toBe(
      'Jeg vil gerne tilbage i et køkken, men ikke med tunge løft',
    );
    expect(profile.needs).toMatchObject({
      accommodations: ['NO_HEAVY_LIFTING'],
      functionalLimits: 'Diskusprolaps; højst 5 kg',
    });
    expect(profile.team.map((m: { role: string }) => m.role).sort()).toEqual([
      'CASEWORKER',
      'CONSULTANT',
    ]);
    expect(
      profile.assessments.map((a: { assessorRole: string; score: number }) => [
        a.assessorRole,
        a.score,
      ]),
    ).toEqual([
      ['CITIZEN', 7],
      ['CONSULTANT', 4],
    ]);
    expect(ok(await me.myPlan()).myPlan).toMatchObject({
      longTermGoal: 'Ordinært job som kok på 25 timer om ugen',
      version: 1,
    });

    const log = ok(await me.myAccessLog()).myAccessLog as {
      operation: string;
      userRole: string;
      allowed: boolean;
    }[];
    expect(log.map((e) => e.operation)).toEqual(
      expect.arrayContaining(['createCitizen', 'addJobGoal', 'updatePlan', 'recordMeeting']),
    );
    expect(log.find((e) => e.operation === 'updateNeeds')).toMatchObject({
      userRole: 'caseworker',
      allowed: true,
    });

    // The plan as a PDF to take home: the goal in the citizen's words and the milestones.
    const res = await t
      .http()
      .get('/me/plan.pdf')
      .set('authorization', `Bearer ${me.token}`)
      .buffer(true)
      .parse(binary as never);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.body as Buffer);
    expect(text).toContain('Min plan');
    expect(text).toContain('Jeg vil gerne tilbage i et køkken, men ikke med tunge løft');
    expect(text).toContain('Praktik i et køkken, 10 timer om ugen');
    expect(text).toContain('Ordinært job som kok på 25 timer om ugen');
    expect(text).not.toContain('Diskusprolaps');

    // The consultant's follow-up list shows the overdue follow-up.
    const due = ok(await consultant.followUpsDue()).followUpsDue;
    expect(due).toEqual([
      expect.objectContaining({
        dueOn: '2026-11-24',
        citizen: expect.objectContaining({ id: created.id }),
      }),
    ]);
  });

  it('lets only one of two plan editors with the same version win; the other gets CONFLICT and nothing is lost', async () => {
    const citizen = await newCitizen();
    ok(
      await consultant.updatePlan({
        citizenId: citizen.id,
        expectedVersion: 0,
        longTermGoal: 'Første udkast',
      }),
    );
    const [a, b] = await Promise.all([
      consultant.updatePlan({
        citizenId: citizen.id,
        expectedVersion: 1,
        longTermGoal: 'Konsulentens version',
      }),
      caseworker.updatePlan({
        citizenId: citizen.id,
        expectedVersion: 1,
        longTermGoal: 'Sagsbehandlerens version',
      }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PLAN_VERSION_CONFLICT',
    });
    const winner = results.find((r) => !r.errors)!.data!.updatePlan as {
      longTermGoal: string;
      version: number;
    };
    const stored = ok(await consultant.citizen(citizen.id)).citizen.plan;
    expect(stored).toMatchObject({ version: 2, longTermGoal: winner.longTermGoal });
    expect(stored.revisions.map((r: { version: number }) => r.version)).toEqual([2, 1]);
  });

  it('refuses other job centres, unassigned special-category reads, companies and other citizens, and audits every attempt', async () => {
    const citizen = await newCitizen();
    ok(
      await consultant.updateNeeds({
        citizenId: citizen.id,
        accommodations: ['QUIET_WORKSPACE'],
        supportNeeds: 'Angst i store grupper',
      }),
    );
    ok(
      await consultant.recordMeeting({
        citizenId: citizen.id,
        kind: 'FOLLOW_UP',
        heldOn: '2026-11-21',
        participants: [{ name: 'A', role: 'CITIZEN' }],
        notes: 'Har haft det svært',
      }),
    );

    const otherCentre = await aJobCentre(t.dataSource);
    const outsiderUser = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(otherCentre.id)
      .build(t.dataSource);
    const unassignedUser = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(centreId)
      .build(t.dataSource);
    const employerUser = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const otherCitizen = await newCitizen();
    const otherCitizenUser = await aCitizenLogin(t.dataSource, otherCitizen.id);

    const outsider = await anonymous.signIn(outsiderUser.email, outsiderUser.password);
    const unassigned = await anonymous.signIn(unassignedUser.email, unassignedUser.password);
    const employer = await anonymous.signIn(employerUser.email, employerUser.password);
    const wrongCitizen = await anonymous.signIn(otherCitizenUser.email, otherCitizenUser.password);

    for (const [who, api] of [
      [outsiderUser.id, outsider],
      [employerUser.id, employer],
      [otherCitizenUser.id, wrongCitizen],
    ] as const) {
      // None of them may know the citizen exists: the answer a random id gets.
      const res = await api.citizen(citizen.id);
      expect(failure(res).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'CITIZEN_NOT_FOUND',
      });
      expect(res.data?.citizen ?? null).toBeNull();
      expect(await auditRows(t.dataSource, citizen.id)).toContainEqual({
        userId: who,
        action: 'read',
        operation: 'citizen',
        allowed: false,
      });
    }

    // An unassigned caseworker of the same job centre sees the case, not the health and social notes.
    const basic = await unassigned.run(
      `query($id: ID!) { citizen(id: $id) { firstName specialCategoryHidden needs { accommodations } } }`,
      { id: citizen.id },
    );
    expect(ok(basic).citizen).toMatchObject({
      firstName: 'Ahmad',
      specialCategoryHidden: true,
      needs: { accommodations: ['QUIET_WORKSPACE'] },
    });
    const special = await unassigned.run(
      `query($id: ID!) { citizen(id: $id) { needs { supportNeeds } meetings { notes } } }`,
      { id: citizen.id },
    );
    expect(special.errors?.map((e) => [e.path?.join('.'), e.extensions.code]).sort()).toEqual([
      ['citizen.meetings.0.notes', 'FORBIDDEN'],
      ['citizen.needs.supportNeeds', 'FORBIDDEN'],
    ]);
    expect(JSON.stringify(special.data)).not.toContain('Angst');
    expect(JSON.stringify(special.data)).not.toContain('svært');
    expect(await auditRows(t.dataSource, citizen.id)).toContainEqual({
      userId: unassignedUser.id,
      action: 'read',
      operation: 'needs.supportNeeds',
      allowed: false,
    });
    expect(
      failure(await unassigned.updateNeeds({ citizenId: citizen.id, accommodations: [] }))
        .extensions.code,
    ).toBe('FORBIDDEN');

    // A consent opens exactly what was shared, never special-category data, and can be withdrawn.
    const [{ id: companyId }] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO company (cvr, name, ordinary_employees) VALUES ('10150817', 'Køkkenet ApS', 10) RETURNING id`,
    );
    await t.dataSource.query(`INSERT INTO company_admin (company_id, user_id) VALUES ($1, $2)`, [
      companyId,
      employerUser.id,
    ]);
    // Citizens share only with partners of their job centre.
    await t.dataSource.query(
      `INSERT INTO partnership (company_id, job_centre_id, status, starts_on, proposed_by_side)
       VALUES ($1, $2, 'active', current_date, 'company')`,
      [companyId, centreId],
    );
    const consent = ok(
      await consultant.grantConsent({
        citizenId: citizen.id,
        companyId,
        scopes: ['PROFILE', 'NEEDS'],
        purpose: 'Praktik i køkkenet',
      }),
    ).grantConsent;
    const shared = ok(
      await employer.run(
        `query($id: ID!) { citizen(id: $id) { firstName specialCategoryHidden needs { accommodations } jobGoals { id } meetings { id } team { userId } } }`,
        { id: citizen.id },
      ),
    ).citizen;
    expect(shared).toEqual({
      firstName: 'Ahmad',
      specialCategoryHidden: false,
      needs: { accommodations: ['QUIET_WORKSPACE'] },
      jobGoals: [],
      meetings: [],
      team: [],
    });
    const sharedSpecial = await employer.run(
      `query($id: ID!) { citizen(id: $id) { needs { supportNeeds } } }`,
      { id: citizen.id },
    );
    expect(failure(sharedSpecial)).toMatchObject({
      path: ['citizen', 'needs', 'supportNeeds'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(JSON.stringify(sharedSpecial)).not.toContain('Angst');
    expect(
      ok(await employer.sharedCitizens()).sharedCitizens.map((c: { id: string }) => c.id),
    ).toEqual([citizen.id]);
    ok(await consultant.withdrawConsent(consent.id));
    expect(failure(await employer.citizen(citizen.id)).extensions.code).toBe('NOT_FOUND');

    // Writes outside one's job centre are refused too (as if the citizen did not exist), and audited.
    expect(
      failure(
        await outsider.updatePlan({ citizenId: citizen.id, expectedVersion: 0, longTermGoal: 'x' }),
      ).extensions.code,
    ).toBe('NOT_FOUND');
    expect(await auditRows(t.dataSource, citizen.id)).toContainEqual({
      userId: outsiderUser.id,
      action: 'update',
      operation: 'updatePlan',
      allowed: false,
    });
  });

  it('writes exactly one audit row per read of one citizen', async () => {
    const citizen = await newCitizen();
    const before = (await auditRows(t.dataSource, citizen.id)).length;
    ok(await consultant.citizen(citizen.id));
    expect((await auditRows(t.dataSource, citizen.id)).length).toBe(before + 1);
  });

  it('refuses bad citizen input clearly', async () => {
    expect(
      failure(
        await consultant.createCitizen({
          firstName: 'A',
          lastName: 'B',
          postalCode: '2400',
          cpr: '320185-1234',
        }),
      ).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_CPR',
    });
    expect(
      failure(await consultant.createCitizen({ firstName: 'A', lastName: 'B', postalCode: '0001' }))
        .extensions.reason,
    ).toBe('UNKNOWN_POSTAL_CODE');
    expect(
      failure(
        await consultant.createCitizen({
          firstName: 'A',
          lastName: 'B',
          postalCode: '2400',
          targetGroup: 'ressourceforloeb',
        }),
      ).extensions.reason,
    ).toBe('TARGET_GROUP_NOT_IN_FORCE');
    const citizen = await newCitizen();
    expect(
      failure(
        await consultant.recordAssessment({
          citizenId: citizen.id,
          dimension: 'health',
          score: 6,
          assessedOn: '2026-11-20',
        }),
      ).extensions.reason,
    ).toBe('SCORE_OUT_OF_SCALE');
  });
});

function binary(
  res: NodeJS.ReadableStream,
  callback: (err: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
