import type { Api } from './api';
import type { GraphqlResponse } from './graphql';

type Vars = Record<string, unknown>;
type Res = Promise<GraphqlResponse<Record<string, any>>>; // eslint-disable-line @typescript-eslint/no-explicit-any

// The citizen side: planned meetings, invitations to a citizen login, contact preference.

export const SCHEDULED_MEETING_FIELDS = `id kind startsAt endsAt location includeCitizen sequence cancelled
  cancelledAt cancelReason organizerName participants { userId displayName }`;

export const scheduleMeeting = (api: Api, input: Vars): Res =>
  api.run(
    `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${SCHEDULED_MEETING_FIELDS} } }`,
    { input },
  );

export const rescheduleMeeting = (api: Api, input: Vars): Res =>
  api.run(
    `mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { ${SCHEDULED_MEETING_FIELDS} } }`,
    { input },
  );

export const cancelMeeting = (api: Api, input: Vars): Res =>
  api.run(
    `mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { ${SCHEDULED_MEETING_FIELDS} } }`,
    { input },
  );

export const scheduledMeetingsOf = (api: Api, citizenId: string): Res =>
  api.run(
    `query($id: ID!) { citizen(id: $id) { id contactPreference hasLogin scheduledMeetings { ${SCHEDULED_MEETING_FIELDS} } } }`,
    { id: citizenId },
  );

export const myScheduledMeetings = (api: Api): Res =>
  api.run(
    `{ myProfile { id contactPreference hasLogin scheduledMeetings { ${SCHEDULED_MEETING_FIELDS} } } }`,
  );

export const inviteCitizen = (api: Api, input: Vars): Res =>
  api.run(
    `mutation($input: InviteCitizenInput!) { inviteCitizen(input: $input) {
      id kind email displayName role status jobCentreId invitedBy { id displayName } } }`,
    { input },
  );

export const setMyContactPreference = (api: Api, preference: string): Res =>
  api.run(
    `mutation($input: SetMyContactPreferenceInput!) { setMyContactPreference(input: $input) { id contactPreference } }`,
    { input: { preference } },
  );
