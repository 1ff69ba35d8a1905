import { Connection, GraphQLDate } from '@jobbro/core';
import { Accommodation, AccommodationGql } from '@jobbro/reference';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  AssessorRole,
  AssessorRoleGql,
  AssignmentRole,
  AssignmentRoleGql,
  CitizenStatus,
  CitizenStatusGql,
  ConsentScope,
  ContactPreference,
  ContactPreferenceGql,
  ConsentScopeGql,
  MeetingKind,
  MeetingKindGql,
  MilestoneStatus,
  MilestoneStatusGql,
  ParticipantRole,
  ParticipantRoleGql,
} from '../citizen.enums';

@ObjectType('TeamMember', { description: 'A professional on the citizen’s team.' })
export class TeamMemberModel {
  @Field(() => ID) userId!: string;
  @Field() displayName!: string;
  @Field() email!: string;
  @Field(() => AssignmentRoleGql) role!: AssignmentRole;
}

@ObjectType('TargetGroupPeriod')
export class TargetGroupPeriodModel {
  @Field() targetGroup!: string;
  @Field() label!: string;
  @Field(() => GraphQLDate) validFrom!: string;
  @Field(() => GraphQLDate, { nullable: true }) validTo!: string | null;
}

@ObjectType('JobGoal', { description: 'A job goal written with the citizen (jobmål).' })
export class JobGoalModel {
  @Field(() => ID) id!: string;
  @Field(() => [ID]) occupationIds!: string[];
  @Field({ description: 'In the citizen’s own words.' }) ownWords!: string;
  @Field(() => Float, { nullable: true }) hoursNow!: number | null;
  @Field(() => Float, { nullable: true }) hoursLater!: number | null;
  @Field(() => Int, { nullable: true }) maxCommuteKm!: number | null;
  @Field(() => GraphQLDate, { nullable: true }) earliestStart!: string | null;
  @Field(() => String, { nullable: true }) conditions!: string | null;
  @Field(() => Int) priority!: number;
}

@ObjectType('CitizenNeeds')
export class NeedsModel {
  citizenId!: string;
  /** Whether the caller may see the special-category fields below (not in the schema). */
  specialCategoryVisible!: boolean;
  @Field(() => [AccommodationGql]) accommodations!: Accommodation[];
  // Special-category: resolved in special-category.resolver.ts.
  accommodationNotes!: string | null;
  functionalLimits!: string | null;
  supportNeeds!: string | null;
}

@ObjectType('Assessment', { description: 'A score on one dimension by one assessor on one date.' })
export class AssessmentModel {
  @Field(() => ID) id!: string;
  @Field() dimension!: string;
  @Field() label!: string;
  @Field(() => Int) scaleMax!: number;
  @Field() specialCategory!: boolean;
  @Field(() => AssessorRoleGql) assessorRole!: AssessorRole;
  @Field(() => Int) score!: number;
  @Field(() => GraphQLDate) assessedOn!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('Milestone')
export class MilestoneModel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => GraphQLDate, { nullable: true }) deadline!: string | null;
  @Field(() => MilestoneStatusGql) status!: MilestoneStatus;
}

@ObjectType('Activity')
export class ActivityModel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => GraphQLDate, { nullable: true }) startsOn!: string | null;
  @Field(() => GraphQLDate, { nullable: true }) endsOn!: string | null;
  @Field(() => String, { nullable: true }) responsible!: string | null;
}

@ObjectType('PlanRevision')
export class PlanRevisionModel {
  @Field(() => Int) version!: number;
  @Field(() => [String]) changedFields!: string[];
  @Field(() => GraphQLISODateTime) changedAt!: Date;
  @Field(() => String, { nullable: true }) changedBy!: string | null;
}

@ObjectType('Plan', {
  description: 'The individual plan (handleplan): long-term goal, milestones, activities.',
})
export class PlanModel {
  @Field(() => ID) citizenId!: string;
  @Field() longTermGoal!: string;
  @Field(() => [MilestoneModel]) milestones!: MilestoneModel[];
  @Field(() => [ActivityModel]) activities!: ActivityModel[];
  @Field(() => Int, { description: '0 before the first save; send as expectedVersion.' })
  version!: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
  @Field(() => [PlanRevisionModel]) revisions!: PlanRevisionModel[];
}

@ObjectType('Participant')
export class ParticipantModel {
  @Field() name!: string;
  @Field(() => ParticipantRoleGql) role!: ParticipantRole;
}

@ObjectType('Meeting')
export class MeetingModel {
  @Field(() => ID) id!: string;
  citizenId!: string;
  /** Whether the caller may see notes and decisions (not in the schema). */
  specialCategoryVisible!: boolean;
  @Field(() => MeetingKindGql) kind!: MeetingKind;
  @Field(() => GraphQLDate) heldOn!: string;
  @Field(() => [ParticipantModel]) participants!: ParticipantModel[];
  // Special-category: resolved in special-category.resolver.ts.
  notes!: string | null;
  decisions!: string | null;
  @Field(() => GraphQLDate, { nullable: true }) nextFollowUpOn!: string | null;
}

@ObjectType('RecordMeetingResult')
export class RecordMeetingResultModel {
  @Field(() => MeetingModel) meeting!: MeetingModel;
  @Field(() => [String], { description: 'E.g. who should have been at a start meeting.' })
  warnings!: string[];
}

@ObjectType('Consent', {
  description: 'What the citizen agreed to share with a company; withdrawable.',
})
export class ConsentModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) companyId!: string;
  @Field() companyName!: string;
  @Field(() => [ConsentScopeGql]) scopes!: ConsentScope[];
  @Field() purpose!: string;
  @Field(() => GraphQLISODateTime) grantedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) withdrawnAt!: Date | null;
}

@ObjectType('CitizenSummary', { description: 'A citizen in a list.' })
export class CitizenSummaryModel {
  @Field(() => ID) id!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field() postalCode!: string;
  @Field(() => Int) municipalityCode!: number;
  @Field(() => CitizenStatusGql) status!: CitizenStatus;
  createdAt!: Date;
}

@ObjectType()
export class CitizenConnection extends Connection(CitizenSummaryModel) {}

@ObjectType('Citizen', {
  description:
    'A citizen as the caller may see them: fields outside the caller’s need to know are null or empty.',
})
export class CitizenModel {
  @Field(() => ID) id!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field() postalCode!: string;
  @Field(() => Int) municipalityCode!: number;
  @Field(() => CitizenStatusGql) status!: CitizenStatus;
  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'From the CPR number; the number itself is never returned.',
  })
  birthDate!: string | null;
  @Field() hasCpr!: boolean;
  @Field(() => Int) version!: number;
  @Field(() => [TargetGroupPeriodModel]) targetGroups!: TargetGroupPeriodModel[];
  @Field(() => [TeamMemberModel]) team!: TeamMemberModel[];
  @Field(() => [JobGoalModel]) jobGoals!: JobGoalModel[];
  @Field(() => NeedsModel, {
    nullable: true,
    description:
      'Accommodations and needs; null until recorded, and for anyone other than staff of the citizen’s job centre, the citizen, or a company the citizen shared their needs with.',
  })
  needs!: NeedsModel | null;
  @Field(() => [AssessmentModel]) assessments!: AssessmentModel[];
  @Field(() => PlanModel, { nullable: true }) plan!: PlanModel | null;
  @Field(() => [MeetingModel]) meetings!: MeetingModel[];
  @Field(() => [ConsentModel]) consents!: ConsentModel[];
  @Field({
    description:
      'For staff of the citizen’s job centre who are not on the team: true when health or social data exists that you may not see (join the team to see it). Always false for everyone else: the citizen and the team see everything, and company users are never told whether such data exists.',
  })
  specialCategoryHidden!: boolean;
  @Field(() => ContactPreferenceGql, {
    nullable: true,
    description:
      'Whether Jobbro may e-mail the citizen (invitations, reminders); for staff and the citizen.',
  })
  contactPreference!: ContactPreference | null;
  @Field({
    description: 'The citizen has a Jobbro login (see inviteCitizen); false for company users.',
  })
  hasLogin!: boolean;
  /** Whether the caller may see the planned meetings (staff of the job centre, the citizen). */
  scheduledMeetingsVisible!: boolean;
  /** Whether the caller may see qualifications and employments (staff of the job centre, the citizen). */
  workProfileVisible!: boolean;
}

@ObjectType('FollowUpDue')
export class FollowUpDueModel {
  @Field(() => CitizenSummaryModel) citizen!: CitizenSummaryModel;
  @Field(() => GraphQLDate) dueOn!: string;
  @Field(() => Int, { description: 'Days past the follow-up date (0 = today).' })
  daysOverdue!: number;
}

@ObjectType('AccessLogEntry', {
  description: 'A lookup or change of your data: when, by whom (role), for what.',
})
export class AccessLogEntryModel {
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field() action!: string;
  @Field({ description: 'The operation, i.e. the purpose of the lookup.' }) operation!: string;
  @Field(() => String, { nullable: true }) userRole!: string | null;
  @Field(() => String, { nullable: true }) userName!: string | null;
  @Field() allowed!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'For a team change: the professional who was added or removed.',
  })
  teamMember!: string | null;
  @Field(() => AssignmentRoleGql, {
    nullable: true,
    description: 'For a team change: their role on your team.',
  })
  teamRole!: AssignmentRole | null;
  @Field(() => String, {
    nullable: true,
    description: 'For a team change: the reason given by whoever made it.',
  })
  reason!: string | null;
}

@ObjectType('AssessmentDimension')
export class AssessmentDimensionModel {
  @Field() code!: string;
  @Field() kind!: string;
  @Field() label!: string;
  @Field(() => Int) scaleMax!: number;
  @Field() specialCategory!: boolean;
}

@ObjectType('TargetGroup')
export class TargetGroupModel {
  @Field() code!: string;
  @Field() label!: string;
  @Field(() => GraphQLDate) validFrom!: string;
  @Field(() => GraphQLDate, { nullable: true }) validTo!: string | null;
}
