import { Role } from '@jobbro/core';
import {
  aCitizenLogin,
  aDeadLetter,
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  type BuiltUser,
  occupationByLabel,
  ok,
  type TestApp,
} from '@jobbro/testing';

/** Who calls: one signed-in user per role of job centre A and company X, plus the other tenants. */
export type CallerKey =
  | 'administrator'
  | 'consultant'
  | 'caseworker'
  | 'companyAdmin'
  | 'mentor'
  | 'citizen'
  | 'anonymous';

type Company = Awaited<ReturnType<typeof aCompany>>;

/**
 * A demo-like world with two tenants on each side: job centres A and B (staff of every role in A,
 * a consultant in B), companies X (partner of A) and Y (partner of B), citizens of both centres
 * with goals, a plan, a meeting, needs and consents, published and draft slots on both sides.
 * Ids of A and X are "own"; ids of B and Y are "foreign" to A's staff and X's admin.
 */
export interface World {
  api: Record<CallerKey, Api>;
  users: Record<Exclude<CallerKey, 'anonymous'>, BuiltUser> & {
    consultantB: BuiltUser;
    adminY: BuiltUser;
    /** Only signs in through the fuzzed `login`, so lockouts there touch nobody else. */
    loginTarget: BuiltUser;
  };
  apiB: Api;
  apiY: Api;
  centreA: string;
  centreB: string;
  /** A job centre nobody partners with yet, for proposals. */
  centreC: string;
  companyX: Company;
  companyY: Company;
  occupationId: string;
  citizenA: string;
  citizenB: string;
  goalA: string;
  goalB: string;
  consentA: string;
  consentB: string;
  milestoneA: string;
  milestoneB: string;
  activityA: string;
  activityB: string;
  /** Planned meetings (scheduleMeeting) of citizens A and B, open. */
  meetingA: string;
  meetingB: string;
  partnershipXA: string;
  partnershipYB: string;
  /** A proposal from company X to job centre B: B's to answer, foreign to A. */
  partnershipXB: string;
  publishedX: string;
  draftX: string;
  publishedY: string;
  draftY: string;
  /** Slots of X each operation that changes a slot's status can use on its own. */
  slotsX: { toPublish: string; toPause: string; toClose: string; toUpdate: string };
  /** A refresh token per call: `refreshToken` and `logout` consume them. */
  freshRefreshToken: () => Promise<string>;
  /** A dead letter (undeliverable mail) of job centre B: foreign to A's administrator. */
  deadLetterB: string;
  /** A pending staff invitation of job centre B (sent by B's consultant): foreign to A. */
  invitationB: string;
  /** B's citizen proposed for Y's slot, waiting for Y's answer: foreign to A, X and citizen A. */
  proposalB: string;
  /** An employment recorded for citizen B. */
  employmentB: string;
}

const CPR_A = '010185-1234';
const CPR_B = '020286-2345';

async function citizenWithCase(
  api: Api,
  occupationId: string,
  companyId: string,
  cpr: string,
): Promise<{ id: string; goal: string; consent: string; milestone: string; activity: string }> {
  const citizen = ok(
    await api.createCitizen({
      firstName: 'Ahmad',
      lastName: 'Karimi',
      email: `borger-${cpr.slice(0, 6)}@example.dk`,
      postalCode: '2400',
      cpr,
      targetGroup: 'kontanthjaelp_aktivitetsparat',
    }),
  ).createCitizen as { id: string };
  const goal = ok(
    await api.addJobGoal({
      citizenId: citizen.id,
      ownWords: 'Tilbage i et køkken',
      occupationIds: [occupationId],
      hoursNow: 10,
      hoursLater: 25,
      maxCommuteKm: 15,
    }),
  ).addJobGoal as { id: string };
  ok(
    await api.updateNeeds({
      citizenId: citizen.id,
      accommodations: ['NO_HEAVY_LIFTING'],
      functionalLimits: 'Ondt i ryggen',
      supportNeeds: 'Støtte til struktur',
    }),
  );
  ok(
    await api.recordMeeting({
      citizenId: citizen.id,
      kind: 'START',
      heldOn: '2026-11-20',
      participants: [{ name: 'Ahmad Karimi', role: 'CITIZEN' }],
      notes: 'Opstart',
      nextFollowUpOn: '2026-11-24',
    }),
  );
  const plan = ok(
    await api.updatePlan({
      citizenId: citizen.id,
      expectedVersion: 0,
      longTermGoal: 'Ordinært job som kok',
      milestones: [{ title: 'Praktik', deadline: '2027-01-15' }],
      activities: [{ title: 'Hygiejnekursus', startsOn: '2026-12-01', responsible: 'Mette' }],
    }),
  ).updatePlan as { milestones: { id: string }[]; activities: { id: string }[] };
  const consent = ok(
    await api.grantConsent({
      citizenId: citizen.id,
      companyId,
      scopes: ['PROFILE', 'NEEDS'],
      purpose: 'Praktik i køkkenet',
    }),
  ).grantConsent as { id: string };
  return {
    id: citizen.id,
    goal: goal.id,
    consent: consent.id,
    milestone: plan.milestones[0].id,
    activity: plan.activities[0].id,
  };
}

/** An open planned meeting of the citizen, three days ahead, with its organiser invited. */
export async function plannedMeeting(
  ds: TestApp['dataSource'],
  citizenId: string,
  organizerId: string,
): Promise<string> {
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO scheduled_meeting (citizen_id, kind, starts_at, ends_at, location, organizer_user_id)
     VALUES ($1, 'follow_up', now() + interval '3 days', now() + interval '3 days 1 hour', 'Lokale 2', $2)
     RETURNING id`,
    [citizenId, organizerId],
  );
  await ds.query(
    `INSERT INTO scheduled_meeting_participant (meeting_id, user_id) VALUES ($1, $2)`,
    [row.id, organizerId],
  );
  return row.id;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const ds = t.dataSource;
  const anonymous = new Api(t.http);
  const centreA = await aJobCentre(ds, { name: 'Jobcenter A' });
  const centreB = await aJobCentre(ds, { name: 'Jobcenter B' });
  const centreC = await aJobCentre(ds, { name: 'Jobcenter C' });
  const staff = (role: Role, centre: string): Promise<BuiltUser> =>
    aUser().withRole(role).inJobCentre(centre).named(`Fuzz ${role}`).build(ds);
  const administrator = await staff(Role.Administrator, centreA.id);
  const consultant = await staff(Role.JobConsultant, centreA.id);
  const caseworker = await staff(Role.Caseworker, centreA.id);
  const consultantB = await staff(Role.JobConsultant, centreB.id);
  const loginTarget = await staff(Role.Caseworker, centreA.id);
  const companyAdmin = await aUser().withRole(Role.CompanyAdmin).build(ds);
  const adminY = await aUser().withRole(Role.CompanyAdmin).build(ds);
  const mentor = await aUser().withRole(Role.Mentor).build(ds);
  const companyX = await aCompany(ds, companyAdmin.id);
  const companyY = await aCompany(ds, adminY.id);
  await ds.query(`UPDATE mentor SET user_id = $2 WHERE id = $1`, [companyX.mentorId, mentor.id]);
  const partnershipXA = await aPartnership(ds, companyX.id, centreA.id, 'active');
  const partnershipYB = await aPartnership(ds, companyY.id, centreB.id, 'active');
  const partnershipXB = await aPartnership(ds, companyX.id, centreB.id, 'proposed');
  const occupation = await occupationByLabel(ds, 'cook');

  const signIn = (u: BuiltUser): Promise<Api> => anonymous.signIn(u.email, u.password);
  const apiConsultant = await signIn(consultant);
  const apiB = await signIn(consultantB);
  const apiX = await signIn(companyAdmin);
  const apiY = await signIn(adminY);

  const slot = (api: Api, company: Company, title: string): Promise<string> =>
    api.draftSlot(company, { title, occupationId: occupation.id });
  const publish = (api: Api, company: Company, title: string): Promise<string> =>
    api.publishSlot(company, { title, occupationId: occupation.id });
  const publishedX = await publish(apiX, companyX, 'Køkkenhjælp X');
  const draftX = await slot(apiX, companyX, 'Kladde X');
  const publishedY = await publish(apiY, companyY, 'Køkkenhjælp Y');
  const draftY = await slot(apiY, companyY, 'Kladde Y');
  const slotsX = {
    toPublish: await slot(apiX, companyX, 'Til udgivelse X'),
    toPause: await publish(apiX, companyX, 'Til pause X'),
    toClose: await publish(apiX, companyX, 'Til lukning X'),
    toUpdate: await slot(apiX, companyX, 'Til ændring X'),
  };

  const a = await citizenWithCase(apiConsultant, occupation.id, companyX.id, CPR_A);
  const b = await citizenWithCase(apiB, occupation.id, companyY.id, CPR_B);
  const citizenUser = await aCitizenLogin(ds, a.id);
  const meetingA = await plannedMeeting(ds, a.id, consultant.id);
  const meetingB = await plannedMeeting(ds, b.id, consultantB.id);

  const users = {
    administrator,
    consultant,
    caseworker,
    companyAdmin,
    mentor,
    citizen: citizenUser,
    consultantB,
    adminY,
    loginTarget,
  };
  const api: Record<CallerKey, Api> = {
    administrator: await signIn(administrator),
    consultant: apiConsultant,
    caseworker: await signIn(caseworker),
    companyAdmin: apiX,
    mentor: await signIn(mentor),
    citizen: await signIn(citizenUser),
    anonymous,
  };
  return {
    api,
    users,
    apiB,
    apiY,
    centreA: centreA.id,
    centreB: centreB.id,
    centreC: centreC.id,
    companyX,
    companyY,
    occupationId: occupation.id,
    citizenA: a.id,
    citizenB: b.id,
    goalA: a.goal,
    goalB: b.goal,
    consentA: a.consent,
    consentB: b.consent,
    milestoneA: a.milestone,
    milestoneB: b.milestone,
    activityA: a.activity,
    activityB: b.activity,
    meetingA,
    meetingB,
    partnershipXA,
    partnershipYB,
    partnershipXB,
    deadLetterB: await aDeadLetter(t, centreB.id),
    invitationB: (
      await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO invitation (kind, token_hash, email, display_name, role, job_centre_id, invited_by, expires_at)
         VALUES ('staff', repeat('b', 64), 'invited-b@example.dk', 'Kollega B', 'caseworker', $1, $2,
                 now() + interval '7 days')
         RETURNING id`,
        [centreB.id, consultantB.id],
      )
    )[0].id,
    proposalB: (
      await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO proposal (job_centre_id, citizen_id, placement_id, company_id, period, weekly_hours, status,
           answer_due_at, proposed_by)
         VALUES ($1, $2, $3, $4, daterange(current_date + 30, current_date + 57, '[]'), 20, 'proposed_to_employer',
                 now() + interval '14 days', $5)
         RETURNING id`,
        [centreB.id, b.id, publishedY, companyY.id, consultantB.id],
      )
    )[0].id,
    employmentB: (
      await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO citizen_employment (citizen_id, employer_name, started_on, recorded_by)
         VALUES ($1, 'Bageriet B', '2018-01-01', $2) RETURNING id`,
        [b.id, consultantB.id],
      )
    )[0].id,
    publishedX,
    draftX,
    publishedY,
    draftY,
    slotsX,
    freshRefreshToken: async () => {
      const data = ok(await anonymous.login(caseworker.email, caseworker.password));
      return (data.login as { refreshToken: string }).refreshToken;
    },
  };
}
