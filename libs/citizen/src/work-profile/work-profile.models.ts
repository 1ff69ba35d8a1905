import { GraphQLDate } from '@jobbro/core';
import { PlacementRequirement, PlacementRequirementGql } from '@jobbro/reference';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Qualification', {
  description:
    'A requirement-catalogue item the citizen meets (driving licence, spoken Danish...), with who confirmed it and when.',
})
export class QualificationModel {
  @Field(() => PlacementRequirementGql) qualification!: PlacementRequirement;
  @Field({ description: 'In the caller’s language.' }) label!: string;
  @Field(() => GraphQLDate) confirmedOn!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Who confirmed it (null if that account is gone).',
  })
  confirmedBy!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('Employment', { description: 'A job the citizen has had (or has).' })
export class EmploymentModel {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The partner company, when it is one.' })
  companyId!: string | null;
  @Field({ description: 'The partner company’s name, or the employer’s name as recorded.' })
  employerName!: string;
  @Field(() => String, { nullable: true }) cvr!: string | null;
  @Field(() => GraphQLDate) startedOn!: string;
  @Field(() => GraphQLDate, { nullable: true, description: 'Null while the job goes on.' })
  endedOn!: string | null;
  @Field(() => String, { nullable: true }) recordedBy!: string | null;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Who last corrected it, if anyone.' })
  updatedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
}

@ObjectType('NoEmployment', {
  description:
    'The citizen has had no employment, as confirmed by a professional: the rule “no internship at the most recent employer” then has no employer to exclude.',
})
export class NoEmploymentModel {
  @Field(() => GraphQLDate) confirmedOn!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Who confirmed it (null if that account is gone).',
  })
  confirmedBy!: string | null;
}
