import { Role } from '@jobbro/core';
import {
  aCitizenLogin,
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
 * Who may change a citizen's team (the rule is written in libs/citizen/src/citizen.access.ts):
 * joining the team opens the citizen's health and social data, so nobody adds themselves, only the
 * coordinating caseworker or consultant and an administrator of the citizen's job centre add or
 * remove others, every change carries a reason, and the citizen sees who added whom and why.
 */

type Caller =
  | 'coordinatingCaseworker'
  | 'coordinatingConsultant'
  | 'socialSupportConsultant'
  | 'consultantOffTeam'
  | 'caseworkerOffTeam'
  | 'administratorOffTeam'
  | 'administratorOnTeam'
  | 'otherCentreConsultant'
  | 'otherCentreAdministrator'
  | 'companyAdmin'
  | 'citizenSelf';

type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';

interface CallerSpec {
  role: Role;
  centre: 'own' | 'other' | null;
  /** The caller's role on the citizen's team, if on it. */
  onTeam: 'CASEWORKER' | 'CONSULTANT' | 'SOCIAL_SUPPORT' | null;
  /** Adding or removing someone else. */
  other: Outcome;
}

const CALLERS: Record<Caller, CallerSpec> = {
  coordinatingCaseworker: {
    role: Role.Caseworker,
    centre: 'own',
    onTeam: 'CASEWORKER',
    other: 'ok',
  },
  coordinatingConsultant: {
    role: Role.JobConsultant,
    centre: 'own',
    onTeam: 'CONSULTANT',
    other: 'ok',
  },
  socialSupportConsultant: {
    role: Role.JobConsultant,
    centre: 'own',
    onTeam: 'SOCIAL_SUPPORT',
    other: 'FORBIDDEN',
  },
  consultantOffTeam: { role: Role.JobConsultant, centre: 'own', onTeam: null, other: 'FORBIDDEN' },
  caseworkerOffTeam: { role: Role.Caseworker, centre: 'own', onTeam: null, other: 'FORBIDDEN' },
  administratorOffTeam: { role: Role.Administrator, centre: 'own', onTeam: null, other: 'ok' },
  administratorOnTeam: {
    role: Role.Administrator,
    centre: 'own',
    onTeam: 'SOCIAL_SUPPORT',
    other: 'ok',
  },
  otherCentreConsultant: {
    role: Role.JobConsultant,
    centre: 'other',
    onTeam: null,
    other: 'NOT_FOUND',
  },
  otherCentreAdministrator: {
    role: Role.Administrator,
    centre: 'other',
    onTeam: null,
    other: 'NOT_FOUND',
  },
  companyAdmin: { role: Role.CompanyAdmin, centre: null, onTeam: null, other: 'FORBIDDEN' },
  citizenSelf: { role: Role.Citizen, centre: null, onTeam: null, other: 'FORBIDDEN' },
};

/** Adding yourself is never allowed; removing yourself (leaving the team) only when on it. */
function expected(caller: Caller, target: 'self' | 'other', change: 'add' | 'remove'): Outcome {
  const spec = CALLERS[caller];
  if (spec.centre === 'other') return 'NOT_FOUND';
  if (target === 'other') return spec.other;
  if (change === 'add') return 'FORBIDDEN';
  return spec.onTeam ? 'ok' : 'FORBIDDEN';
}

const outcome = (res: GraphqlResponse): string =>
  res.errors?.length ? (res.errors[0].extensions.code ?? 'no code') : 'ok';

describe('who may change a citizen’s team', () => {
  let t: TestApp;
  let anonymous: Api;
  let centreId: string;
  let creator: Api;
  const callers = {} as Record<Caller, { id: string; api: Api }>;
  let target: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp();
    anonymous = new Api(t.http);
    const centre = await aJobCentre(t.dataSource);
    const otherCentre = await aJobCentre(t.dataSource);
    centreId = centre.id;
    for (const [caller, spec] of Object.entries(CALLERS) as [Caller, CallerSpec][]) {
      if (caller === 'citizenSelf') continue;
      const builder = aUser().withRole(spec.role).named(caller);
      if (spec.centre) builder.inJobCentre(spec.centre === 'own' ? centre.id : otherCentre.id);
      const user = await builder.build(t.dataSource);
      callers[caller] = { id: user.id, api: await anonymous.signIn(user.email, user.password) };
    }
    const admin = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    creator = await anonymous.signIn(admin.email, admin.password);
    const targetUser = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(centre.id)
      .named('Tina Target')
      .build(t.dataSource);
    target = { id: targetUser.id, name: 'Tina Target' };
  });
  afterAll(() => t.close());

  /** A fresh citizen whose team is every on-team caller (and the target, when it is to be removed). */
  async function aCitizenWithTeam(targetOnTeam: boolean): Promise<string> {
    const citizenId = ok(
      await creator.createCitizen({ firstName: 'Ida', lastName: 'Lund', postalCode: '2400' }),
    ).createCitizen.id as string;
    const members = (Object.entries(CALLERS) as [Caller, CallerSpec][])
      .filter(([, spec]) => spec.onTeam)
      .map(([caller, spec]) => [callers[caller].id, spec.onTeam!.toLowerCase()]);
    if (targetOnTeam) members.push([target.id, 'social_support']);
    for (const [userId, role] of members) {
      await t.dataSource.query(
        `INSERT INTO citizen_assignment (citizen_id, user_id, role) VALUES ($1, $2, $3)`,
        [citizenId, userId, role],
      );
    }
    const self = await aCitizenLogin(t.dataSource, citizenId);
    callers.citizenSelf = {
      id: self.id,
      api: await anonymous.signIn(self.email, self.password),
    };
    return citizenId;
  }

  const team = async (citizenId: string): Promise<{ userId: string; role: string }[]> =>
    t.dataSource.query(
      `SELECT user_id AS "userId", role::text FROM citizen_assignment WHERE citizen_id = $1`,
      [citizenId],
    );

  const cases = (Object.keys(CALLERS) as Caller[]).flatMap((caller) =>
    (['other', 'self'] as const).flatMap((who) =>
      (['add', 'remove'] as const).map(
        (change) => [caller, CALLERS[caller].onTeam ?? 'off team', who, change] as const,
      ),
    ),
  );

  it.each(cases)('%s (%s) may %s: %s', async (caller, _onTeam, who, change) => {
    const citizenId = await aCitizenWithTeam(who === 'other' && change === 'remove');
    const me = callers[caller];
    const subject =
      who === 'self'
        ? { userId: me.id, role: CALLERS[caller].onTeam ?? 'SOCIAL_SUPPORT' }
        : { userId: target.id, role: 'SOCIAL_SUPPORT' };
    const before = await team(citizenId);
    const input = { citizenId, ...subject, reason: 'Skal følge borgeren i praktikken' };
    const res =
      change === 'add' ? await me.api.addTeamMember(input) : await me.api.removeTeamMember(input);
    const want = expected(caller, who, change);
    expect(outcome(res)).toBe(want);

    const after = await team(citizenId);
    const present = after.some(
      (a) => a.userId === subject.userId && a.role === subject.role.toLowerCase(),
    );
    if (want === 'ok') {
      expect(present).toBe(change === 'add');
    } else {
      expect(after.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
        before.sort((a, b) => a.userId.localeCompare(b.userId)),
      );
      // Refused by the policy (not by the role check, which never reaches a citizen): on record.
      if (caller !== 'companyAdmin' && caller !== 'citizenSelf') {
        expect(await auditRows(t.dataSource, citizenId)).toContainEqual({
          userId: me.id,
          action: 'update',
          operation: change === 'add' ? 'addTeamMember' : 'removeTeamMember',
          allowed: false,
        });
      }
    }
  });

  it('an administrator off the team cannot open the health data by adding themself', async () => {
    const citizenId = await aCitizenWithTeam(false);
    ok(
      await callers.coordinatingCaseworker.api.updateNeeds({
        citizenId,
        accommodations: [],
        functionalLimits: 'Kan ikke løfte over 5 kg',
      }),
    );
    const admin = callers.administratorOffTeam;
    const read = (): Promise<GraphqlResponse> =>
      admin.api.run(`query($id: ID!) { citizen(id: $id) { needs { functionalLimits } } }`, {
        id: citizenId,
      });
    expect(failure(await read()).extensions.code).toBe('FORBIDDEN');
    const self = await admin.api.addTeamMember({
      citizenId,
      userId: admin.id,
      role: 'CASEWORKER',
      reason: 'Jeg har brug for at se det',
    });
    expect(failure(self).extensions.code).toBe('FORBIDDEN');
    const again = await read();
    expect(failure(again).extensions.code).toBe('FORBIDDEN');
    expect(JSON.stringify(again.data)).not.toContain('løfte');
  });

  it.each([
    ['missing', undefined, 'BAD_USER_INPUT'],
    ['empty', '', 'BAD_USER_INPUT'],
    ['only spaces', '   ', 'BAD_USER_INPUT'],
    ['too long', 'x'.repeat(501), 'BAD_USER_INPUT'],
  ])('a team change needs a reason (%s)', async (_what, reason, code) => {
    const citizenId = await aCitizenWithTeam(true);
    const input = { citizenId, userId: target.id, role: 'CONSULTANT', reason };
    const added = await callers.coordinatingCaseworker.api.addTeamMember(input);
    expect(added.status).not.toBe(500);
    expect(failure(added).extensions.code).toBe(code);
    const removed = await callers.coordinatingCaseworker.api.removeTeamMember({
      ...input,
      role: 'SOCIAL_SUPPORT',
    });
    expect(failure(removed).extensions.code).toBe(code);
    expect(await team(citizenId)).toContainEqual({ userId: target.id, role: 'social_support' });
    expect(await team(citizenId)).not.toContainEqual({ userId: target.id, role: 'consultant' });
  });

  it('removing someone who is not on the team is a clear input error and logs no team change', async () => {
    const citizenId = await aCitizenWithTeam(false);
    const res = await callers.coordinatingCaseworker.api.removeTeamMember({
      citizenId,
      userId: target.id,
      role: 'CONSULTANT',
      reason: 'Oprydning',
    });
    expect(failure(res).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TEAM_MEMBER_NOT_ON_TEAM',
    });
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM citizen_team_change WHERE citizen_id = $1`,
      [citizenId],
    );
    expect(n).toBe(0);
  });

  it('the citizen sees in their access log who added or removed whom, when and why', async () => {
    const citizenId = await aCitizenWithTeam(false);
    const admin = callers.administratorOffTeam;
    ok(
      await admin.api.addTeamMember({
        citizenId,
        userId: target.id,
        role: 'CONSULTANT',
        reason: '  Ny virksomhedskonsulent efter omrokering  ',
      }),
    );
    ok(
      await callers.coordinatingCaseworker.api.removeTeamMember({
        citizenId,
        userId: target.id,
        role: 'CONSULTANT',
        reason: 'Forløbet er overdraget',
      }),
    );
    // A refused attempt shows as refused, without a reason of its own.
    await callers.consultantOffTeam.api.addTeamMember({
      citizenId,
      userId: callers.consultantOffTeam.id,
      role: 'CONSULTANT',
      reason: 'Vil gerne se helbredsoplysninger',
    });
    const log = ok(await callers.citizenSelf.api.myAccessLog()).myAccessLog as {
      operation: string;
      allowed: boolean;
      userName: string | null;
      teamMember: string | null;
      teamRole: string | null;
      reason: string | null;
      occurredAt: string;
    }[];
    const changes = log.filter((e) => e.operation.endsWith('TeamMember'));
    expect(changes).toEqual([
      expect.objectContaining({
        operation: 'addTeamMember',
        allowed: false,
        userName: 'consultantOffTeam',
        reason: null,
      }),
      expect.objectContaining({
        operation: 'removeTeamMember',
        allowed: true,
        userName: 'coordinatingCaseworker',
        teamMember: 'Tina Target',
        teamRole: 'CONSULTANT',
        reason: 'Forløbet er overdraget',
      }),
      expect.objectContaining({
        operation: 'addTeamMember',
        allowed: true,
        userName: 'administratorOffTeam',
        teamMember: 'Tina Target',
        teamRole: 'CONSULTANT',
        reason: 'Ny virksomhedskonsulent efter omrokering',
      }),
    ]);
    expect(Number.isNaN(Date.parse(changes[2].occurredAt))).toBe(false);
    expect(centreId).toBeDefined();
  });
});
