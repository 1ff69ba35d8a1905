import { graphqlEnum } from '@jobbro/core';

export enum CitizenStatus {
  Active = 'active',
  Paused = 'paused',
  Closed = 'closed',
}
export const CitizenStatusGql = graphqlEnum(CitizenStatus, 'CitizenStatus');

/** A professional's role on a citizen's team. */
export enum AssignmentRole {
  Consultant = 'consultant',
  Caseworker = 'caseworker',
  SocialSupport = 'social_support',
}
export const AssignmentRoleGql = graphqlEnum(
  AssignmentRole,
  'AssignmentRole',
  'consultant, caseworker, social_support (CTI)',
);

export enum AssessorRole {
  Citizen = 'citizen',
  Consultant = 'consultant',
  Mentor = 'mentor',
}
export const AssessorRoleGql = graphqlEnum(AssessorRole, 'AssessorRole');

export enum MeetingKind {
  Start = 'start',
  FollowUp = 'follow_up',
  Network = 'network',
  Status = 'status',
}
export const MeetingKindGql = graphqlEnum(
  MeetingKind,
  'MeetingKind',
  'opstartsmøde, opfølgning, netværksmøde, statusmøde',
);

/** Who takes part in a meeting, by role (the seeds name the roles a start meeting needs). */
export enum ParticipantRole {
  Citizen = 'citizen',
  Caseworker = 'caseworker',
  SocialSupport = 'social_support',
  CompanyConsultant = 'company_consultant',
  JobConsultant = 'job_consultant',
  Mentor = 'mentor',
  Employer = 'employer',
  Other = 'other',
}
export const ParticipantRoleGql = graphqlEnum(ParticipantRole, 'ParticipantRole');

export enum MilestoneStatus {
  Open = 'open',
  Reached = 'reached',
  Missed = 'missed',
  Dropped = 'dropped',
}
export const MilestoneStatusGql = graphqlEnum(MilestoneStatus, 'MilestoneStatus');

/** What a citizen can agree to share with a company. Special-category data is never shareable. */
export enum ConsentScope {
  Profile = 'profile',
  JobGoals = 'job_goals',
  Needs = 'needs',
  Plan = 'plan',
  Assessments = 'assessments',
}
export const ConsentScopeGql = graphqlEnum(ConsentScope, 'ConsentScope');

/** Whether Jobbro may e-mail the citizen (meeting invitations, reminders); staff or the citizen set it. */
export enum ContactPreference {
  Email = 'email',
  None = 'none',
}
export const ContactPreferenceGql = graphqlEnum(
  ContactPreference,
  'ContactPreference',
  'email: invitations and reminders by e-mail; none: no e-mail to the citizen',
);
