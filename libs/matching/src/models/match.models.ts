import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

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

@ObjectType('PlacementMatch')
export class PlacementMatchModel {
  @Field(() => ID) placementId!: string;
  @Field() title!: string;
  @Field(() => Float, { description: '0..100' }) score!: number;
  @Field(() => [MatchFactorModel]) factors!: MatchFactorModel[];
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
