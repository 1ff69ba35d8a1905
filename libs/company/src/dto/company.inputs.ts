import { GraphQLDate, IsIsoDate, NormalizeEmail, OmittableNotNull, Trim } from '@jobbro/core';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
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
import { graphqlEnum, type Language } from '@jobbro/core';
import {
  CompanySector,
  CompanySectorGql,
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
  @Field(() => CompanySectorGql, { nullable: true, description: 'Private or public; null clears.' })
  @IsOptional()
  @IsEnum(CompanySector)
  sector?: CompanySector | null;
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
  @Field() @NormalizeEmail() @IsEmail() @MaxLength(254) email!: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\+?[0-9 ()-]{6,30}$/) phone?: string;
  @Field(() => Int, { description: 'How many citizens the mentor can follow at once.' })
  @Min(1)
  @Max(50)
  capacity!: number;
  @Field({
    nullable: true,
    description: 'Also mail the mentor an invitation to sign in (in the same transaction).',
  })
  @IsOptional()
  @IsBoolean()
  invite?: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The invitation’s language: da (default) or en.',
  })
  @IsOptional()
  @IsIn(['da', 'en'])
  language?: Language;
}

@InputType({ description: 'Change a site; a new postal code moves it (area and coordinates).' })
export class UpdateSiteInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field({ nullable: true })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @Field({ nullable: true })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  streetAddress?: string;
  @Field({ nullable: true, description: 'Danish postal code, 4 digits.' })
  @OmittableNotNull()
  @Matches(/^\d{4}$/)
  postalCode?: string;
  @Field(() => String, { nullable: true, description: 'P-number (10 digits); null removes it.' })
  @IsOptional()
  @Matches(/^\d{10}$/)
  pNumber?: string | null;
}

@InputType({ description: 'Change a mentor; omitted fields stay as they are.' })
export class UpdateMentorInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => ID, { nullable: true, description: 'null: no particular site.' })
  @IsOptional()
  @IsUUID()
  siteId?: string | null;
  @Field({ nullable: true })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @Field({ nullable: true, description: 'Contact address; a login keeps its own address.' })
  @OmittableNotNull()
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,30}$/)
  phone?: string | null;
  @Field(() => Int, { nullable: true })
  @OmittableNotNull()
  @Min(1)
  @Max(50)
  capacity?: number;
}

export enum CompanyInvitationRole {
  CompanyAdmin = 'company_admin',
  Mentor = 'mentor',
}

export const CompanyInvitationRoleGql = graphqlEnum(
  CompanyInvitationRole,
  'CompanyInvitationRole',
  'Whom a company invitation makes: an administrator or a mentor of the company.',
);

@InputType({
  description:
    'Invite a company admin (a job centre consultant or administrator: for a partner company, or ' +
    'for a new company with its CVR optionally prefilled; a company admin: for their own company) ' +
    'or one of the company’s mentors (company admin; name and address come from the mentor).',
})
export class InviteCompanyUserInput {
  @Field(() => CompanyInvitationRoleGql)
  @IsEnum(CompanyInvitationRole)
  role!: CompanyInvitationRole;
  @Field({ nullable: true, description: 'Required for a company admin.' })
  @IsOptional()
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email?: string;
  @Field({ nullable: true, description: 'Required for a company admin.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;
  @Field(() => ID, { nullable: true, description: 'The company; omit for a new company.' })
  @IsOptional()
  @IsUUID()
  companyId?: string;
  @Field({ nullable: true, description: 'A new company’s CVR number, shown when it registers.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  companyCvr?: string;
  @Field(() => ID, { nullable: true, description: 'The mentor to invite (role MENTOR).' })
  @IsOptional()
  @IsUUID()
  mentorId?: string;
  @Field(() => String, { nullable: true, description: 'The mail’s language: da (default) or en.' })
  @IsOptional()
  @IsIn(['da', 'en'])
  language?: Language;
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

@InputType({ description: 'Invite a second administrator of your company.' })
export class AddCompanyAdminInput {
  @Field(() => ID) @IsUUID() companyId!: string;
  @Field() @NormalizeEmail() @IsEmail() @MaxLength(254) email!: string;
  @Field() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) displayName!: string;
  @Field(() => String, { nullable: true, description: 'The mail’s language: da (default) or en.' })
  @IsOptional()
  @IsIn(['da', 'en'])
  language?: Language;
}
