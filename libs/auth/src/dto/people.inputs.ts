import { type Language, NormalizeEmail, PageArgs, Role, RoleGql, Trim } from '@jobbro/core';
import { ArgsType, Field, InputType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { InvitationStatusGql } from '../invitations/invitation.model';
import type { InvitationStatus } from '../invitations/invitation.types';
import { NotificationModeGql } from '../models/user.model';

@InputType()
export class RequestMagicLinkInput {
  @Field() @NormalizeEmail() @IsEmail() @MaxLength(254) email!: string;
}

@InputType()
export class SignInTokenInput {
  @Field({ description: 'The token from the link (after #token=).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}

@InputType()
export class InviteStaffInput {
  @Field() @NormalizeEmail() @IsEmail() @MaxLength(254) email!: string;
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) displayName!: string;
  @Field(() => RoleGql, {
    description: 'JOB_CONSULTANT, CASEWORKER, SOCIAL_SUPPORT_WORKER or ADMINISTRATOR.',
  })
  @IsEnum(Role)
  role!: Role;
  @Field(() => String, { nullable: true, description: 'The mail’s language: da or en.' })
  @IsOptional()
  @IsIn(['da', 'en'])
  language?: Language | null;
}

@ArgsType()
export class InvitationsArgs extends PageArgs {
  @Field(() => InvitationStatusGql, { nullable: true })
  @IsOptional()
  @IsIn(['pending', 'accepted', 'expired', 'revoked'])
  status?: InvitationStatus | null;
}

@InputType()
export class UserFilterInput {
  @Field(() => RoleGql, { nullable: true }) @IsOptional() @IsEnum(Role) role?: Role | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only active (true) or deactivated (false).',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the name or email.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilterInput)
  filter?: UserFilterInput | null;
}

@InputType()
export class NotificationSettingsInput {
  @Field(() => NotificationModeGql) @IsIn(['immediate', 'daily_digest']) mode!:
    'immediate' | 'daily_digest';
  @Field(() => String, { nullable: true, description: 'da or en (unchanged when left out).' })
  @IsOptional()
  @IsIn(['da', 'en'])
  language?: Language | null;
}
