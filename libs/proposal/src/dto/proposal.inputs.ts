import { applyDecorators } from '@nestjs/common';
import { GraphQLDate, IsIsoDate, PageArgs, Trim } from '@jobbro/core';
import { LegalRuleCodeGql, RULE_CODES, type RuleCode } from '@jobbro/rules';
import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsDate,
  IsEnum,
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
  AnswerChannel,
  AnswerChannelGql,
  EmployerAnswer,
  EmployerAnswerGql,
  ProposalReason,
  ProposalReasonGql,
  ProposalStatus,
  ProposalStatusGql,
  ShareScope,
  ShareScopeGql,
} from '../proposal.enums';

const IDEMPOTENCY_KEY = {
  nullable: true,
  description:
    'Any unique string (8-100 characters, e.g. a UUID) per intended action: repeating the request with the same key returns the first result and creates nothing new.',
};

/** An idempotency key: printable, 8 to 100 characters. */
function IdempotencyKey(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsString()(target, key);
    Matches(/^[A-Za-z0-9._:-]{8,100}$/, {
      message: 'idempotencyKey: 8-100 letters, digits or . _ : -',
    })(target, key);
  };
}

@InputType({ description: 'A warning the consultant goes past, with the reason (recorded).' })
export class RuleOverrideInput {
  @Field(() => LegalRuleCodeGql) @IsIn(RULE_CODES) rule!: RuleCode;
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}

@InputType()
export class ProposePlacementInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => ID) @IsUUID() placementId!: string;
  @Field(() => GraphQLDate, { description: 'First day of the planned period.' })
  @IsIsoDate()
  start!: string;
  @Field(() => GraphQLDate, { description: 'Last day of the planned period.' })
  @IsIsoDate()
  end!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'Planned hours a week; the slot’s most by default.',
  })
  @IsOptional()
  @Min(0.5)
  @Max(48)
  weeklyHours?: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'A concrete assessment allows the longer internship for the target group (LAB § 61).',
  })
  @IsOptional()
  @IsBoolean()
  extensionAssessed?: boolean | null;
  @Field(() => [RuleOverrideInput], {
    nullable: true,
    description:
      'Reasons to go past the rules’ warnings (see proposalRuleChecks); a block cannot be.',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RuleOverrideInput)
  ruleOverrides?: RuleOverrideInput[] | null;
  @Field(() => String, IDEMPOTENCY_KEY) @IdempotencyKey() idempotencyKey?: string | null;
}

@InputType({ description: 'A planned proposal, to see the rules’ checks before proposing it.' })
export class ProposalRuleChecksInput {
  @Field(() => ID) @IsUUID() citizenId!: string;
  @Field(() => ID) @IsUUID() placementId!: string;
  @Field(() => GraphQLDate) @IsIsoDate() start!: string;
  @Field(() => GraphQLDate) @IsIsoDate() end!: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0.5) @Max(48) weeklyHours?:
    number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() extensionAssessed?:
    boolean | null;
}

@InputType()
export class OverrideRuleWarningInput {
  @Field(() => ID) @IsUUID() proposalId!: string;
  @Field(() => LegalRuleCodeGql) @IsIn(RULE_CODES) rule!: RuleCode;
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}

@InputType({
  description: 'How a consultant received the citizen’s answer, when recording it for them.',
})
export class OnBehalfInput {
  @Field(() => AnswerChannelGql) @IsEnum(AnswerChannel) channel!: AnswerChannel;
  @Field(() => GraphQLISODateTime, { description: 'When the citizen answered.' })
  @Type(() => Date)
  @IsDate()
  answeredAt!: Date;
}

/** Staff only: the citizen's answer recorded for them (how and when it was given). */
const OnBehalf = () =>
  applyDecorators(
    Field(() => OnBehalfInput, {
      nullable: true,
      description: 'Staff only: the citizen’s answer recorded for them.',
    }),
    IsOptional(),
    ValidateNested(),
    Type(() => OnBehalfInput),
  );

/** An optional note of at most 1,000 characters, trimmed. */
const ProposalNote = () =>
  applyDecorators(
    Field(() => String, { nullable: true }),
    IsOptional(),
    Trim(),
    IsString(),
    MaxLength(1000),
  );

@InputType()
export class AcceptProposalInput {
  @Field(() => ID) @IsUUID() proposalId!: string;
  @Field(() => [ShareScopeGql], {
    description: 'What the employer may see: none of it is required; nothing else is ever shared.',
  })
  @ArrayMaxSize(4)
  @IsEnum(ShareScope, { each: true })
  shareScopes!: ShareScope[];
  @OnBehalf() onBehalf?: OnBehalfInput | null;
  @Field(() => String, IDEMPOTENCY_KEY) @IdempotencyKey() idempotencyKey?: string | null;
}

@InputType()
export class DeclineProposalInput {
  @Field(() => ID) @IsUUID() proposalId!: string;
  @Field(() => ProposalReasonGql) @IsEnum(ProposalReason) reason!: ProposalReason;
  @ProposalNote() note?: string | null;
  @OnBehalf() onBehalf?: OnBehalfInput | null;
}

@InputType()
export class AnswerProposalInput {
  @Field(() => ID) @IsUUID() proposalId!: string;
  @Field(() => EmployerAnswerGql) @IsEnum(EmployerAnswer) answer!: EmployerAnswer;
  @Field(() => ProposalReasonGql, { nullable: true, description: 'Required when declining.' })
  @IsOptional()
  @IsEnum(ProposalReason)
  reason?: ProposalReason | null;
  @ProposalNote() note?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the citizen may read the reason and note of a decline (default: no).',
  })
  @IsOptional()
  @IsBoolean()
  reasonVisibleToCitizen?: boolean | null;
  @Field(() => String, IDEMPOTENCY_KEY) @IdempotencyKey() idempotencyKey?: string | null;
}

@InputType()
export class WithdrawProposalInput {
  @Field(() => ID) @IsUUID() proposalId!: string;
  @Field(() => ProposalReasonGql) @IsEnum(ProposalReason) reason!: ProposalReason;
  @ProposalNote() note?: string | null;
}

@InputType()
export class BookProposalInput {
  @Field(() => ID) @IsUUID() proposalId!: string;
  @Field(() => String, IDEMPOTENCY_KEY) @IdempotencyKey() idempotencyKey?: string | null;
}

@InputType()
export class ProposalFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() citizenId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() placementId?: string | null;
  @Field(() => [ProposalStatusGql], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(9)
  @IsEnum(ProposalStatus, { each: true })
  statuses?: ProposalStatus[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only proposals still open or booked.' })
  @IsOptional()
  @IsBoolean()
  openOnly?: boolean | null;
}

@ArgsType()
export class ProposalsArgs extends PageArgs {
  @Field(() => ProposalFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProposalFilter)
  filter?: ProposalFilter;
}

@ArgsType()
export class CompanyProposalsArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'One of your companies; all of them by default.',
  })
  @IsOptional()
  @IsUUID()
  companyId?: string | null;
  @Field(() => [ProposalStatusGql], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(9)
  @IsEnum(ProposalStatus, { each: true })
  statuses?: ProposalStatus[] | null;
}
