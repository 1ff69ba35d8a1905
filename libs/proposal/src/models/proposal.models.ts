import { AccommodationGql } from '@jobbro/reference';
import { RuleCheckModel } from '@jobbro/rules';
import { Connection, GraphQLDate, graphqlEnum, RoleGql } from '@jobbro/core';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  AnswerChannelGql,
  ProposalActorGql,
  ProposalReasonGql,
  ProposalStatusGql,
  ShareScopeGql,
} from '../proposal.enums';

/** The transitions, as the API offers them to a viewer (`availableActions`). */
export enum ProposalActionName {
  CitizenAccept = 'citizen_accept',
  CitizenDecline = 'citizen_decline',
  EmployerAccept = 'employer_accept',
  EmployerDecline = 'employer_decline',
  Book = 'book',
  Withdraw = 'withdraw',
}
export const ProposalActionGql = graphqlEnum(ProposalActionName, 'ProposalAction');

@ObjectType('ProposalPlacement', { description: 'The slot a proposal is about.' })
export class ProposalPlacementModel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() typeLabel!: string;
  @Field(() => ID) companyId!: string;
  @Field() companyName!: string;
}

@ObjectType('ProposalCitizen', { description: 'Staff only: whom the proposal is for.' })
export class ProposalCitizenModel {
  @Field(() => ID) id!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
}

@ObjectType('SharedAvailability')
export class SharedAvailabilityModel {
  @Field(() => Float, { nullable: true }) hoursNow!: number | null;
  @Field(() => Float, { nullable: true }) hoursLater!: number | null;
  @Field(() => GraphQLDate, { nullable: true }) earliestStart!: string | null;
}

@ObjectType('SharedProfile', {
  description:
    'Exactly what the citizen chose to share with the employer when accepting; a field not shared is null.',
})
export class SharedProfileModel {
  @Field(() => String, { nullable: true }) firstName!: string | null;
  @Field(() => String, { nullable: true }) goalInOwnWords!: string | null;
  @Field(() => [AccommodationGql], { nullable: true }) accommodations!: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'The accommodations’ labels in the reader’s language.',
  })
  accommodationLabels!: string[] | null;
  @Field(() => SharedAvailabilityModel, { nullable: true })
  availability!: SharedAvailabilityModel | null;
}

@ObjectType('ProposalEvent', { description: 'One step in a proposal’s history.' })
export class ProposalEventModel {
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => ProposalStatusGql, { nullable: true }) fromStatus!: string | null;
  @Field(() => ProposalStatusGql) toStatus!: string;
  @Field(() => ProposalActorGql) actor!: string;
  @Field(() => RoleGql, { nullable: true }) actorRole!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Who acted (staff and the employer’s own people only).',
  })
  actorName!: string | null;
  @Field({ description: 'The citizen’s answer was recorded by a consultant on their behalf.' })
  onBehalf!: boolean;
  @Field(() => AnswerChannelGql, { nullable: true }) channel!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt!: Date | null;
  @Field(() => ProposalReasonGql, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) reasonLabel!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [ShareScopeGql], { nullable: true }) shareScopes!: string[] | null;
  @Field({ description: 'The step in one plain sentence, in the reader’s language.' })
  text!: string;
}

@ObjectType('ProposalReasonOption', {
  description: 'A coded reason with its label in the reader’s language.',
})
export class ProposalReasonOptionModel {
  @Field(() => ProposalReasonGql) code!: string;
  @Field() label!: string;
}

@ObjectType('Proposal', {
  description:
    'A slot proposed to a citizen for a period: to the citizen, then the employer, then booked. Each viewer sees their part: the employer only what the citizen shared.',
})
export class ProposalModel {
  @Field(() => ID) id!: string;
  @Field(() => ProposalStatusGql) status!: string;
  @Field() statusLabel!: string;
  @Field(() => GraphQLDate) start!: string;
  @Field(() => GraphQLDate) end!: string;
  @Field(() => Float) weeklyHours!: number;
  @Field(() => ProposalPlacementModel) placement!: ProposalPlacementModel;
  @Field(() => ProposalCitizenModel, { nullable: true }) citizen!: ProposalCitizenModel | null;
  @Field(() => [ShareScopeGql]) shareScopes!: string[];
  @Field(() => SharedProfileModel, { nullable: true }) sharedProfile!: SharedProfileModel | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the awaited answer is due.',
  })
  answerDueAt!: Date | null;
  @Field(() => Int, { description: 'Whole days since it was proposed.' }) ageDays!: number;
  @Field(() => ProposalReasonGql, { nullable: true }) closingReason!: string | null;
  @Field(() => String, { nullable: true }) closingReasonLabel!: string | null;
  @Field(() => [ProposalActionGql], { description: 'What the caller may do now.' })
  availableActions!: ProposalActionName[];
  @Field(() => [ProposalReasonGql], {
    description: 'The reasons the caller may give to decline or withdraw.',
  })
  closingReasons!: string[];
  @Field(() => [ProposalReasonOptionModel], {
    description:
      'The reasons the caller may give to decline (empty when they may not decline now).',
  })
  declineReasons!: ProposalReasonOptionModel[];
  @Field(() => [ProposalReasonOptionModel], {
    description:
      'The reasons the caller may give to withdraw (empty when they may not withdraw now).',
  })
  withdrawReasons!: ProposalReasonOptionModel[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  /** Internal: for the history resolver. */
  viewer!: 'staff' | 'citizen' | 'employer';
}

@ObjectType('ProposalConnection')
export class ProposalConnection extends Connection(ProposalModel) {}

@ObjectType('ProposalRuleCheck', {
  description:
    'A rule’s check of a proposal at its planned dates, with the reason it was gone past if it was.',
})
export class ProposalRuleCheckModel extends RuleCheckModel {
  @Field(() => String, { nullable: true }) overrideReason!: string | null;
  @Field(() => String, { nullable: true }) overriddenBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) overriddenAt!: Date | null;
}
