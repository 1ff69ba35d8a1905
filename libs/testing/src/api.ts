import type supertest from 'supertest';
import { type MailRequest, unseal } from '@jobbro/notifications';
import type { TestApp } from './test-app';
import { graphql, type GraphqlResponse, ok } from './graphql';

export const PLACEMENT_FIELDS = `
  id type title iscoCode description tasks weeklyHoursMin weeklyHoursMax scheduleNotes
  startEarliest startLatest durationWeeks capacity accommodations accommodationNotes requirements
  status publishedAt closedAt version availableActions
  ordinaryHoursPath { possible afterWeeks hoursPerWeek }
  occupation { id label iscoCode }
  company { id name }
  site { id postalCode municipalityCode }
  mentor { id name }
`;

export const PLAN_FIELDS = `citizenId longTermGoal version milestones { id title deadline status }
  activities { id title startsOn endsOn responsible } revisions { version changedFields changedBy }`;

export const CITIZEN_FIELDS = `
  id firstName lastName email phone postalCode municipalityCode status birthDate hasCpr version specialCategoryHidden
  targetGroups { targetGroup label validFrom validTo }
  team { userId displayName role }
  jobGoals { id ownWords occupationIds hoursNow hoursLater maxCommuteKm }
  needs { accommodations accommodationNotes functionalLimits supportNeeds }
  assessments { id dimension assessorRole score assessedOn specialCategory note }
  plan { ${PLAN_FIELDS} }
  meetings { id kind heldOn notes decisions nextFollowUpOn participants { name role } }
  consents { id companyId scopes withdrawnAt }
`;

type Vars = Record<string, unknown>;
type Res = Promise<GraphqlResponse<Record<string, any>>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One helper per GraphQL operation, so tests read as the journey they describe. */
export class Api {
  constructor(
    private readonly agent: () => supertest.Agent,
    readonly token?: string,
    private readonly language?: string,
  ) {}

  as(token: string | undefined): Api {
    return new Api(this.agent, token, this.language);
  }

  inLanguage(language: string): Api {
    return new Api(this.agent, this.token, language);
  }

  run(query: string, variables: Vars = {}): Res {
    return graphql(this.agent(), query, variables, { token: this.token, language: this.language });
  }

  /** Signs in and returns an Api acting as that user. */
  async signIn(email: string, password: string): Promise<Api> {
    const data = ok(await this.login(email, password));
    return this.as((data.login as { accessToken: string }).accessToken);
  }

  login(email: string, password: string): Res {
    return this.run(
      `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken expiresIn user { id email role } } }`,
      { input: { email, password } },
    );
  }
  /** Asks for an account; the answer is only "check your mail" (see signUpConfirmedEmployer). */
  signUpEmployer(input: Vars): Res {
    return this.run(
      `mutation($input: SignUpEmployerInput!) { signUpEmployer(input: $input) { message } }`,
      { input },
    );
  }
  confirmEmployerSignUp(token: string): Res {
    return this.run(
      `mutation($input: ConfirmEmployerSignUpInput!) { confirmEmployerSignUp(input: $input) {
        accessToken refreshToken expiresIn user { id email displayName role } } }`,
      { input: { token } },
    );
  }
  refreshToken(refreshToken: string): Res {
    return this.run(
      `mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken refreshToken user { id } } }`,
      { input: { refreshToken } },
    );
  }
  logout(refreshToken: string): Res {
    return this.run(`mutation($input: RefreshTokenInput!) { logout(input: $input) }`, {
      input: { refreshToken },
    });
  }
  me(): Res {
    return this.run(`{ me { id email displayName role jobCentre { id name } } }`);
  }
  jobCentres(): Res {
    return this.run(`{ jobCentres { id name municipalityCode } }`);
  }
  occupations(search: string, first = 5): Res {
    return this.run(
      `query($search: String!, $first: Int) { occupations(search: $search, first: $first) { id label escoLabel iscoCode } }`,
      {
        search,
        first,
      },
    );
  }
  registerCompany(input: Vars): Res {
    return this.run(
      `mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { id cvr name industry ordinaryEmployees } }`,
      { input },
    );
  }
  updateCompany(input: Vars): Res {
    return this.run(
      `mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { id cvr name industry ordinaryEmployees } }`,
      { input },
    );
  }
  company(id: string): Res {
    return this.run(
      `query($id: ID!) { company(id: $id) { id cvr name sites { id name postalCode } mentors { id name capacity }
        partnerships { id status jobCentreId jobCentre { id name } } } }`,
      { id },
    );
  }
  myCompanies(): Res {
    return this.run(`{ myCompanies { id name } }`);
  }
  createSite(input: Vars): Res {
    return this.run(
      `mutation($input: CreateSiteInput!) { createSite(input: $input) { id name streetAddress postalCode municipalityCode latitude longitude } }`,
      { input },
    );
  }
  addMentor(input: Vars): Res {
    return this.run(
      `mutation($input: AddMentorInput!) { addMentor(input: $input) { id name email capacity } }`,
      { input },
    );
  }
  proposePartnership(input: Vars): Res {
    return this.run(
      `mutation($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id status proposedBySide } }`,
      { input },
    );
  }
  changePartnershipStatus(id: string, status: string): Res {
    return this.run(
      `mutation($input: ChangePartnershipStatusInput!) { changePartnershipStatus(input: $input) { id status endsOn } }`,
      { input: { id, status } },
    );
  }
  createPlacement(input: Vars): Res {
    return this.run(
      `mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { ${PLACEMENT_FIELDS} } }`,
      {
        input,
      },
    );
  }
  updatePlacement(input: Vars): Res {
    return this.run(
      `mutation($input: UpdatePlacementInput!) { updatePlacement(input: $input) { ${PLACEMENT_FIELDS} } }`,
      {
        input,
      },
    );
  }
  publishPlacement(id: string): Res {
    return this.run(`mutation($id: ID!) { publishPlacement(id: $id) { ${PLACEMENT_FIELDS} } }`, {
      id,
    });
  }
  pausePlacement(id: string): Res {
    return this.run(`mutation($id: ID!) { pausePlacement(id: $id) { ${PLACEMENT_FIELDS} } }`, {
      id,
    });
  }
  closePlacement(id: string): Res {
    return this.run(`mutation($id: ID!) { closePlacement(id: $id) { ${PLACEMENT_FIELDS} } }`, {
      id,
    });
  }
  // The citizen side.
  createCitizen(input: Vars): Res {
    return this.run(
      `mutation($input: CreateCitizenInput!) { createCitizen(input: $input) { ${CITIZEN_FIELDS} } }`,
      { input },
    );
  }
  updateCitizen(input: Vars): Res {
    return this.run(
      `mutation($input: UpdateCitizenInput!) { updateCitizen(input: $input) { ${CITIZEN_FIELDS} } }`,
      { input },
    );
  }
  setTargetGroup(input: Vars): Res {
    return this.run(
      `mutation($input: SetTargetGroupInput!) { setTargetGroup(input: $input) { id targetGroups { targetGroup validFrom validTo } } }`,
      { input },
    );
  }
  addTeamMember(input: Vars): Res {
    return this.run(
      `mutation($input: TeamMemberInput!) { addTeamMember(input: $input) { id team { userId role } } }`,
      { input },
    );
  }
  removeTeamMember(input: Vars): Res {
    return this.run(
      `mutation($input: TeamMemberInput!) { removeTeamMember(input: $input) { id team { userId role } } }`,
      { input },
    );
  }
  citizen(id: string): Res {
    return this.run(`query($id: ID!) { citizen(id: $id) { ${CITIZEN_FIELDS} } }`, { id });
  }
  citizens(args: { filter?: Vars; first?: number; after?: string } = {}): Res {
    return this.run(
      `query($filter: CitizenFilter, $first: Int, $after: String) { citizens(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id firstName lastName status } } } }`,
      args,
    );
  }
  sharedCitizens(): Res {
    return this.run(`{ sharedCitizens { id firstName lastName } }`);
  }
  addJobGoal(input: Vars): Res {
    return this.run(
      `mutation($input: AddJobGoalInput!) { addJobGoal(input: $input) { id ownWords occupationIds hoursNow hoursLater maxCommuteKm priority } }`,
      { input },
    );
  }
  updateJobGoal(input: Vars): Res {
    return this.run(
      `mutation($input: UpdateJobGoalInput!) { updateJobGoal(input: $input) { id ownWords occupationIds hoursNow hoursLater maxCommuteKm priority } }`,
      { input },
    );
  }
  updateNeeds(input: Vars): Res {
    return this.run(
      `mutation($input: UpdateNeedsInput!) { updateNeeds(input: $input) { id needs { accommodations functionalLimits supportNeeds } } }`,
      { input },
    );
  }
  recordAssessment(input: Vars): Res {
    return this.run(
      `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id dimension assessorRole score assessedOn specialCategory } }`,
      { input },
    );
  }
  updatePlan(input: Vars): Res {
    return this.run(
      `mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { ${PLAN_FIELDS} } }`,
      { input },
    );
  }
  recordMeeting(input: Vars): Res {
    return this.run(
      `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { warnings meeting { id kind heldOn nextFollowUpOn participants { name role } } } }`,
      { input },
    );
  }
  followUpsDue(): Res {
    return this.run(`{ followUpsDue { dueOn daysOverdue citizen { id firstName } } }`);
  }
  grantConsent(input: Vars): Res {
    return this.run(
      `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id companyId companyName scopes purpose withdrawnAt } }`,
      { input },
    );
  }
  withdrawConsent(id: string): Res {
    return this.run(`mutation($id: ID!) { withdrawConsent(id: $id) { id withdrawnAt } }`, { id });
  }
  myProfile(): Res {
    return this.run(`{ myProfile { ${CITIZEN_FIELDS} } }`);
  }
  myPlan(): Res {
    return this.run(`{ myPlan { ${PLAN_FIELDS} } }`);
  }
  myAccessLog(): Res {
    return this.run(
      `{ myAccessLog { occurredAt action operation userRole userName allowed teamMember teamRole reason } }`,
    );
  }
  exportCitizenData(id: string): Res {
    return this.run(`query($id: ID!) { exportCitizenData(id: $id) }`, { id });
  }

  /**
   * Creates a draft slot at the company's site with its mentor; `input` overrides the defaults
   * (internship, 10-25 hours, 13 weeks from 2026-12-01, one place). Returns its id.
   */
  async draftSlot(
    company: { id: string; siteId: string; mentorId: string },
    input: Vars & { title: string; occupationId: string },
  ): Promise<string> {
    const draft = ok(
      await this.createPlacement({
        companyId: company.id,
        siteId: company.siteId,
        mentorId: company.mentorId,
        type: 'INTERNSHIP',
        tasks: ['Opgave'],
        weeklyHoursMin: 10,
        weeklyHoursMax: 25,
        startEarliest: '2026-12-01',
        durationWeeks: 13,
        capacity: 1,
        ...input,
      }),
    ).createPlacement as { id: string };
    return draft.id;
  }

  /** As `draftSlot`, then publishes it. Returns its id. */
  async publishSlot(
    company: { id: string; siteId: string; mentorId: string },
    input: Vars & { title: string; occupationId: string },
  ): Promise<string> {
    const id = await this.draftSlot(company, input);
    ok(await this.publishPlacement(id));
    return id;
  }

  placement(id: string): Res {
    return this.run(`query($id: ID!) { placement(id: $id) { ${PLACEMENT_FIELDS} } }`, { id });
  }
  placements(args: { filter?: Vars; first?: number; after?: string } = {}): Res {
    return this.run(
      `query($filter: PlacementFilter, $first: Int, $after: String) {
        placements(filter: $filter, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${PLACEMENT_FIELDS} } } } }`,
      args,
    );
  }
  // Matching and search.
  explainMatch(citizenId: string, placementId: string): Res {
    return this.run(
      `query($c: ID!, $p: ID!) { explainMatch(citizenId: $c, placementId: $p) {
        citizenId placementId eligible score hardFilters { filter passed reason }
        failedFilters { filter reason } factors { factor value weight reason } } }`,
      { c: citizenId, p: placementId },
    );
  }
  matchCitizensForPlacement(placementId: string): Res {
    return this.run(
      `query($p: ID!) { matchCitizensForPlacement(placementId: $p) { citizenId firstName score } }`,
      { p: placementId },
    );
  }
  matchPlacementsForCitizen(citizenId: string, filter?: Vars): Res {
    return this.run(
      `query($c: ID!, $filter: PlacementSearchFilter) { matchPlacementsForCitizen(citizenId: $c, filter: $filter) {
        placementId title score factors { factor value reason } } }`,
      { c: citizenId, filter },
    );
  }
  searchPlacements(args: Vars = {}): Res {
    return this.run(
      `query($query: String, $filter: PlacementSearchFilter, $near: GeoPointInput, $radiusKm: Float, $sort: PlacementSearchSort, $first: Int) {
        searchPlacements(query: $query, filter: $filter, near: $near, radiusKm: $radiusKm, sort: $sort, first: $first) {
          totalCount edges { distanceKm node { id title status } } } }`,
      args,
    );
  }
}

/**
 * The confirmation token of the newest sign-up mail to `email`, read from the outbox row (only
 * tests do this: the token is otherwise only ever in the mail itself).
 */
export async function signUpTokenFor(
  t: Pick<TestApp, 'dataSource' | 'config'>,
  email: string,
): Promise<string | undefined> {
  const rows = await t.dataSource.query<{ payload: { kind: string; sealed: string } }[]>(
    `SELECT payload FROM outbox_event WHERE type = 'mail.requested' ORDER BY id DESC`,
  );
  for (const { payload } of rows) {
    if (payload.kind !== 'employer-sign-up-confirm') continue;
    const mail = unseal<MailRequest<'employer-sign-up-confirm'>>(
      t.config.cprEncryptionKey,
      payload.sealed,
    );
    if (mail.to === email.trim().toLowerCase()) return mail.params.confirmUrl.split('#token=')[1];
  }
  return undefined;
}

/** Signs an employer up and confirms the address as the mail's link would; returns the AuthPayload. */
export async function signUpConfirmedEmployer(
  t: Pick<TestApp, 'dataSource' | 'config' | 'http'>,
  input: { email: string; password: string; displayName: string },
): Promise<{ accessToken: string; refreshToken: string; user: { id: string; role: string } }> {
  const api = new Api(t.http);
  ok(await api.signUpEmployer(input));
  const token = await signUpTokenFor(t, input.email);
  if (!token) throw new Error(`No sign-up mail to ${input.email} in the outbox`);
  return ok(await api.confirmEmployerSignUp(token)).confirmEmployerSignUp as never;
}
