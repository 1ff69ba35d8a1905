import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ProposalStatusGql } from '@jobbro/proposal';

@ObjectType('MatchFactor', { description: 'One part of a match score, with a short reason.' })
export class MatchFactorModel {
  @Field() factor!: string;
  @Field(() => Float, { description: '0..1 before weighting.' }) value!: number;
  @Field(() => Float) weight!: number;
  @Field() reason!: string;
}

@ObjectType('HardFilter', {
  description: 'A condition a match must meet; failing one excludes it.',
})
export class HardFilterModel {
  @Field() filter!: string;
  @Field() passed!: boolean;
  @Field() reason!: string;
}

@ObjectType('PreviousProposal', {
  description:
    'The latest time this slot was proposed to this citizen, and how it stands or ended.',
})
export class PreviousProposalModel {
  @Field(() => ID) id!: string;
  @Field(() => ProposalStatusGql) status!: string;
  @Field() statusLabel!: string;
  @Field(() => String, { nullable: true }) reasonLabel!: string | null;
  @Field(() => GraphQLISODateTime) at!: Date;
}

@ObjectType('PlacementMatch')
export class PlacementMatchModel {
  @Field(() => ID) placementId!: string;
  @Field() title!: string;
  @Field(() => Float, { description: '0..100' }) score!: number;
  @Field(() => [MatchFactorModel]) factors!: MatchFactorModel[];
  @Field(() => Int, { description: 'Seats not held by bookings in the slot’s next period.' })
  freeSeats!: number;
  @Field(() => PreviousProposalModel, { nullable: true })
  previousProposal!: PreviousProposalModel | null;
}

@ObjectType('CitizenMatch')
export class CitizenMatchModel {
  @Field(() => ID) citizenId!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field(() => Float) score!: number;
  @Field(() => [MatchFactorModel]) factors!: MatchFactorModel[];
}

@ObjectType('MatchExplanation', {
  description: 'Every hard filter and every factor of one citizen x placement.',
})
export class MatchExplanationModel {
  @Field(() => ID) citizenId!: string;
  @Field(() => ID) placementId!: string;
  @Field({ description: 'True when every hard filter passes.' }) eligible!: boolean;
  @Field(() => Float) score!: number;
  @Field(() => [HardFilterModel]) hardFilters!: HardFilterModel[];
  @Field(() => [HardFilterModel], {
    description: 'The hard filters that failed (why it is excluded).',
  })
  failedFilters!: HardFilterModel[];
  @Field(() => [MatchFactorModel]) factors!: MatchFactorModel[];
}
