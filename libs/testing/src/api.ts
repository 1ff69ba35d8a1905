import type supertest from 'supertest';
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

type Vars = Record<string, unknown>;
type Res = Promise<GraphqlResponse<Record<string, any>>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One helper per GraphQL operation, so tests read as the journey they describe. */
export class Api {
  constructor(
    private readonly agent: () => supertest.Agent,
    private readonly token?: string,
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
  signUpEmployer(input: Vars): Res {
    return this.run(
      `mutation($input: SignUpEmployerInput!) { signUpEmployer(input: $input) { accessToken refreshToken user { id role } } }`,
      { input },
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
        partnerships { id status jobCentre { id name } } } }`,
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
}
