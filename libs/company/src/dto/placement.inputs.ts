import { GraphQLDate, IsIsoDate, OmittableNotNull, PageArgs, Trim } from '@jobbro/core';
import {
  Accommodation,
  PlacementRequirement,
  AccommodationGql,
  PlacementRequirementGql,
  WorkingTimesInput,
} from '@jobbro/reference';
import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  PlacementStatus,
  PlacementType,
  PlacementTypeGql,
  PlacementStatusGql,
} from '../company.enums';

@InputType({ description: 'Whether and when paid ordinary hours are possible (JobFirst).' })
export class OrdinaryHoursPathInput {
  @Field() @IsBoolean() possible!: boolean;
  @Field(() => Int, { nullable: true, description: 'After how many weeks.' })
  @IsOptional()
  @Min(0)
  @Max(104)
  afterWeeks?: number | null;
  @Field(() => Float, { nullable: true, description: 'How many paid hours per week.' })
  @IsOptional()
  @Min(0.5)
  @Max(48)
  hoursPerWeek?: number | null;
}

/** Fields shared by create and update; on update every field is optional. */
@InputType({ isAbstract: true })
class PlacementFields {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() siteId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() mentorId?: string | null;
  @Field({ nullable: true }) @OmittableNotNull() @IsString() @MaxLength(5000) description?: string;
  @Field(() => [String], { nullable: true, description: 'Concrete tasks, one per item.' })
  @OmittableNotNull()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  tasks?: string[];
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  scheduleNotes?: string | null;
  @Field(() => WorkingTimesInput, {
    nullable: true,
    description:
      'The weekdays the work needs (all of them) and its hours, beside the free-text schedule notes; matching keeps away citizens who cannot work them. Null clears them.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkingTimesInput)
  workingTimes?: WorkingTimesInput | null;
  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  startLatest?: string | null;
  @Field(() => [AccommodationGql], { nullable: true })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @IsEnum(Accommodation, { each: true })
  accommodations?: Accommodation[];
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  accommodationNotes?: string | null;
  @Field(() => [PlacementRequirementGql], { nullable: true })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @IsEnum(PlacementRequirement, { each: true })
  requirements?: PlacementRequirement[];
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  requirementNotes?: string | null;
  @Field(() => OrdinaryHoursPathInput, { nullable: true })
  @OmittableNotNull()
  @ValidateNested()
  @Type(() => OrdinaryHoursPathInput)
  ordinaryHoursPath?: OrdinaryHoursPathInput;
}

@InputType()
export class CreatePlacementInput extends PlacementFields {
  @Field(() => ID) @IsUUID() companyId!: string;
  @Field(() => PlacementTypeGql) @IsEnum(PlacementType) type!: PlacementType;
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @Field(() => ID, { description: 'An ESCO occupation id (see the occupations query).' })
  @IsUUID()
  occupationId!: string;
  @Field(() => Float) @Min(0.5) @Max(48) weeklyHoursMin!: number;
  @Field(() => Float) @Min(0.5) @Max(48) weeklyHoursMax!: number;
  @Field(() => GraphQLDate) @IsIsoDate() startEarliest!: string;
  @Field(() => Int) @Min(1) @Max(104) durationWeeks!: number;
  @Field(() => Int, { description: 'Citizens at once.' }) @Min(1) @Max(100) capacity!: number;
}

@InputType()
export class UpdatePlacementInput extends PlacementFields {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'The version you edited; CONFLICT if it changed.',
  })
  @OmittableNotNull()
  @Min(1)
  expectedVersion?: number;
  @Field(() => PlacementTypeGql, { nullable: true })
  @OmittableNotNull()
  @IsEnum(PlacementType)
  type?: PlacementType;
  @Field({ nullable: true })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;
  @Field(() => ID, { nullable: true }) @OmittableNotNull() @IsUUID() occupationId?: string;
  @Field(() => Float, { nullable: true })
  @OmittableNotNull()
  @Min(0.5)
  @Max(48)
  weeklyHoursMin?: number;
  @Field(() => Float, { nullable: true })
  @OmittableNotNull()
  @Min(0.5)
  @Max(48)
  weeklyHoursMax?: number;
  @Field(() => GraphQLDate, { nullable: true })
  @OmittableNotNull()
  @IsIsoDate()
  startEarliest?: string;
  @Field(() => Int, { nullable: true })
  @OmittableNotNull()
  @Min(1)
  @Max(104)
  durationWeeks?: number;
  @Field(() => Int, { nullable: true }) @OmittableNotNull() @Min(1) @Max(100) capacity?: number;
}

@InputType()
export class PlacementFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() companyId?: string;
  @Field(() => [PlacementStatusGql], { nullable: true })
  @IsOptional()
  @IsEnum(PlacementStatus, { each: true })
  statuses?: PlacementStatus[];
  @Field(() => [PlacementTypeGql], { nullable: true })
  @IsOptional()
  @IsEnum(PlacementType, { each: true })
  types?: PlacementType[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() occupationId?: string;
  @Field({ nullable: true, description: 'ISCO-08 code at any level (1 to 4 digits).' })
  @IsOptional()
  @Matches(/^\d{1,4}$/)
  iscoCode?: string;
  @Field(() => Int, { nullable: true, description: 'Kommunekode, e.g. 101 for København.' })
  @IsOptional()
  @Min(100)
  @Max(999)
  municipalityCode?: number;
}

@ArgsType()
export class PlacementsArgs extends PageArgs {
  @Field(() => PlacementFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlacementFilter)
  filter?: PlacementFilter;
}
