import { GraphQLDate, IsIsoDate, OmittableNotNull, Trim } from '@jobbro/core';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
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
} from 'class-validator';
import {
  PartnershipStatus,
  PlacementType,
  PlacementTypeGql,
  PartnershipStatusGql,
} from '../company.enums';

@InputType()
export class RegisterCompanyInput {
  @Field({ description: 'CVR number, 8 digits ("DK 1234 5678" is accepted).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  cvr!: string;

  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;

  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) industry?: string;

  @Field(() => Float, {
    description: 'Ordinary employees (FTE), used for the reasonableness rule.',
  })
  @Min(0)
  @Max(100000)
  ordinaryEmployees!: number;
}

@InputType({ description: 'Change a company’s details; the CVR number cannot change.' })
export class UpdateCompanyInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field({ nullable: true })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) industry?:
    string | null;
  @Field(() => Float, { nullable: true })
  @OmittableNotNull()
  @Min(0)
  @Max(100000)
  ordinaryEmployees?: number;
}

@InputType()
export class CreateSiteInput {
  @Field(() => ID) @IsUUID() companyId!: string;
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) streetAddress!: string;
  @Field({ description: 'Danish postal code, 4 digits.' }) @Matches(/^\d{4}$/) postalCode!: string;
  @Field({ nullable: true, description: 'P-number of the production unit (10 digits).' })
  @IsOptional()
  @Matches(/^\d{10}$/)
  pNumber?: string;
}

@InputType()
export class AddMentorInput {
  @Field(() => ID) @IsUUID() companyId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() siteId?: string;
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field() @IsEmail() @MaxLength(254) email!: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\+?[0-9 ()-]{6,30}$/) phone?: string;
  @Field(() => Int, { description: 'How many citizens the mentor can follow at once.' })
  @Min(1)
  @Max(50)
  capacity!: number;
}

@InputType()
export class ProposePartnershipInput {
  @Field(() => ID) @IsUUID() companyId!: string;
  @Field(() => ID) @IsUUID() jobCentreId!: string;
  @Field(() => GraphQLDate) @IsIsoDate() startsOn!: string;
  @Field(() => GraphQLDate, { nullable: true }) @IsOptional() @IsIsoDate() endsOn?: string;
  @Field(() => Int, { nullable: true, description: 'Slots the company commits per year.' })
  @IsOptional()
  @Min(0)
  @Max(10000)
  slotsPerYear?: number;
  @Field(() => [PlacementTypeGql], { nullable: true })
  @IsOptional()
  @IsEnum(PlacementType, { each: true })
  @ArrayMaxSize(4)
  placementTypes?: PlacementType[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

@InputType()
export class ChangePartnershipStatusInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => PartnershipStatusGql) @IsEnum(PartnershipStatus) status!: PartnershipStatus;
}
