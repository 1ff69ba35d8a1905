import { randomBytes } from 'node:crypto';
import { hashPassword } from '@jobbro/auth';
import { aValidCvr, copyDeadLetter } from '@jobbro/testing';
import type { DataSource } from 'typeorm';
import { type CallerKey, plannedMeeting, type World } from './world';

export type Vars = Record<string, unknown>;

export interface FixtureContext {
  w: World;
  ds: DataSource;
  /** A number unique to this call, for emails, CVR numbers and the like. */
  n: number;
}

/**
 * How to call an operation legitimately: a caller allowed to call it and variables that succeed
 * (the fuzz suite checks this baseline first). Every operation in schema.graphql needs an entry,
 * so a new operation cannot ship without being fuzzed.
 */
export interface Fixture {
  caller: CallerKey;
  vars: (c: FixtureContext) => Vars | Promise<Vars>;
  /**
   * Writes that are bookkeeping for this operation even when it refuses (e.g. a failed-sign-in
   * counter), as `table:OP`.
   */
  bookkeeping?: string[];
}

let passwordHash: Promise<string> | undefined;
let refresh: { token: string; used: boolean } | undefined;
/** One refresh token shared by the cases until a case consumes it (argon2 sign-ins are slow). */
async function refreshTokenFor(c: FixtureContext, forceNew: boolean): Promise<string> {
  if (!refresh || forceNew || refresh.used)
    refresh = { token: await c.w.freshRefreshToken(), used: false };
  return refresh.token;
}
export function markRefreshTokenUsed(): void {
  if (refresh) refresh.used = true;
}

/** A site of the company that only this call uses (removeSite). */
async function extraSite(ds: DataSource, companyId: string): Promise<string> {
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO site (company_id, name, street_address, postal_code, municipality_code, latitude, longitude)
     SELECT $1, 'Lager', 'Lagervej 2', code, municipality_code, latitude, longitude FROM postal_code WHERE code = '2300'
     RETURNING id`,
    [companyId],
  );
  return row.id;
}

/** A mentor without login that only this call uses. */
async function extraMentor(ds: DataSource, companyId: string, n: number): Promise<string> {
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO mentor (company_id, name, email, capacity) VALUES ($1, 'Ekstra Mentor', $2, 1) RETURNING id`,
    [companyId, `extra-mentor-${n}-${randomBytes(3).toString('hex')}@example.dk`],
  );
  return row.id;
}

/** Another administrator of the company, for removeCompanyAdmin. */
async function extraAdmin(ds: DataSource, companyId: string, n: number): Promise<string> {
  const [user] = await ds.query<{ id: string }[]>(
    `INSERT INTO app_user (email, display_name, role) VALUES ($1, 'Ekstra Admin', 'company_admin') RETURNING id`,
    [`extra-admin-${n}-${randomBytes(3).toString('hex')}@example.dk`],
  );
  await ds.query(`INSERT INTO company_admin (company_id, user_id) VALUES ($1, $2)`, [
    companyId,
    user.id,
  ]);
  return user.id;
}

/** An instant `days` from now at `hourUtc`:00 UTC (planned meetings must lie ahead). */
const inDays = (days: number, hourUtc: number): string => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
};

const cpr = (n: number): string =>
  `0101${String(50 + (n % 40)).padStart(2, '0')}-${String(1000 + (n % 9000))}`;

// People (sign-in by link, invitations, staff accounts): single-use rows, fresh for every call.

/** A pending staff invitation of job centre A, sent by A's administrator, with a known token. */
async function pendingInvitation(c: FixtureContext): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await c.ds.query<{ id: string }[]>(
    `INSERT INTO invitation (kind, token_hash, email, display_name, role, job_centre_id, invited_by, expires_at)
     VALUES ('staff', encode(sha256(convert_to($1, 'UTF8')), 'hex'), $2, 'Fuzz Kollega', 'caseworker',
             $3, $4, now() + interval '7 days')
     RETURNING id`,
    [
      token,
      `invited-staff-${c.n}-${randomBytes(3).toString('hex')}@example.dk`,
      c.w.centreA,
      c.w.users.administrator.id,
    ],
  );
  return { id: row.id, token };
}

/** A staff user of job centre A that only this call uses (deactivated when asked). */
async function extraStaff(c: FixtureContext, disabled = false): Promise<string> {
  const [row] = await c.ds.query<{ id: string }[]>(
    `INSERT INTO app_user (email, display_name, role, job_centre_id, disabled_at)
     VALUES ($1, 'Fuzz Kollega', 'job_consultant', $2, CASE WHEN $3 THEN now() END) RETURNING id`,
    [`staff-${c.n}-${randomBytes(3).toString('hex')}@example.dk`, c.w.centreA, disabled],
  );
  return row.id;
}

/** A date `days` from today, YYYY-MM-DD. */
const dayIn = (days: number): string => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Closes citizen A's open proposals of slot X and frees their seats, so a new one may open. */
async function clearProposals(ds: DataSource, w: World): Promise<void> {
  await ds.query(
    `UPDATE booking SET released_at = now() WHERE citizen_id = $1 AND released_at IS NULL`,
    [w.citizenA],
  );
  await ds.query(
    `UPDATE proposal SET status = 'withdrawn', closing_reason = 'other', answer_due_at = NULL
      WHERE citizen_id = $1 AND status IN ('proposed_to_citizen', 'proposed_to_employer', 'accepted_by_employer', 'booked')`,
    [w.citizenA],
  );
}

/** An employment recorded for citizen A, for one call. */
async function anEmployment(ds: DataSource, w: World): Promise<string> {
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO citizen_employment (citizen_id, employer_name, started_on, recorded_by)
     VALUES ($1, 'Kiosken', '2019-01-01', $2) RETURNING id`,
    [w.citizenA, w.users.consultant.id],
  );
  return row.id;
}

/** A fresh proposal of slot X to citizen A in `status` (libs/proposal), for one call. */
async function aProposal(
  ds: DataSource,
  w: World,
  status: 'proposed_to_citizen' | 'proposed_to_employer' | 'accepted_by_employer',
): Promise<string> {
  await clearProposals(ds, w);
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO proposal (job_centre_id, citizen_id, placement_id, company_id, period, weekly_hours, status, answer_due_at, proposed_by)
     VALUES ($1, $2, $3, $4, daterange($5::date, $6::date, '[]'), 20, $7::proposal_status,
             CASE WHEN $7::text = 'accepted_by_employer' THEN NULL ELSE now() + interval '14 days' END, $8)
     RETURNING id`,
    [
      w.centreA,
      w.citizenA,
      w.publishedX,
      w.companyX.id,
      dayIn(30),
      dayIn(57),
      status,
      w.users.consultant.id,
    ],
  );
  await ds.query(
    `INSERT INTO proposal_event (proposal_id, to_status, actor, actor_user_id) VALUES ($1, 'proposed_to_citizen', 'consultant', $2)`,
    [row.id, w.users.consultant.id],
  );
  if (status !== 'proposed_to_citizen')
    await ds.query(
      `INSERT INTO proposal_event (proposal_id, from_status, to_status, actor) VALUES ($1, 'proposed_to_citizen', 'proposed_to_employer', 'citizen')`,
      [row.id],
    );
  return row.id;
}

export const FIXTURES: Record<string, Fixture> = {
  // Queries
  accommodationCatalogue: { caller: 'consultant', vars: () => ({}) },
  assessmentDimensions: { caller: 'consultant', vars: () => ({}) },
  citizen: { caller: 'consultant', vars: ({ w }) => ({ id: w.citizenA }) },
  citizens: {
    caller: 'consultant',
    vars: () => ({
      first: 20,
      filter: {
        search: 'Ahmad',
        status: 'ACTIVE',
        assignedToMe: true,
        targetGroup: 'kontanthjaelp_jobparat',
        inCurrentGroupForMoreThanMonths: 3,
      },
    }),
  },
  company: { caller: 'companyAdmin', vars: ({ w }) => ({ id: w.companyX.id }) },
  companyRegistrationInvite: { caller: 'companyAdmin', vars: () => ({}) },
  explainMatch: {
    caller: 'consultant',
    vars: ({ w }) => ({ citizenId: w.citizenA, placementId: w.publishedX }),
  },
  deadLetterMessages: { caller: 'administrator', vars: () => ({ first: 50 }) },
  exportCitizenData: { caller: 'administrator', vars: ({ w }) => ({ id: w.citizenA }) },
  followUpsDue: { caller: 'consultant', vars: () => ({}) },
  jobCentrePartnerships: { caller: 'consultant', vars: () => ({}) },
  jobCentres: { caller: 'companyAdmin', vars: () => ({}) },
  matchCitizensForPlacement: {
    caller: 'consultant',
    vars: ({ w }) => ({ placementId: w.publishedX, first: 10 }),
  },
  matchPlacementsForCitizen: {
    caller: 'consultant',
    vars: ({ w }) => ({
      citizenId: w.citizenA,
      first: 10,
      filter: { hours: 10, types: ['INTERNSHIP'], startBy: '2027-06-01', iscoCode: '5' },
    }),
  },
  me: { caller: 'caseworker', vars: () => ({}) },
  myAccessLog: { caller: 'citizen', vars: () => ({ first: 50 }) },
  myCompanies: { caller: 'mentor', vars: () => ({}) },
  myPlan: { caller: 'citizen', vars: () => ({}) },
  myProfile: { caller: 'citizen', vars: () => ({}) },
  occupations: { caller: 'caseworker', vars: () => ({ search: 'kok', first: 5 }) },
  placement: { caller: 'companyAdmin', vars: ({ w }) => ({ id: w.publishedX }) },
  placementTypeCatalogue: { caller: 'mentor', vars: () => ({}) },
  placements: {
    caller: 'consultant',
    vars: ({ w }) => ({ first: 20, filter: { companyId: w.companyX.id, statuses: ['PUBLISHED'] } }),
  },
  postalCode: { caller: 'companyAdmin', vars: () => ({ code: '2300' }) },
  requirementCatalogue: { caller: 'companyAdmin', vars: () => ({}) },
  searchPlacements: {
    caller: 'consultant',
    vars: () => ({
      query: 'køkken',
      first: 10,
      near: { latitude: 55.67, longitude: 12.57 },
      radiusKm: 50,
      sort: 'RELEVANCE',
      filter: { hours: 10, municipalityCode: 101 },
    }),
  },
  sharedCitizens: { caller: 'companyAdmin', vars: () => ({}) },
  targetGroups: { caller: 'caseworker', vars: () => ({}) },

  // Mutations
  addJobGoal: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: {
        citizenId: w.citizenA,
        ownWords: 'Lagerarbejde',
        occupationIds: [w.occupationId],
        hoursNow: 5,
        hoursLater: 10,
        maxCommuteKm: 10,
        priority: 2,
        earliestStart: '2027-01-04',
        conditions: 'Ingen tunge løft',
      },
    }),
  },
  addMentor: {
    caller: 'companyAdmin',
    vars: ({ w, n }) => ({
      input: {
        companyId: w.companyX.id,
        siteId: w.companyX.siteId,
        name: 'Mette Mentor',
        email: `mentor-fuzz-${n}@example.dk`,
        phone: '12345678',
        capacity: 2,
        invite: true,
        language: 'da',
      },
    }),
  },
  // Company editing and people (libs/company): each call gets its own site, mentor or admin.
  updateSite: {
    caller: 'companyAdmin',
    vars: ({ w }) => ({
      input: {
        id: w.companyX.siteId,
        name: 'Hovedkontor',
        streetAddress: 'Testvej 1',
        postalCode: '2300',
        pNumber: '1234567890',
      },
    }),
  },
  removeSite: {
    caller: 'companyAdmin',
    vars: async ({ w, ds }) => ({ id: await extraSite(ds, w.companyX.id) }),
  },
  updateMentor: {
    caller: 'companyAdmin',
    vars: async ({ w, ds, n }) => ({
      input: {
        id: await extraMentor(ds, w.companyX.id, n),
        siteId: w.companyX.siteId,
        name: 'Mona Mentor',
        email: `mentor-updated-${n}@example.dk`,
        phone: '12345678',
        capacity: 3,
      },
    }),
  },
  deactivateMentor: {
    caller: 'companyAdmin',
    vars: async ({ w, ds, n }) => ({ id: await extraMentor(ds, w.companyX.id, n) }),
  },
  inviteMentor: {
    caller: 'companyAdmin',
    vars: async ({ w, ds, n }) => ({ mentorId: await extraMentor(ds, w.companyX.id, n) }),
  },
  inviteCompanyUser: {
    caller: 'consultant',
    // Staff invite only the first admin: a company without one, in active partnership with A.
    vars: async ({ w, n, ds }) => {
      const [company] = await ds.query<{ id: string }[]>(
        `INSERT INTO company (cvr, name, ordinary_employees) VALUES ($1, 'Uden Admin ApS', 5) RETURNING id`,
        [aValidCvr()],
      );
      await ds.query(
        `INSERT INTO partnership (company_id, job_centre_id, status, starts_on, proposed_by_side)
         VALUES ($1, $2, 'active', current_date, 'job_centre')`,
        [company.id, w.centreA],
      );
      return {
        input: {
          role: 'COMPANY_ADMIN',
          companyId: company.id,
          email: `invited-admin-${n}@example.dk`,
          displayName: 'Ida Inviteret',
          language: 'en',
        },
      };
    },
  },
  addCompanyAdmin: {
    caller: 'companyAdmin',
    vars: ({ w, n }) => ({
      input: {
        companyId: w.companyX.id,
        email: `second-admin-${n}@example.dk`,
        displayName: 'Anden Admin',
        language: 'da',
      },
    }),
  },
  removeCompanyAdmin: {
    caller: 'companyAdmin',
    vars: async ({ w, ds, n }) => ({
      companyId: w.companyX.id,
      userId: await extraAdmin(ds, w.companyX.id, n),
    }),
  },
  addTeamMember: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: {
        citizenId: w.citizenA,
        userId: w.users.caseworker.id,
        role: 'CASEWORKER',
        reason: 'Ny sagsbehandler på sagen',
      },
    }),
  },
  changePartnershipStatus: {
    caller: 'consultant',
    // Pause an active partnership or resume a paused one, whatever an earlier case left.
    vars: async ({ w, ds }) => {
      const [row] = await ds.query<{ status: string }[]>(
        `SELECT status FROM partnership WHERE id = $1`,
        [w.partnershipXA],
      );
      return {
        input: { id: w.partnershipXA, status: row?.status === 'active' ? 'PAUSED' : 'ACTIVE' },
      };
    },
  },
  closePlacement: { caller: 'companyAdmin', vars: ({ w }) => ({ id: w.slotsX.toClose }) },
  confirmEmployerSignUp: {
    caller: 'anonymous',
    // A pending sign-up per call, as signUpEmployer leaves one (its token is mailed, so it is
    // seeded here with a known token); confirming spends it.
    vars: async ({ ds, n }) => {
      const token = randomBytes(32).toString('base64url');
      passwordHash ??= hashPassword('correct-horse-battery-staple');
      await ds.query(
        `INSERT INTO employer_sign_up (email, display_name, password_hash, token_hash, expires_at)
         VALUES ($1, 'Fuzz Arbejdsgiver', $2, encode(sha256(convert_to($3, 'UTF8')), 'hex'), now() + interval '1 day')`,
        [`confirm-fuzz-${n}-${process.pid}@example.dk`, await passwordHash, token],
      );
      return { input: { token } };
    },
  },
  createCitizen: {
    caller: 'consultant',
    vars: ({ n }) => ({
      input: {
        firstName: 'Fuzz',
        lastName: 'Borger',
        email: `borger-fuzz-${n}@example.dk`,
        phone: '12345678',
        postalCode: '8000',
        cpr: cpr(n),
        targetGroup: 'kontanthjaelp_aktivitetsparat',
      },
    }),
  },
  createPlacement: {
    caller: 'companyAdmin',
    vars: ({ w }) => ({
      input: {
        companyId: w.companyX.id,
        siteId: w.companyX.siteId,
        mentorId: w.companyX.mentorId,
        occupationId: w.occupationId,
        type: 'INTERNSHIP',
        title: 'Lagermedhjælper',
        description: 'Pakning og varemodtagelse',
        tasks: ['Pakke varer'],
        weeklyHoursMin: 10,
        weeklyHoursMax: 20,
        startEarliest: '2027-01-04',
        startLatest: '2027-02-01',
        durationWeeks: 8,
        capacity: 1,
        accommodations: ['SEATED_WORK'],
        accommodationNotes: 'Stol ved pakkebordet',
        requirements: ['DANISH_SPOKEN'],
        requirementNotes: 'Lidt dansk',
        scheduleNotes: 'Formiddage',
        ordinaryHoursPath: { possible: true, afterWeeks: 4, hoursPerWeek: 5 },
      },
    }),
  },
  createSite: {
    caller: 'companyAdmin',
    vars: ({ w }) => ({
      input: {
        companyId: w.companyX.id,
        name: 'Lager',
        streetAddress: 'Lagervej 2',
        postalCode: '8000',
      },
    }),
  },
  grantConsent: {
    caller: 'citizen',
    vars: ({ w }) => ({
      input: {
        citizenId: w.citizenA,
        companyId: w.companyX.id,
        purpose: 'Praktik',
        scopes: ['PROFILE'],
      },
    }),
  },
  login: {
    caller: 'anonymous',
    vars: ({ w }) => ({
      input: { email: w.users.loginTarget.email, password: w.users.loginTarget.password },
    }),
    bookkeeping: ['app_user:UPDATE'],
  },
  logout: {
    caller: 'anonymous',
    vars: async (c) => ({ input: { refreshToken: await refreshTokenFor(c, c.n === 0) } }),
  },
  pausePlacement: { caller: 'companyAdmin', vars: ({ w }) => ({ id: w.slotsX.toPause }) },
  proposePartnership: {
    caller: 'companyAdmin',
    vars: ({ w }) => ({
      input: {
        companyId: w.companyX.id,
        jobCentreId: w.centreC,
        startsOn: '2027-01-01',
        endsOn: '2027-12-31',
        slotsPerYear: 4,
        placementTypes: ['INTERNSHIP'],
        notes: 'Vi har plads',
      },
    }),
  },
  publishPlacement: { caller: 'companyAdmin', vars: ({ w }) => ({ id: w.slotsX.toPublish }) },
  recordAssessment: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: {
        citizenId: w.citizenA,
        dimension: 'belief_in_job',
        score: 3,
        assessedOn: '2026-11-20',
        note: 'Tror mere på det',
      },
    }),
  },
  // Citizen: planned meetings, invitation to a login, contact preference.
  scheduleMeeting: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: {
        citizenId: w.citizenA,
        kind: 'FOLLOW_UP',
        startsAt: inDays(3, 9),
        endsAt: inDays(3, 10),
        location: 'Jobcentret, lokale 2',
        participantUserIds: [w.users.consultant.id],
        includeCitizen: true,
      },
    }),
  },
  rescheduleMeeting: {
    caller: 'consultant',
    // A fresh open meeting each call: a hostile case must not find one moved or cancelled.
    vars: async ({ w, ds }) => ({
      input: {
        id: await plannedMeeting(ds, w.citizenA, w.users.consultant.id),
        startsAt: inDays(4, 12),
        endsAt: inDays(4, 13),
        location: 'Jobcentret, lokale 3',
        participantUserIds: [w.users.consultant.id],
        includeCitizen: false,
      },
    }),
  },
  cancelMeeting: {
    caller: 'consultant',
    vars: async ({ w, ds }) => ({
      input: {
        id: await plannedMeeting(ds, w.citizenA, w.users.consultant.id),
        reason: 'Flyttet til næste uge',
      },
    }),
  },
  inviteCitizen: {
    caller: 'consultant',
    // A citizen of job centre A without a login, whose team the consultant coordinates (only
    // such staff may invite); the invitation goes to the address on record.
    vars: async ({ w, ds, n }) => {
      const [row] = await ds.query<{ id: string }[]>(
        `INSERT INTO citizen (job_centre_id, first_name, last_name, email, postal_code, municipality_code, latitude, longitude)
         SELECT $1, 'Fuzz', 'Borger', $2, code, municipality_code, latitude, longitude FROM postal_code WHERE code = '2400'
         RETURNING id`,
        [w.centreA, `citizen-fuzz-${n}@example.dk`],
      );
      await ds.query(
        `INSERT INTO citizen_assignment (citizen_id, user_id, role) VALUES ($1, $2, 'consultant')`,
        [row.id, w.users.consultant.id],
      );
      return { input: { citizenId: row.id } };
    },
  },
  setMyContactPreference: { caller: 'citizen', vars: () => ({ input: { preference: 'EMAIL' } }) },
  recordMeeting: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: {
        citizenId: w.citizenA,
        kind: 'FOLLOW_UP',
        heldOn: '2026-11-25',
        participants: [{ name: 'Ahmad Karimi', role: 'CITIZEN' }],
        notes: 'Opfølgning',
        decisions: 'Fortsæt',
        nextFollowUpOn: '2026-12-10',
      },
    }),
  },
  refreshToken: {
    caller: 'anonymous',
    vars: async (c) => ({ input: { refreshToken: await refreshTokenFor(c, c.n === 0) } }),
  },
  registerCompany: {
    caller: 'companyAdmin',
    vars: () => ({
      input: { cvr: aValidCvr(), name: 'Fuzz ApS', industry: 'Rengøring', ordinaryEmployees: 10 },
    }),
  },
  reindexPlacements: { caller: 'administrator', vars: () => ({}) },
  resendMessage: {
    caller: 'administrator',
    // Each call puts a dead letter back in the queue: a fresh one of A's each time.
    vars: async ({ w, ds }) => ({ id: await copyDeadLetter(ds, w.deadLetterB, w.centreA) }),
  },
  removeTeamMember: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: {
        citizenId: w.citizenA,
        userId: w.users.caseworker.id,
        role: 'CASEWORKER',
        reason: 'Ny sagsbehandler på sagen',
      },
    }),
  },
  // Qualifications, availability and recent employers (libs/citizen/src/work-profile).
  recordQualification: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: {
        citizenId: w.citizenA,
        qualification: 'DRIVING_LICENCE_B',
        confirmedOn: '2026-01-05',
        note: 'Set kørekortet',
      },
    }),
  },
  removeQualification: {
    caller: 'consultant',
    vars: ({ w }) => ({ input: { citizenId: w.citizenA, qualification: 'FORKLIFT_CERTIFICATE' } }),
  },
  setAvailability: {
    caller: 'citizen',
    vars: ({ w }) => ({
      input: {
        citizenId: w.citizenA,
        availability: { weekdays: ['MONDAY', 'TUESDAY'], from: '08:00', until: '15:30' },
      },
    }),
  },
  recordEmployment: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: {
        citizenId: w.citizenA,
        employerName: 'Bageriet ApS',
        cvr: '10150817',
        startedOn: '2015-02-01',
        endedOn: '2020-06-30',
      },
    }),
  },
  updateEmployment: {
    caller: 'consultant',
    vars: async ({ w, ds }) => ({
      input: {
        id: await anEmployment(ds, w),
        employerName: 'Bageriet ApS',
        startedOn: '2015-02-01',
        endedOn: '2019-06-30',
      },
    }),
  },
  removeEmployment: {
    caller: 'consultant',
    vars: async ({ w, ds }) => ({ input: { id: await anEmployment(ds, w) } }),
  },
  recordNoEmployment: {
    caller: 'consultant',
    vars: async ({ w, ds }) => {
      // Refused while an employment is recorded: start from none.
      await ds.query(`DELETE FROM citizen_employment WHERE citizen_id = $1`, [w.citizenA]);
      return { input: { citizenId: w.citizenA, confirmedOn: '2026-11-02' } };
    },
  },
  removeNoEmployment: {
    caller: 'consultant',
    vars: ({ w }) => ({ input: { citizenId: w.citizenA } }),
  },
  setTargetGroup: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: { citizenId: w.citizenA, targetGroup: 'jobafklaring', validFrom: '2027-01-01' },
    }),
  },
  signUpEmployer: {
    caller: 'anonymous',
    vars: ({ n }) => ({
      input: {
        email: `employer-fuzz-${n}-${process.pid}@example.dk`,
        password: 'correct-horse-battery-staple',
        displayName: 'Fuzz Arbejdsgiver',
      },
    }),
  },
  updateCitizen: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: { id: w.citizenA, firstName: 'Ahmad', phone: '12345678', postalCode: '2400' },
    }),
  },
  updateCompany: {
    caller: 'companyAdmin',
    vars: ({ w }) => ({
      input: {
        id: w.companyX.id,
        name: 'Testfirma ApS',
        industry: 'Køkken',
        ordinaryEmployees: 20,
        sector: 'PRIVATE',
      },
    }),
  },
  updateJobGoal: {
    caller: 'consultant',
    vars: ({ w }) => ({ input: { id: w.goalA, ownWords: 'Køkken', hoursNow: 8, priority: 1 } }),
  },
  updateNeeds: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: {
        citizenId: w.citizenA,
        accommodations: ['NO_HEAVY_LIFTING'],
        accommodationNotes: 'Hæve-sænkebord',
        functionalLimits: 'Ondt i ryggen',
        supportNeeds: 'Støtte til struktur',
      },
    }),
  },
  updatePlacement: {
    caller: 'companyAdmin',
    vars: ({ w }) => ({
      input: {
        id: w.slotsX.toUpdate,
        title: 'Ny titel',
        weeklyHoursMin: 10,
        weeklyHoursMax: 20,
        workingTimes: { weekdays: ['MONDAY', 'FRIDAY'], from: '07:00', until: '15:00' },
      },
    }),
  },
  updatePlan: {
    caller: 'consultant',
    vars: async ({ w, ds }) => {
      const [row] = await ds.query<{ version: number }[]>(
        `SELECT version FROM plan WHERE citizen_id = $1`,
        [w.citizenA],
      );
      return {
        input: {
          citizenId: w.citizenA,
          expectedVersion: row?.version ?? 0,
          longTermGoal: 'Ordinært job som kok',
          milestones: [
            { id: w.milestoneA, title: 'Praktik', deadline: '2027-01-15', status: 'OPEN' },
          ],
          activities: [
            {
              id: w.activityA,
              title: 'Hygiejnekursus',
              startsOn: '2026-12-01',
              endsOn: '2026-12-05',
              responsible: 'Mette',
            },
          ],
        },
      };
    },
  },
  withdrawConsent: { caller: 'citizen', vars: ({ w }) => ({ id: w.consentA }) },
  // People: sign-in by link, invitations and staff accounts.
  requestMagicLink: {
    caller: 'anonymous',
    vars: ({ w }) => ({ input: { email: w.users.mentor.email } }),
  },
  redeemMagicLink: {
    caller: 'anonymous',
    // A fresh link of the mentor per call, as requestMagicLink mails it (seeded with a known token).
    vars: async ({ w, ds }) => {
      const token = randomBytes(32).toString('base64url');
      await ds.query(
        `INSERT INTO magic_link (user_id, token_hash, expires_at)
         VALUES ($1, encode(sha256(convert_to($2, 'UTF8')), 'hex'), now() + interval '15 minutes')`,
        [w.users.mentor.id, token],
      );
      return { input: { token } };
    },
  },
  acceptInvitation: {
    caller: 'anonymous',
    vars: async (c) => ({ input: { token: (await pendingInvitation(c)).token } }),
  },
  inviteStaff: {
    caller: 'administrator',
    vars: ({ n }) => ({
      input: {
        email: `invited-staff-fuzz-${n}@example.dk`,
        displayName: 'Ny Kollega',
        role: 'SOCIAL_SUPPORT_WORKER',
        language: 'en',
      },
    }),
  },
  invitations: { caller: 'administrator', vars: () => ({ status: 'PENDING', first: 20 }) },
  revokeInvitation: {
    caller: 'administrator',
    vars: async (c) => ({ id: (await pendingInvitation(c)).id }),
  },
  resendInvitation: {
    caller: 'administrator',
    vars: async (c) => ({ id: (await pendingInvitation(c)).id }),
  },
  users: {
    caller: 'administrator',
    vars: () => ({ filter: { role: 'JOB_CONSULTANT', active: true, search: 'a' }, first: 20 }),
  },
  deactivateUser: { caller: 'administrator', vars: async (c) => ({ id: await extraStaff(c) }) },
  reactivateUser: {
    caller: 'administrator',
    vars: async (c) => ({ id: await extraStaff(c, true) }),
  },
  changeUserRole: {
    caller: 'administrator',
    vars: async (c) => ({ id: await extraStaff(c), role: 'CASEWORKER' }),
  },
  updateNotificationSettings: {
    caller: 'caseworker',
    vars: () => ({ input: { mode: 'DAILY_DIGEST', language: 'da' } }),
  },
  // Proposals (libs/proposal): each call gets its own proposal of slot X to citizen A.
  proposePlacement: {
    caller: 'consultant',
    vars: async ({ w, ds }) => {
      await clearProposals(ds, w);
      return {
        input: {
          citizenId: w.citizenA,
          placementId: w.publishedX,
          start: dayIn(30),
          end: dayIn(57),
        },
      };
    },
  },
  acceptProposal: {
    caller: 'citizen',
    vars: async ({ w, ds }) => ({
      input: {
        proposalId: await aProposal(ds, w, 'proposed_to_citizen'),
        shareScopes: ['FIRST_NAME'],
      },
    }),
  },
  declineProposal: {
    caller: 'citizen',
    vars: async ({ w, ds }) => ({
      input: { proposalId: await aProposal(ds, w, 'proposed_to_citizen'), reason: 'TIMING' },
    }),
  },
  answerProposal: {
    caller: 'companyAdmin',
    vars: async ({ w, ds }) => ({
      input: { proposalId: await aProposal(ds, w, 'proposed_to_employer'), answer: 'ACCEPT' },
    }),
  },
  bookProposal: {
    caller: 'consultant',
    vars: async ({ w, ds }) => ({
      input: { proposalId: await aProposal(ds, w, 'accepted_by_employer') },
    }),
  },
  withdrawProposal: {
    caller: 'consultant',
    vars: async ({ w, ds }) => ({
      input: { proposalId: await aProposal(ds, w, 'proposed_to_citizen'), reason: 'BETTER_MATCH' },
    }),
  },
  proposal: {
    caller: 'consultant',
    vars: async ({ w, ds }) => ({ id: await aProposal(ds, w, 'proposed_to_citizen') }),
  },
  proposals: { caller: 'consultant', vars: () => ({ filter: { openOnly: true } }) },
  myProposals: { caller: 'citizen', vars: () => ({}) },
  proposalRuleChecks: {
    caller: 'consultant',
    vars: ({ w }) => ({
      input: { citizenId: w.citizenA, placementId: w.publishedX, start: dayIn(30), end: dayIn(57) },
    }),
  },
  ruleChecks: {
    caller: 'consultant',
    vars: async ({ w, ds }) => ({ proposalId: await aProposal(ds, w, 'proposed_to_citizen') }),
  },
  overrideRuleWarning: {
    caller: 'consultant',
    vars: async ({ w, ds }) => ({
      input: {
        proposalId: await aProposal(ds, w, 'accepted_by_employer'),
        rule: 'PAID_HOURS_BESIDE_INTERNSHIP',
        reason: 'Forskellige opgaver',
      },
    }),
  },
  proposalsForCompany: { caller: 'companyAdmin', vars: () => ({}) },
  // The dated rules (libs/rules): the rules in force, and the headcounts they read.
  legalRules: { caller: 'consultant', vars: () => ({ at: '2026-12-31' }) },
  recordHeadcount: {
    caller: 'companyAdmin',
    // The same date each call: recording again replaces the figure.
    vars: ({ w }) => ({
      input: {
        companyId: w.companyX.id,
        siteId: w.companyX.siteId,
        asOf: '2026-01-01',
        ordinaryFte: 12.5,
      },
    }),
  },
};

/** Operations anyone may call without signing in. */
export const PUBLIC_OPERATIONS = new Set([
  'login',
  'logout',
  'refreshToken',
  'signUpEmployer',
  'requestMagicLink',
  'redeemMagicLink',
  'acceptInvitation',
]);
