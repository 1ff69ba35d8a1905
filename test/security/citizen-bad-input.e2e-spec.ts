import { Role, todayInDenmark } from '@jobbro/core';
import {
  aCitizenLogin,
  aJobCentre,
  Api,
  aUser,
  createTestApp,
  failure,
  ok,
  type GraphqlResponse,
  type TestApp,
} from '@jobbro/testing';

/**
 * Legitimate actions and ordinary client mistakes on the citizen side never end in
 * INTERNAL_SERVER_ERROR: they work, or get a clear domain error naming what is wrong.
 */
describe('citizen operations on awkward input', () => {
  let t: TestApp;
  let consultant: Api;

  beforeAll(async () => {
    t = await createTestApp();
    const centre = await aJobCentre(t.dataSource);
    const u = await aUser().withRole(Role.JobConsultant).inJobCentre(centre.id).build(t.dataSource);
    consultant = await new Api(t.http).signIn(u.email, u.password);
  });
  afterAll(() => t.close());

  const newCitizen = async (targetGroup?: string): Promise<string> =>
    ok(
      await consultant.createCitizen({
        firstName: 'Ida',
        lastName: 'Lund',
        postalCode: '2400',
        targetGroup,
      }),
    ).createCitizen.id as string;

  const periods = async (citizenId: string): Promise<unknown> =>
    (ok(await consultant.citizen(citizenId)).citizen as { targetGroups: unknown[] }).targetGroups;

  const clean = (res: GraphqlResponse, code: string, reason?: string): void => {
    expect(res.status).not.toBe(500);
    const error = failure(res);
    expect(error.extensions.code).toBe(code);
    if (reason) expect(error.extensions.reason).toBe(reason);
  };

  describe('setTargetGroup', () => {
    it('a new group from the day the current one started replaces it', async () => {
      const id = await newCitizen('kontanthjaelp_aktivitetsparat');
      const today = todayInDenmark();
      const res = await consultant.setTargetGroup({
        citizenId: id,
        targetGroup: 'kontanthjaelp_jobparat',
        validFrom: today,
      });
      expect(res.errors).toBeUndefined();
      expect(await periods(id)).toEqual([
        expect.objectContaining({
          targetGroup: 'kontanthjaelp_jobparat',
          validFrom: today,
          validTo: null,
        }),
      ]);
    });

    it('a later start ends the current period the day before', async () => {
      const id = await newCitizen();
      ok(
        await consultant.setTargetGroup({
          citizenId: id,
          targetGroup: 'dagpenge',
          validFrom: '2026-03-01',
        }),
      );
      ok(
        await consultant.setTargetGroup({
          citizenId: id,
          targetGroup: 'sygedagpenge',
          validFrom: '2026-06-01',
        }),
      );
      expect(await periods(id)).toEqual([
        expect.objectContaining({
          targetGroup: 'sygedagpenge',
          validFrom: '2026-06-01',
          validTo: null,
        }),
        expect.objectContaining({
          targetGroup: 'dagpenge',
          validFrom: '2026-03-01',
          validTo: '2026-05-31',
        }),
      ]);
    });

    it('a start before the current period is a clear domain error', async () => {
      const id = await newCitizen();
      ok(
        await consultant.setTargetGroup({
          citizenId: id,
          targetGroup: 'dagpenge',
          validFrom: '2026-03-01',
        }),
      );
      const res = await consultant.setTargetGroup({
        citizenId: id,
        targetGroup: 'sygedagpenge',
        validFrom: '2026-01-01',
      });
      clean(res, 'BAD_USER_INPUT', 'TARGET_GROUP_BEFORE_CURRENT');
      expect(failure(res).message).toContain('1. marts 2026');
    });

    it('two at once for the same citizen both end well', async () => {
      const id = await newCitizen();
      const results = await Promise.all(
        ['dagpenge', 'sygedagpenge', 'jobafklaring'].map((targetGroup) =>
          consultant.setTargetGroup({ citizenId: id, targetGroup, validFrom: '2026-04-01' }),
        ),
      );
      for (const res of results) expect(res.errors).toBeUndefined();
      expect(await periods(id)).toHaveLength(1);
    });
  });

  it.each([
    [
      'createCitizen',
      'firstName',
      (api: Api) => api.createCitizen({ firstName: '   ', lastName: 'Lund', postalCode: '2400' }),
    ],
    [
      'createCitizen',
      'lastName',
      (api: Api) =>
        api.createCitizen({ firstName: 'Ida', lastName: '\u00a0\t', postalCode: '2400' }),
    ],
    [
      'createCitizen',
      'phone',
      (api: Api) =>
        api.createCitizen({
          firstName: 'Ida',
          lastName: 'Lund',
          postalCode: '2400',
          phone: `+${'1'.repeat(30)}`,
        }),
    ],
  ])(
    '%s with a blank or overlong %s is BAD_USER_INPUT naming the field',
    async (_op, field, run) => {
      const res = await run(consultant);
      clean(res, 'BAD_USER_INPUT');
      expect(failure(res).extensions.fields?.map((f) => f.field)).toContain(field);
    },
  );

  it('blank text in goals, plans, meetings and consents is refused, not stored empty', async () => {
    const citizenId = await newCitizen();
    const goal = ok(await consultant.addJobGoal({ citizenId, ownWords: 'Køkken' })).addJobGoal
      .id as string;
    const attempts: [string, Promise<GraphqlResponse>][] = [
      ['ownWords', consultant.addJobGoal({ citizenId, ownWords: '  ' })],
      ['ownWords', consultant.updateJobGoal({ id: goal, ownWords: ' \n ' })],
      [
        'milestones.0.title',
        consultant.updatePlan({ citizenId, expectedVersion: 0, milestones: [{ title: '  ' }] }),
      ],
      [
        'participants.0.name',
        consultant.recordMeeting({
          citizenId,
          kind: 'FOLLOW_UP',
          heldOn: '2026-11-02',
          participants: [{ name: '  ', role: 'CITIZEN' }],
        }),
      ],
      [
        'purpose',
        consultant.run(
          `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
          {
            input: {
              citizenId,
              companyId: '00000000-0000-4000-8000-000000000000',
              scopes: ['PLAN'],
              purpose: '   ',
            },
          },
        ),
      ],
    ];
    for (const [field, attempt] of attempts) {
      const res = await attempt;
      clean(res, 'BAD_USER_INPUT');
      expect(failure(res).extensions.fields?.map((f) => f.field)).toContain(field);
    }
  });

  it('unknown codes are named by field, never echoed back in the message', async () => {
    const citizenId = await newCitizen();
    const hostile = "x' OR '1'='1\u200b";
    const attempts: [string, string, Promise<GraphqlResponse>][] = [
      [
        'targetGroup',
        'UNKNOWN_TARGET_GROUP',
        consultant.setTargetGroup({ citizenId, targetGroup: hostile, validFrom: '2027-01-01' }),
      ],
      [
        'targetGroup',
        'UNKNOWN_TARGET_GROUP',
        consultant.createCitizen({
          firstName: 'Ida',
          lastName: 'Lund',
          postalCode: '2400',
          targetGroup: hostile,
        }),
      ],
      [
        'dimension',
        'UNKNOWN_DIMENSION',
        consultant.recordAssessment({
          citizenId,
          dimension: hostile,
          score: 3,
          assessedOn: '2026-11-01',
        }),
      ],
      [
        'postalCode',
        'UNKNOWN_POSTAL_CODE',
        consultant.createCitizen({ firstName: 'Ida', lastName: 'Lund', postalCode: '0001' }),
      ],
    ];
    for (const [field, reason, attempt] of attempts) {
      const res = await attempt;
      clean(res, 'BAD_USER_INPUT', reason);
      expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual([field]);
      expect(JSON.stringify(res)).not.toMatch(/OR '1'|0001/);
    }
  });

  it('myAccessLog refuses a count outside 1-500 instead of quietly clamping it', async () => {
    const login = await aCitizenLogin(t.dataSource, await newCitizen());
    const citizen = await new Api(t.http).signIn(login.email, login.password);
    for (const first of [0, -5, 501]) {
      const res = await citizen.run(`query($n: Int!) { myAccessLog(first: $n) { operation } }`, {
        n: first,
      });
      clean(res, 'BAD_USER_INPUT');
      expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual(['first']);
    }
    ok(await citizen.run(`{ myAccessLog(first: 500) { operation } }`));
  });

  it('a plan item id that is not in this plan (or given twice) is refused', async () => {
    const citizenId = await newCitizen();
    const plan = ok(
      await consultant.updatePlan({
        citizenId,
        expectedVersion: 0,
        milestones: [{ title: 'Praktik' }],
        activities: [{ title: 'Kursus' }],
      }),
    ).updatePlan as { milestones: { id: string }[]; activities: { id: string }[] };
    const kept = plan.milestones[0].id;
    for (const [field, input] of [
      [
        'milestones.0.id',
        { milestones: [{ id: '00000000-0000-0000-0000-000000000000', title: 'X' }] },
      ],
      ['activities.0.id', { activities: [{ id: kept, title: 'Et andet punkts id' }] }],
      [
        'milestones.1.id',
        {
          milestones: [
            { id: kept, title: 'A' },
            { id: kept, title: 'B' },
          ],
        },
      ],
    ] as const) {
      const res = await consultant.updatePlan({ citizenId, expectedVersion: 1, ...input });
      clean(res, 'BAD_USER_INPUT', 'PLAN_ITEM_UNKNOWN');
      expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual([field]);
    }
    // Keeping an item by its id still works.
    const kept2 = ok(
      await consultant.updatePlan({
        citizenId,
        expectedVersion: 1,
        milestones: [{ id: kept, title: 'Praktik i køkken' }],
      }),
    ).updatePlan as { milestones: { id: string; title: string }[] };
    expect(kept2.milestones).toEqual([
      expect.objectContaining({ id: kept, title: 'Praktik i køkken' }),
    ]);
  });

  it('a follow-up date before the meeting is a clear domain error', async () => {
    const citizenId = await newCitizen();
    const res = await consultant.recordMeeting({
      citizenId,
      kind: 'FOLLOW_UP',
      heldOn: '2026-11-10',
      participants: [{ name: 'Ida Lund', role: 'CITIZEN' }],
      nextFollowUpOn: '2026-11-01',
    });
    clean(res, 'BAD_USER_INPUT', 'FOLLOW_UP_BEFORE_MEETING');
    expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual(['nextFollowUpOn']);
  });
});
