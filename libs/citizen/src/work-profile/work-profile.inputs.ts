import { GraphQLDate, IsIsoDate, Trim } from '@jobbro/core';
import {
  PlacementRequirement,
  PlacementRequirementGql,
  WorkingTimesInput,
} from '@jobbro/reference';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

@InputType()
export class RecordQualificationInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => PlacementRequirementGql, { description: 'See requirementCatalogue.' })
  @IsEnum(PlacementRequirement)
  qualification!: PlacementRequirement;
  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'When you saw it confirmed (a licence, a certificate); today if left out.',
  })
  @IsOptional()
  @IsIsoDate()
  confirmedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'E.g. how it was confirmed.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

@InputType()
export class RemoveQualificationInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => PlacementRequirementGql)
  @IsEnum(PlacementRequirement)
  qualification!: PlacementRequirement;
}

@InputType()
export class SetAvailabilityInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => WorkingTimesInput, {
    nullable: true,
    description: 'The days and hours the citizen can work; null when not known.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkingTimesInput)
  availability?: WorkingTimesInput | null;
}

/** What an employment says; recorded and corrected alike. */
@InputType({ isAbstract: true })
abstract class EmploymentFieldsInput {
  @Field(() => ID, { nullable: true, description: 'A partner company (or leave out and name it).' })
  @IsOptional()
  @IsUUID()
  companyId?: string | null;
  @Field(() => String, { nullable: true, description: 'An employer outside Jobbro.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  employerName?: string | null;
  @Field(() => String, { nullable: true, description: 'The employer’s CVR number (8 digits).' })
  @IsOptional()
  @Matches(/^\d{8}$/)
  cvr?: string | null;
  @Field(() => GraphQLDate) @IsIsoDate() startedOn!: string;
  @Field(() => GraphQLDate, { nullable: true, description: 'Leave out while the job goes on.' })
  @IsOptional()
  @IsIsoDate()
  endedOn?: string | null;
}

@InputType()
export class RecordEmploymentInput extends EmploymentFieldsInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
}

@InputType({ description: 'The employment corrected: every field as it should now read.' })
export class UpdateEmploymentInput extends EmploymentFieldsInput {
  @Field(() => ID) @IsUUID() id!: string;
}

@InputType()
export class RemoveEmploymentInput {
  @Field(() => ID) @IsUUID() id!: string;
}

@InputType()
export class RecordNoEmploymentInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'When it was confirmed with the citizen; today when left out.',
  })
  @IsOptional()
  @IsIsoDate()
  confirmedOn?: string | null;
}

@InputType()
export class RemoveNoEmploymentInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
}
