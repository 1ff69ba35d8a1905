import type { Api } from './api';

// Sign-in by link, invitations and staff accounts (PEOPLE): helpers taking an Api.

type Vars = Record<string, unknown>;

export const PEOPLE_INVITATION_FIELDS = `id kind email displayName role status createdAt expiresAt
  acceptedAt revokedAt companyId companyCvr jobCentreId invitedBy { id displayName }`;
export const STAFF_USER_FIELDS =
  'id email displayName role preferredLanguage notificationMode disabledAt createdAt jobCentre { id }';
const PAYLOAD = `accessToken refreshToken expiresIn user { id email displayName role jobCentre { id } }`;

export const requestMagicLink = (api: Api, email: string) =>
  api.run(
    `mutation($input: RequestMagicLinkInput!) { requestMagicLink(input: $input) { message } }`,
    { input: { email } },
  );

export const redeemMagicLink = (api: Api, token: string) =>
  api.run(`mutation($input: SignInTokenInput!) { redeemMagicLink(input: $input) { ${PAYLOAD} } }`, {
    input: { token },
  });

/** acceptInvitation with the whole token pair (company-api's acceptInvitation asks for less). */
export const acceptInvitationPayload = (api: Api, token: string) =>
  api.run(
    `mutation($input: SignInTokenInput!) { acceptInvitation(input: $input) { ${PAYLOAD} } }`,
    { input: { token } },
  );

export const inviteStaff = (api: Api, input: Vars) =>
  api.run(
    `mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { ${PEOPLE_INVITATION_FIELDS} } }`,
    { input },
  );

export const invitations = (
  api: Api,
  args: { status?: string; first?: number; after?: string } = {},
) =>
  api.run(
    `query($status: InvitationStatus, $first: Int, $after: String) {
      invitations(status: $status, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { ${PEOPLE_INVITATION_FIELDS} } } } }`,
    args,
  );

export const revokeInvitation = (api: Api, id: string) =>
  api.run(`mutation($id: ID!) { revokeInvitation(id: $id) { ${PEOPLE_INVITATION_FIELDS} } }`, {
    id,
  });

export const resendInvitation = (api: Api, id: string) =>
  api.run(`mutation($id: ID!) { resendInvitation(id: $id) { ${PEOPLE_INVITATION_FIELDS} } }`, {
    id,
  });

export const users = (api: Api, args: { filter?: Vars; first?: number; after?: string } = {}) =>
  api.run(
    `query($filter: UserFilterInput, $first: Int, $after: String) {
      users(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { ${STAFF_USER_FIELDS} } } } }`,
    args,
  );

export const deactivateUser = (api: Api, id: string) =>
  api.run(`mutation($id: ID!) { deactivateUser(id: $id) { ${STAFF_USER_FIELDS} } }`, { id });

export const reactivateUser = (api: Api, id: string) =>
  api.run(`mutation($id: ID!) { reactivateUser(id: $id) { ${STAFF_USER_FIELDS} } }`, { id });

export const changeUserRole = (api: Api, id: string, role: string) =>
  api.run(
    `mutation($id: ID!, $role: Role!) { changeUserRole(id: $id, role: $role) { ${STAFF_USER_FIELDS} } }`,
    { id, role },
  );

export const updateNotificationSettings = (api: Api, input: Vars) =>
  api.run(
    `mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) {
      ${STAFF_USER_FIELDS} } }`,
    { input },
  );
