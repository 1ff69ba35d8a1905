import { OmittableNotNull, Trim } from '@jobbro/core';
import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { MeetingKind, MeetingKindGql } from '../citizen.enums';

const TIME =
  'An instant with its offset, e.g. 2026-12-03T10:00:00+01:00 (shown in Danish time in mails).';

@InputType()
export class ScheduleMeetingInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => MeetingKindGql) @IsEnum(MeetingKind) kind!: MeetingKind;
  @Field(() => GraphQLISODateTime, { description: TIME }) @IsDate() startsAt!: Date;
  @Field(() => GraphQLISODateTime, { description: TIME }) @IsDate() endsAt!: Date;
  @Field(() => String, { nullable: true, description: 'Where (an address or a room).' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  location?: string | null;
  @Field(() => [ID], {
    description: 'Professionals on the citizen’s team to invite (each gets a calendar invitation).',
  })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  participantUserIds!: string[];
  @Field({
    description:
      'Invite the citizen too (by mail only when they have a login and want e-mail contact).',
  })
  @IsBoolean()
  includeCitizen!: boolean;
}

@InputType()
export class RescheduleMeetingInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => GraphQLISODateTime, { description: TIME }) @IsDate() startsAt!: Date;
  @Field(() => GraphQLISODateTime, { description: TIME }) @IsDate() endsAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The new place; left out keeps the place, null clears it.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  location?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Left out keeps the participants.' })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  participantUserIds?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Left out keeps the choice.' })
  @OmittableNotNull()
  @IsBoolean()
  includeCitizen?: boolean;
}

@InputType()
export class CancelMeetingInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Why (kept with the meeting for the team, never mailed). No health or social details.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string | null;
}
