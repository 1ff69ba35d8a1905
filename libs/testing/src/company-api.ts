import type { Api } from './api';

// Company editing, company people and slots on behalf: helpers taking an Api.

type Vars = Record<string, unknown>;

export const SITE_FIELDS =
  'id name streetAddress postalCode municipalityCode latitude longitude pNumber removedAt';
export const MENTOR_FIELDS = 'id name email phone capacity siteId hasLogin deactivatedAt';
export const INVITATION_FIELDS =
  'id kind email displayName role status companyId companyCvr jobCentreId invitedBy { id displayName }';
const ACTOR = 'displayName onBehalf jobCentreId jobCentreName';
export const PLACEMENT_HISTORY_FIELDS = `id title status version
  createdBy { ${ACTOR} } lastChangedBy { ${ACTOR} }
  changes { version action changedFields at by { ${ACTOR} } }`;

export const updateSite = (api: Api, input: Vars) =>
  api.run(`mutation($input: UpdateSiteInput!) { updateSite(input: $input) { ${SITE_FIELDS} } }`, {
    input,
  });

export const removeSite = (api: Api, id: string) =>
  api.run(`mutation($id: ID!) { removeSite(id: $id) { ${SITE_FIELDS} } }`, { id });

export const updateMentor = (api: Api, input: Vars) =>
  api.run(
    `mutation($input: UpdateMentorInput!) { updateMentor(input: $input) { ${MENTOR_FIELDS} } }`,
    { input },
  );

export const deactivateMentor = (api: Api, id: string) =>
  api.run(`mutation($id: ID!) { deactivateMentor(id: $id) { ${MENTOR_FIELDS} } }`, { id });

export const addMentorWith = (api: Api, input: Vars) =>
  api.run(`mutation($input: AddMentorInput!) { addMentor(input: $input) { ${MENTOR_FIELDS} } }`, {
    input,
  });

export const inviteCompanyUser = (api: Api, input: Vars) =>
  api.run(
    `mutation($input: InviteCompanyUserInput!) { inviteCompanyUser(input: $input) { ${INVITATION_FIELDS} } }`,
    { input },
  );

export const addCompanyAdmin = (api: Api, input: Vars) =>
  api.run(
    `mutation($input: AddCompanyAdminInput!) { addCompanyAdmin(input: $input) { ${INVITATION_FIELDS} } }`,
    { input },
  );

export const removeCompanyAdmin = (api: Api, companyId: string, userId: string) =>
  api.run(
    `mutation($companyId: ID!, $userId: ID!) { removeCompanyAdmin(companyId: $companyId, userId: $userId) {
      id admins { userId displayName } } }`,
    { companyId, userId },
  );

export const inviteMentor = (api: Api, mentorId: string) =>
  api.run(
    `mutation($mentorId: ID!) { inviteMentor(mentorId: $mentorId) { ${INVITATION_FIELDS} } }`,
    { mentorId },
  );

export const companyRegistrationInvite = (api: Api) =>
  api.run(`{ companyRegistrationInvite { jobCentreId jobCentreName cvr } }`);

export const acceptInvitation = (api: Api, token: string) =>
  api.run(
    `mutation($input: SignInTokenInput!) { acceptInvitation(input: $input) {
      accessToken user { id email role displayName } } }`,
    { input: { token } },
  );

export const companyPeople = (api: Api, id: string, includeDeactivated = false) =>
  api.run(
    `query($id: ID!, $all: Boolean) { company(id: $id) { id
      sites { ${SITE_FIELDS} }
      mentors(includeDeactivated: $all) { ${MENTOR_FIELDS} }
      admins { userId displayName email } } }`,
    { id, all: includeDeactivated },
  );

export const placementHistory = (api: Api, id: string) =>
  api.run(`query($id: ID!) { placement(id: $id) { ${PLACEMENT_HISTORY_FIELDS} } }`, { id });
