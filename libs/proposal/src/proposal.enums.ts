import { graphqlEnum } from '@jobbro/core';

/**
 * A proposal's life: proposed to the citizen -> the citizen accepts (choosing what to share) ->
 * proposed to the employer -> the employer accepts -> booked. The last five are closed.
 */
export enum ProposalStatus {
  ProposedToCitizen = 'proposed_to_citizen',
  ProposedToEmployer = 'proposed_to_employer',
  AcceptedByEmployer = 'accepted_by_employer',
  Booked = 'booked',
  DeclinedByCitizen = 'declined_by_citizen',
  DeclinedByEmployer = 'declined_by_employer',
  Withdrawn = 'withdrawn',
  Expired = 'expired',
  Obsolete = 'obsolete',
}
export const ProposalStatusGql = graphqlEnum(ProposalStatus, 'ProposalStatus');

/** Who may make a transition: the citizen (or staff recording the citizen's answer), the employer, staff, or the system. */
export enum ProposalActor {
  Citizen = 'citizen',
  Employer = 'employer',
  Consultant = 'consultant',
  System = 'system',
}
export const ProposalActorGql = graphqlEnum(ProposalActor, 'ProposalActor');

/**
 * What a citizen may share with the employer when accepting: a minimal profile, never health or
 * social data (GDPR art. 9) and never the CPR number.
 */
export enum ShareScope {
  FirstName = 'first_name',
  GoalInOwnWords = 'goal_in_own_words',
  Accommodations = 'accommodations',
  Availability = 'availability',
}
export const ShareScopeGql = graphqlEnum(
  ShareScope,
  'ShareScope',
  'What the citizen shares with the employer: first name, the goal in their own words, needed accommodations (as catalogue codes), availability.',
);

/** How a consultant received the citizen's answer when recording it on their behalf. */
export enum AnswerChannel {
  Meeting = 'meeting',
  Phone = 'phone',
  Writing = 'writing',
}
export const AnswerChannelGql = graphqlEnum(AnswerChannel, 'AnswerChannel');

/** The coded reasons a proposal closes with, per kind of closing. */
export enum ProposalReason {
  // The citizen declines.
  NotInterested = 'not_interested',
  Timing = 'timing',
  Transport = 'transport',
  WorkingHours = 'working_hours',
  HealthOrPersonal = 'health_or_personal',
  // The employer declines.
  NoCapacity = 'no_capacity',
  ProfileMismatch = 'profile_mismatch',
  SlotChanged = 'slot_changed',
  // The consultant withdraws.
  CitizenChangedPlans = 'citizen_changed_plans',
  BetterMatch = 'better_match',
  EnteredError = 'entered_in_error',
  // The system.
  NoAnswer = 'no_answer',
  BookedElsewhere = 'booked_elsewhere',
  Other = 'other',
}
export const ProposalReasonGql = graphqlEnum(ProposalReason, 'ProposalReason');

export enum EmployerAnswer {
  Accept = 'accept',
  Decline = 'decline',
}
export const EmployerAnswerGql = graphqlEnum(EmployerAnswer, 'EmployerAnswer');
