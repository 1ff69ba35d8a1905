import {
  GraphQLDate,
  IsIsoDate,
  NormalizeEmail,
  OmittableNotNull,
  PageArgs,
  Trim,
} from '@jobbro/core';
import { Accommodation, AccommodationGql } from '@jobbro/reference';
import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
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
  AssignmentRole,
  AssignmentRoleGql,
  CitizenStatus,
  CitizenStatusGql,
  ConsentScope,
  ConsentScopeGql,
  ContactPreference,
  ContactPreferenceGql,
  MeetingKind,
  MeetingKindGql,
  MilestoneStatus,
  MilestoneStatusGql,
  ParticipantRole,
  ParticipantRoleGql,
} from '../citizen.enums';

/** A phone number; the column holds 30 characters, so MaxLength(30) goes with it (+ and 30 digits fit the pattern). */
const PHONE = /^\+?[0-9 ()-]{6,30}$/;

@InputType()
export class CreateCitizenInput {
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) firstName!: string;
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) lastName!: string;
  @Field({ nullable: true })
  @IsOptional()
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email?: string;
  @Field({ nullable: true }) @IsOptional() @Trim() @Matches(PHONE) @MaxLength(30) phone?: string;
  @Field() @Matches(/^\d{4}$/) postalCode!: string;
  @Field({
    nullable: true,
    description: 'CPR number (DDMMYY-SSSS); stored encrypted, never returned.',
  })
  @IsOptional()
  @Matches(/^\d{6}-?\d{4}$/)
  cpr?: string;
  @Field({ nullable: true, description: 'Target group code (see targetGroups).' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  targetGroup?: string;
}

@InputType()
export class UpdateCitizenInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) expectedVersion?: number;
  @Field({ nullable: true })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName?: string;
  @Field({ nullable: true })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Matches(PHONE)
  @MaxLength(30)
  phone?: string | null;
  @Field({ nullable: true }) @OmittableNotNull() @Matches(/^\d{4}$/) postalCode?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{6}-?\d{4}$/) cpr?: string;
  @Field(() => CitizenStatusGql, { nullable: true })
  @OmittableNotNull()
  @IsEnum(CitizenStatus)
  status?: CitizenStatus;
  @Field(() => ContactPreferenceGql, {
    nullable: true,
    description: 'Whether Jobbro may e-mail the citizen (agree it with them).',
  })
  @OmittableNotNull()
  @IsEnum(ContactPreference)
  contactPreference?: ContactPreference;
}

@InputType()
export class SetMyContactPreferenceInput {
  @Field(() => ContactPreferenceGql, {
    description: 'EMAIL: meeting invitations and reminders by e-mail; NONE: no e-mail.',
  })
  @IsEnum(ContactPreference)
  preference!: ContactPreference;
}

@InputType()
export class InviteCitizenInput {
  /**
   * Only the citizen: the invitation goes to the address on record (whoever accepts becomes the
   * citizen). Changing the address is updateCitizen, audited like any other change.
   */
  @Field(() => ID) @IsUUID() citizenId!: string;
}

@InputType()
export class SetTargetGroupInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field() @IsString() @MaxLength(40) targetGroup!: string;
  @Field(() => GraphQLDate) @IsIsoDate() validFrom!: string;
}

@InputType()
export class TeamMemberInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => ID) @IsUUID() userId!: string;
  @Field(() => AssignmentRoleGql) @IsEnum(AssignmentRole) role!: AssignmentRole;
  @Field({
    description:
      'Why the team changes (required, at most 500 characters). The citizen sees it in their access log.',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

@InputType()
class JobGoalFields {
  @Field(() => [ID], { nullable: true, description: 'ESCO occupations (see occupations).' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  occupationIds?: string[];
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(1) @Max(48) hoursNow?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(1) @Max(48) hoursLater?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(300) maxCommuteKm?:
    number | null;
  @Field(() => GraphQLDate, { nullable: true }) @IsOptional() @IsIsoDate() earliestStart?:
    string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  conditions?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(10) priority?: number;
}

@InputType()
export class AddJobGoalInput extends JobGoalFields {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field({ description: 'The goal in the citizen’s own words.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  ownWords!: string;
}

@InputType()
export class UpdateJobGoalInput extends JobGoalFields {
  @Field(() => ID) @IsUUID() id!: string;
  @Field({ nullable: true })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  ownWords?: string;
}

@InputType()
export class UpdateNeedsInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => [AccommodationGql])
  @ArrayMaxSize(20)
  @IsEnum(Accommodation, { each: true })
  accommodations!: Accommodation[];
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  accommodationNotes?: string | null;
  @Field(() => String, { nullable: true, description: 'Special-category (health).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  functionalLimits?: string | null;
  @Field(() => String, { nullable: true, description: 'Special-category (social).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  supportNeeds?: string | null;
}

@InputType()
export class RecordAssessmentInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field({ description: 'Dimension code (see assessmentDimensions).' })
  @IsString()
  @MaxLength(40)
  dimension!: string;
  @Field(() => Int) @Min(1) @Max(10) score!: number;
  @Field(() => GraphQLDate) @IsIsoDate() assessedOn!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class MilestoneInput {
  @Field(() => ID, { nullable: true, description: 'Keep the id of an existing milestone.' })
  @IsOptional()
  @IsUUID()
  id?: string;
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(300) title!: string;
  @Field(() => GraphQLDate, { nullable: true }) @IsOptional() @IsIsoDate() deadline?: string | null;
  @Field(() => MilestoneStatusGql, { nullable: true })
  @IsOptional()
  @IsEnum(MilestoneStatus)
  status?: MilestoneStatus;
}

@InputType()
export class ActivityInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() id?: string;
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(300) title!: string;
  @Field(() => GraphQLDate, { nullable: true }) @IsOptional() @IsIsoDate() startsOn?: string | null;
  @Field(() => GraphQLDate, { nullable: true }) @IsOptional() @IsIsoDate() endsOn?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  responsible?: string | null;
}

@InputType()
export class UpdatePlanInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => Int, {
    description: 'The version you edited (0 before the first save); CONFLICT if it changed.',
  })
  @Min(0)
  expectedVersion!: number;
  @Field({ nullable: true })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @MaxLength(2000)
  longTermGoal?: string;
  @Field(() => [MilestoneInput], { nullable: true })
  @OmittableNotNull()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneInput)
  milestones?: MilestoneInput[];
  @Field(() => [ActivityInput], { nullable: true })
  @OmittableNotNull()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ActivityInput)
  activities?: ActivityInput[];
}

@InputType()
export class ParticipantInput {
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field(() => ParticipantRoleGql) @IsEnum(ParticipantRole) role!: ParticipantRole;
}

@InputType()
export class RecordMeetingInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => MeetingKindGql) @IsEnum(MeetingKind) kind!: MeetingKind;
  @Field(() => GraphQLDate) @IsIsoDate() heldOn!: string;
  @Field(() => [ParticipantInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ParticipantInput)
  participants!: ParticipantInput[];
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  decisions?: string | null;
  @Field(() => GraphQLDate, { nullable: true }) @IsOptional() @IsIsoDate() nextFollowUpOn?:
    string | null;
}

@InputType()
export class GrantConsentInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => ID) @IsUUID() companyId!: string;
  @Field(() => [ConsentScopeGql])
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsEnum(ConsentScope, { each: true })
  scopes!: ConsentScope[];
  @Field({ description: 'Why the data is shared, in plain words.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  purpose!: string;
}

@InputType()
export class CitizenFilter {
  @Field({ nullable: true }) @IsOptional() @Trim() @IsString() @MaxLength(100) search?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() assignedToMe?: boolean;
  @Field(() => CitizenStatusGql, { nullable: true })
  @IsOptional()
  @IsEnum(CitizenStatus)
  status?: CitizenStatus;
  @Field({
    nullable: true,
    description: 'Only citizens whose target group today is this one (a code, see targetGroups).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  targetGroup?: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'Only citizens whose current target-group period started more than this many months ago (0: any current group).',
  })
  @IsOptional()
  @Min(0)
  @Max(600)
  inCurrentGroupForMoreThanMonths?: number;
}

@ArgsType()
export class AccessLogArgs {
  @Field(() => Int, { defaultValue: 100, description: 'How many entries, newest first (1-500).' })
  @Min(1)
  @Max(500)
  first: number = 100;
}

@ArgsType()
export class CitizensArgs extends PageArgs {
  @Field(() => CitizenFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CitizenFilter)
  filter?: CitizenFilter;
}
