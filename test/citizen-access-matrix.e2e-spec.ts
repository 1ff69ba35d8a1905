import { Role, ROLES_KEY } from '@jobbro/core';
import {
  aCitizenLogin,
  aCompany,
  aJobCentre,
  Api,
  auditRows,
  aUser,
  createTestApp,
  type GraphqlResponse,
  cancelMeeting,
  inviteCitizen,
  rescheduleMeeting,
  scheduleMeeting,
  setMyContactPreference,
  type TestApp,
} from '@jobbro/testing';
import { CitizenResolver } from '../libs/citizen/src/citizen.resolver';
import { CitizenInvitationResolver } from '../libs/citizen/src/invitations/citizen-invitation.resolver';
import { ScheduledMeetingResolver } from '../libs/citizen/src/meetings/scheduled-meeting.resolver';
import { MatchingResolver } from '../libs/matching/src/matching.resolver';

type Actor =
  | 'assignedConsultant'
  | 'unassignedCaseworker'
  | 'administrator'
  | 'otherCentreConsultant'
  | 'consentedCompanyAdmin'
  | 'consentedMentor'
  | 'otherCompanyAdmin'
  | 'citizenSelf'
  | 'otherCitizen'
  | 'anonymous';

type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

interface Context {
  citizenId: string;
  placementId: string;
  goalId: string;
  staffUserId: string;
  companyId: string;
  nextDate: () => string;
  planVersion: () => Promise<number>;
  newConsent: () => Promise<string>;
  /** Puts the staff member (back) on the team, so there is someone to remove. */
  staffOnTeam: () => Promise<void>;
  /** An open planned meeting of the citizen. */
  newMeeting: () => Promise<string>;
  /** A citizen of the same job centre without a login (to invite). */
  citizenWithoutLogin: () => Promise<string>;
  /** An instant `days` ahead. */
  ahead: (days: number) => string;
}

const ROLE_OF: Record<Actor, Role> = {
  assignedConsultant: Role.JobConsultant,
  unassignedCaseworker: Role.Caseworker,
  administrator: Role.Administrator,
  otherCentreConsultant: Role.JobConsultant,
  consentedCompanyAdmin: Role.CompanyAdmin,
  consentedMentor: Role.Mentor,
  otherCompanyAdmin: Role.CompanyAdmin,
  citizenSelf: Role.Citizen,
  otherCitizen: Role.Citizen,
  anonymous: Role.Citizen,
};

const ALL: Actor[] = [
  'assignedConsultant',
  'unassignedCaseworker',
  'administrator',
  'otherCentreConsultant',
  'consentedCompanyAdmin',
  'consentedMentor',
  'otherCompanyAdmin',
  'citizenSelf',
  'otherCitizen',
  'anonymous',
];

/**
 * Who may: the rest are refused. Anonymous callers get UNAUTHENTICATED; a caller who may not know the
 * citizen exists (STRANGERS) gets NOT_FOUND, as for an id that does not exist, once their role may
 * call the operation at all; everyone else FORBIDDEN.
 */
const SAME_CENTRE_STAFF: Actor[] = ['assignedConsultant', 'unassignedCaseworker', 'administrator'];
const ANY_STAFF: Actor[] = [...SAME_CENTRE_STAFF, 'otherCentreConsultant'];
const CITIZENS: Actor[] = ['citizenSelf', 'otherCitizen'];
/** Callers the citizen is a stranger to: another job centre, a company without consent, another citizen. */
const STRANGERS: Actor[] = ['otherCentreConsultant', 'otherCompanyAdmin', 'otherCitizen'];
/** Team changes: the coordinating consultant and an administrator, never the caseworker off the team. */
const TEAM_CHANGERS: Actor[] = ['assignedConsultant', 'administrator'];

const MATRIX: Record<
  string,
  { allowed: Actor[]; run: (api: Api, c: Context) => Promise<GraphqlResponse> }
> = {
  createCitizen: {
    allowed: ANY_STAFF,
    run: (api) => api.createCitizen({ firstName: 'Ny', lastName: 'Borger', postalCode: '2400' }),
  },
  updateCitizen: {
    allowed: SAME_CENTRE_STAFF,
    run: (api, c) => api.updateCitizen({ id: c.citizenId, phone: '+45 12345678' }),
  },
  setTargetGroup: {
    allowed: SAME_CENTRE_STAFF,
    run: (api, c) =>
      api.setTargetGroup({
        citizenId: c.citizenId,
        targetGroup: 'dagpenge',
        validFrom: c.nextDate(),
      }),
  },
  addTeamMember: {
    allowed: TEAM_CHANGERS,
    run: (api, c) =>
      api.addTeamMember({
        citizenId: c.citizenId,
        userId: c.staffUserId,
        role: 'SOCIAL_SUPPORT',
        reason: 'CTI-forløb',
      }),
  },
  removeTeamMember: {
    allowed: TEAM_CHANGERS,
    run: async (api, c) => {
      await c.staffOnTeam();
      return api.removeTeamMember({
        citizenId: c.citizenId,
        userId: c.staffUserId,
        role: 'SOCIAL_SUPPORT',
        reason: 'CTI-forløbet er slut',
      });
    },
  },
  citizen: {
    allowed: [...SAME_CENTRE_STAFF, 'consentedCompanyAdmin', 'consentedMentor', 'citizenSelf'],
    run: (api, c) =>
      api.run(`query($id: ID!) { citizen(id: $id) { id firstName } }`, { id: c.citizenId }),
  },
  citizens: { allowed: ANY_STAFF, run: (api) => api.citizens() },
  sharedCitizens: {
    allowed: ['consentedCompanyAdmin', 'consentedMentor', 'otherCompanyAdmin'],
    run: (api) => api.sharedCitizens(),
  },
  addJobGoal: {
    allowed: SAME_CENTRE_STAFF,
    run: (api, c) => api.addJobGoal({ citizenId: c.citizenId, ownWords: 'Arbejde med dyr' }),
  },
  updateJobGoal: {
    allowed: SAME_CENTRE_STAFF,
    run: (api, c) => api.updateJobGoal({ id: c.goalId, maxCommuteKm: 20 }),
  },
  updateNeeds: {
    allowed: ['assignedConsultant'],
    run: (api, c) =>
      api.updateNeeds({
        citizenId: c.citizenId,
        accommodations: ['SHORT_DAYS'],
        supportNeeds: 'Støtte',
      }),
  },
  recordAssessment: {
    allowed: [...SAME_CENTRE_STAFF, 'consentedMentor', 'citizenSelf'],
    run: (api, c) =>
      api.recordAssessment({
        citizenId: c.citizenId,
        dimension: 'job_search',
        score: 5,
        assessedOn: '2026-11-01',
      }),
  },
  updatePlan: {
    allowed: SAME_CENTRE_STAFF,
    run: async (api, c) =>
      api.updatePlan({
        citizenId: c.citizenId,
        expectedVersion: await c.planVersion(),
        longTermGoal: 'Job',
      }),
  },
  recordMeeting: {
    allowed: SAME_CENTRE_STAFF,
    run: (api, c) =>
      api.recordMeeting({
        citizenId: c.citizenId,
        kind: 'FOLLOW_UP',
        heldOn: '2026-11-02',
        participants: [{ name: 'A', role: 'CITIZEN' }],
      }),
  },
  followUpsDue: { allowed: ANY_STAFF, run: (api) => api.followUpsDue() },
  scheduleMeeting: {
    allowed: SAME_CENTRE_STAFF,
    run: (api, c) =>
      scheduleMeeting(api, {
        citizenId: c.citizenId,
        kind: 'STATUS',
        startsAt: c.ahead(3),
        endsAt: c.ahead(3.02),
        participantUserIds: [],
        includeCitizen: false,
      }),
  },
  rescheduleMeeting: {
    allowed: SAME_CENTRE_STAFF,
    run: async (api, c) =>
      rescheduleMeeting(api, {
        id: await c.newMeeting(),
        startsAt: c.ahead(4),
        endsAt: c.ahead(4.02),
      }),
  },
  cancelMeeting: {
    allowed: SAME_CENTRE_STAFF,
    run: async (api, c) => cancelMeeting(api, { id: await c.newMeeting() }),
  },
  inviteCitizen: {
    // The role check lets consultants and caseworkers through; the policy, only those coordinating
    // the citizen's team (the consultant who created the citizen is on it), never staff off it.
    allowed: ['assignedConsultant'],
    run: async (api, c) => inviteCitizen(api, { citizenId: await c.citizenWithoutLogin() }),
  },
  setMyContactPreference: {
    allowed: CITIZENS,
    run: (api) => setMyContactPreference(api, 'EMAIL'),
  },
  grantConsent: {
    allowed: [...SAME_CENTRE_STAFF, 'citizenSelf'],
    run: (api, c) =>
      api.grantConsent({
        citizenId: c.citizenId,
        companyId: c.companyId,
        scopes: ['PLAN'],
        purpose: 'Praktik',
      }),
  },
  withdrawConsent: {
    allowed: [...SAME_CENTRE_STAFF, 'citizenSelf'],
    run: async (api, c) => api.withdrawConsent(await c.newConsent()),
  },
  myProfile: { allowed: CITIZENS, run: (api) => api.run(`{ myProfile { id } }`) },
  myPlan: { allowed: CITIZENS, run: (api) => api.run(`{ myPlan { version } }`) },
  myAccessLog: { allowed: CITIZENS, run: (api) => api.run(`{ myAccessLog { operation } }`) },
  exportCitizenData: {
    allowed: ['administrator'],
    run: (api, c) => api.exportCitizenData(c.citizenId),
  },
  assessmentDimensions: {
    allowed: ALL.filter((a) => a !== 'anonymous'),
    run: (api) => api.run(`{ assessmentDimensions { code } }`),
  },
  targetGroups: { allowed: ANY_STAFF, run: (api) => api.run(`{ targetGroups { code } }`) },
  matchPlacementsForCitizen: {
    allowed: SAME_CENTRE_STAFF,
    run: (api, c) =>
      api.run(`query($id: ID!) { matchPlacementsForCitizen(citizenId: $id) { placementId } }`, {
        id: c.citizenId,
      }),
  },
  matchCitizensForPlacement: {
    allowed: SAME_CENTRE_STAFF,
    run: (api, c) =>
      api.run(`query($id: ID!) { matchCitizensForPlacement(placementId: $id) { citizenId } }`, {
        id: c.placementId,
      }),
  },
  explainMatch: {
    allowed: SAME_CENTRE_STAFF,
    run: (api, c) =>
      api.run(
        `query($c: ID!, $p: ID!) { explainMatch(citizenId: $c, placementId: $p) { eligible } }`,
        {
          c: c.citizenId,
          p: c.placementId,
        },
      ),
  },
};

/** Every resolver class whose operations touch citizen data. */
const CITIZEN_DATA_RESOLVERS = [
  CitizenResolver,
  MatchingResolver,
  ScheduledMeetingResolver,
  CitizenInvitationResolver,
];

/** Operations that never name one citizen: a refusal there has no citizen to audit. */
const NOT_ABOUT_ONE_CITIZEN = new Set([
  'matchCitizensForPlacement',
  'createCitizen',
  'citizens',
  'sharedCitizens',
  'followUpsDue',
  'myProfile',
  'myPlan',
  'myAccessLog',
  'setMyContactPreference',
  'assessmentDimensions',
  'targetGroups',
]);

/**
 * About one placement rather than one citizen: to staff of a job centre the slot's company is not
 * partnered with, the slot does not exist (libs/company's rule).
 */
const ABOUT_ONE_PLACEMENT = new Set(['matchCitizensForPlacement']);

function outcome(res: GraphqlResponse): string {
  if (!res.errors?.length) return 'ok';
  return ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'].includes(res.errors[0].extensions.code)
    ? res.errors[0].extensions.code
    : `unexpected: ${JSON.stringify(res.errors[0])}`;
}

/** The roles the resolver lets through to the service (the service then applies the policy). */
function rolesOf(operation: string): Role[] {
  const resolver = CITIZEN_DATA_RESOLVERS.find((r) => operation in r.prototype) ?? CitizenResolver;
  return Reflect.getMetadata(
    ROLES_KEY,
    (resolver.prototype as unknown as Record<string, object>)[operation],
  ) as Role[];
}

/** Every operation on citizen data x every kind of caller -> allowed or refused, as the policy says. */
describe('citizen access matrix', () => {
  let t: TestApp;
  const apis = {} as Record<Actor, Api>;
  const userIds = {} as Record<Actor, string>;
  let ctx: Context;

  beforeAll(async () => {
    t = await createTestApp();
    const anonymous = new Api(t.http);
    const centre = await aJobCentre(t.dataSource);
    const otherCentre = await aJobCentre(t.dataSource);
    const build = async (actor: Actor, role: Role, jobCentreId?: string): Promise<void> => {
      const b = aUser().withRole(role);
      if (jobCentreId) b.inJobCentre(jobCentreId);
      const user = await b.build(t.dataSource);
      userIds[actor] = user.id;
      apis[actor] = await anonymous.signIn(user.email, user.password);
    };
    await build('assignedConsultant', Role.JobConsultant, centre.id);
    await build('unassignedCaseworker', Role.Caseworker, centre.id);
    await build('administrator', Role.Administrator, centre.id);
    await build('otherCentreConsultant', Role.JobConsultant, otherCentre.id);
    await build('consentedCompanyAdmin', Role.CompanyAdmin);
    await build('consentedMentor', Role.Mentor);
    await build('otherCompanyAdmin', Role.CompanyAdmin);
    apis.anonymous = anonymous;

    const created = await apis.assignedConsultant.createCitizen({
      firstName: 'Sara',
      lastName: 'Holm',
      postalCode: '2400',
    });
    const citizenId = (created.data as { createCitizen: { id: string } }).createCitizen.id;
    const self = await aCitizenLogin(t.dataSource, citizenId);
    apis.citizenSelf = await anonymous.signIn(self.email, self.password);
    userIds.citizenSelf = self.id;
    const otherCitizen = await apis.assignedConsultant.createCitizen({
      firstName: 'Ole',
      lastName: 'Dam',
      postalCode: '2400',
    });
    const other = await aCitizenLogin(
      t.dataSource,
      (otherCitizen.data as { createCitizen: { id: string } }).createCitizen.id,
    );
    apis.otherCitizen = await anonymous.signIn(other.email, other.password);
    userIds.otherCitizen = other.id;

    const company = await aCompany(t.dataSource, userIds.consentedCompanyAdmin);
    await t.dataSource.query(`UPDATE mentor SET user_id = $1 WHERE id = $2`, [
      userIds.consentedMentor,
      company.mentorId,
    ]);
    await aCompany(t.dataSource, userIds.otherCompanyAdmin);
    await t.dataSource.query(
      `INSERT INTO consent (citizen_id, company_id, scopes, purpose) VALUES ($1, $2, '{profile,assessments}', 'Praktik')`,
      [citizenId, company.id],
    );
    const goal = await apis.assignedConsultant.addJobGoal({
      citizenId,
      ownWords: 'Arbejde i en have',
    });
    const staff = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    await t.dataSource.query(
      `INSERT INTO partnership (company_id, job_centre_id, status, starts_on, proposed_by_side) VALUES ($1, $2, 'active', current_date, 'company')`,
      [company.id, centre.id],
    );
    const [{ id: placementId }] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO placement (company_id, site_id, mentor_id, type, title, occupation_id, isco_code, tasks, weekly_hours_min,
         weekly_hours_max, start_earliest, duration_weeks, capacity, status)
       SELECT $1, $2, $3, 'internship', 'Havemedhjælper', id, isco_code, '{Lugning}', 8, 20, current_date, 8, 2, 'published'
         FROM occupation WHERE label = 'landscape gardener' RETURNING id`,
      [company.id, company.siteId, company.mentorId],
    );
    let day = 0;
    let invited = 0;
    ctx = {
      ahead: (days) => new Date(Date.now() + days * 86_400_000).toISOString(),
      newMeeting: async () =>
        (
          await t.dataSource.query<{ id: string }[]>(
            `INSERT INTO scheduled_meeting (citizen_id, kind, starts_at, ends_at)
             VALUES ($1, 'status', now() + interval '2 days', now() + interval '2 days 1 hour') RETURNING id`,
            [citizenId],
          )
        )[0].id,
      citizenWithoutLogin: async () =>
        (
          (
            await apis.assignedConsultant.createCitizen({
              firstName: 'Inviteret',
              lastName: 'Borger',
              email: `inviteret-${invited++}@test.jobbro.dk`,
              postalCode: '2400',
            })
          ).data as { createCitizen: { id: string } }
        ).createCitizen.id,
      citizenId,
      placementId,
      goalId: (goal.data as { addJobGoal: { id: string } }).addJobGoal.id,
      staffUserId: staff.id,
      companyId: company.id,
      nextDate: () => new Date(Date.UTC(2027, 0, 1 + day++)).toISOString().slice(0, 10),
      planVersion: async () =>
        (
          await t.dataSource.query<{ v: number }[]>(
            `SELECT coalesce(max(version), 0) AS v FROM plan WHERE citizen_id = $1`,
            [citizenId],
          )
        )[0].v,
      staffOnTeam: async () => {
        await t.dataSource.query(
          `INSERT INTO citizen_assignment (citizen_id, user_id, role) VALUES ($1, $2, 'social_support')
           ON CONFLICT DO NOTHING`,
          [citizenId, staff.id],
        );
      },
      newConsent: async () =>
        (
          await t.dataSource.query<{ id: string }[]>(
            `INSERT INTO consent (citizen_id, company_id, scopes, purpose) VALUES ($1, $2, '{plan}', 'Test') RETURNING id`,
            [citizenId, company.id],
          )
        )[0].id,
    };
  });
  afterAll(() => t.close());

  it('covers every query and mutation that touches citizen data', () => {
    const operations = CITIZEN_DATA_RESOLVERS.flatMap((resolver) => {
      const prototype = resolver.prototype as unknown as Record<string, object>;
      return Object.getOwnPropertyNames(prototype).filter((name) =>
        ['Query', 'Mutation'].includes(
          Reflect.getMetadata('graphql:resolver_type', prototype[name]) as string,
        ),
      );
    });
    // A new operation on citizen data must be added to MATRIX with who may use it.
    expect(operations.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const cases = Object.entries(MATRIX).flatMap(([operation, spec]) =>
    ALL.map((actor) => {
      const expected: Outcome = spec.allowed.includes(actor)
        ? 'ok'
        : actor === 'anonymous'
          ? 'UNAUTHENTICATED'
          : STRANGERS.includes(actor) &&
              (!NOT_ABOUT_ONE_CITIZEN.has(operation) || ABOUT_ONE_PLACEMENT.has(operation)) &&
              rolesOf(operation).includes(ROLE_OF[actor])
            ? 'NOT_FOUND'
            : 'FORBIDDEN';
      return [operation, actor, expected] as const;
    }),
  );

  it.each(cases)('%s by %s: %s', async (operation, actor, expected) => {
    const res = await MATRIX[operation].run(apis[actor], ctx);
    expect(outcome(res)).toBe(expected);
    if (
      (expected === 'FORBIDDEN' || expected === 'NOT_FOUND') &&
      !NOT_ABOUT_ONE_CITIZEN.has(operation)
    ) {
      // Refused by the policy (not already by the role check): the attempt is on record.
      if (rolesOf(operation).includes(ROLE_OF[actor])) {
        const rows = await auditRows(t.dataSource, ctx.citizenId);
        expect(rows.some((r) => r.userId === userIds[actor] && !r.allowed)).toBe(true);
      }
    }
  });
});
