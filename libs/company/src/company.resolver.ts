import { JobCentreModel } from '@jobbro/auth';
import { AuthService } from '@jobbro/auth';
import {
  byIds,
  CurrentUser,
  groupedBy,
  type Principal,
  requestLoader,
  Role,
  Roles,
} from '@jobbro/core';
import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { CompanyService } from './company.service';
import {
  AddMentorInput,
  ChangePartnershipStatusInput,
  CreateSiteInput,
  ProposePartnershipInput,
  RegisterCompanyInput,
  UpdateCompanyInput,
} from './dto/company.inputs';
import { CompanyModel, MentorModel, PartnershipModel, SiteModel } from './models/company.models';
import { invalidField } from '@jobbro/core';

const READERS = [
  Role.Administrator,
  Role.JobConsultant,
  Role.Caseworker,
  Role.CompanyAdmin,
  Role.Mentor,
];
const PARTNERS = [Role.CompanyAdmin, Role.Administrator, Role.JobConsultant];

export const uuidArg = new ParseUUIDPipe({
  exceptionFactory: () =>
    invalidField('id', 'isUuid', { da: 'Skal være et gyldigt id.', en: 'Must be a valid id.' }),
});

@Resolver(() => CompanyModel)
export class CompanyResolver {
  constructor(private readonly companies: CompanyService) {}

  @Roles(Role.CompanyAdmin)
  @Mutation(() => CompanyModel, {
    description: 'Register a company; you become its administrator.',
  })
  registerCompany(
    @CurrentUser() user: Principal,
    @Args('input') input: RegisterCompanyInput,
  ): Promise<CompanyModel> {
    return this.companies.registerCompany(user, input);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => CompanyModel, { description: 'Change name, industry or number of employees.' })
  updateCompany(
    @CurrentUser() user: Principal,
    @Args('input') input: UpdateCompanyInput,
  ): Promise<CompanyModel> {
    return this.companies.updateCompany(user, input);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => SiteModel, {
    description: 'Add a workplace address; area and coordinates come from the postal code.',
  })
  createSite(
    @CurrentUser() user: Principal,
    @Args('input') input: CreateSiteInput,
  ): Promise<SiteModel> {
    return this.companies.createSite(user, input);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => MentorModel)
  addMentor(
    @CurrentUser() user: Principal,
    @Args('input') input: AddMentorInput,
  ): Promise<MentorModel> {
    return this.companies.addMentor(user, input);
  }

  @Roles(...PARTNERS)
  @Mutation(() => PartnershipModel, {
    description: 'Propose a partnership; the other side accepts it.',
  })
  proposePartnership(
    @CurrentUser() user: Principal,
    @Args('input') input: ProposePartnershipInput,
  ): Promise<PartnershipModel> {
    return this.companies.proposePartnership(user, input);
  }

  @Roles(...PARTNERS)
  @Mutation(() => PartnershipModel, {
    description: 'Accept (active), pause, resume or end a partnership.',
  })
  changePartnershipStatus(
    @CurrentUser() user: Principal,
    @Args('input') input: ChangePartnershipStatusInput,
  ): Promise<PartnershipModel> {
    return this.companies.changePartnershipStatus(user, input);
  }

  @Roles(...READERS)
  @Query(() => CompanyModel)
  company(
    @CurrentUser() user: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<CompanyModel> {
    return this.companies.company(user, id);
  }

  @Roles(Role.CompanyAdmin, Role.Mentor)
  @Query(() => [CompanyModel], { description: 'The companies you administer or mentor at.' })
  myCompanies(@CurrentUser() user: Principal): Promise<CompanyModel[]> {
    return this.companies.myCompanies(user);
  }

  @ResolveField(() => [SiteModel])
  sites(@Parent() company: CompanyModel, @Context() ctx: object): Promise<SiteModel[]> {
    return requestLoader(ctx, 'sitesOfCompany', async (ids: readonly string[]) =>
      groupedBy(ids, await this.companies.sitesOfCompanies(ids), (s) => s.companyId),
    ).load(company.id);
  }

  @ResolveField(() => [MentorModel])
  mentors(@Parent() company: CompanyModel, @Context() ctx: object): Promise<MentorModel[]> {
    return requestLoader(ctx, 'mentorsOfCompany', async (ids: readonly string[]) =>
      groupedBy(ids, await this.companies.mentorsOfCompanies(ids), (m) => m.companyId),
    ).load(company.id);
  }

  @ResolveField(() => [PartnershipModel])
  partnerships(
    @Parent() company: CompanyModel,
    @Context() ctx: object,
  ): Promise<PartnershipModel[]> {
    return requestLoader(ctx, 'partnershipsOfCompany', async (ids: readonly string[]) =>
      groupedBy(ids, await this.companies.partnershipsOfCompanies(ids), (p) => p.companyId),
    ).load(company.id);
  }
}

@Resolver(() => PartnershipModel)
export class PartnershipResolver {
  constructor(
    private readonly companies: CompanyService,
    private readonly auth: AuthService,
  ) {}

  @ResolveField(() => JobCentreModel)
  jobCentre(
    @Parent() partnership: PartnershipModel,
    @Context() ctx: object,
  ): Promise<JobCentreModel | null> {
    return requestLoader(ctx, 'jobCentre', async (ids: readonly string[]) =>
      byIds(ids, await this.auth.findJobCentresByIds(ids), (j) => j.id),
    ).load(partnership.jobCentreId);
  }

  @ResolveField(() => CompanyModel)
  company(
    @Parent() partnership: PartnershipModel,
    @Context() ctx: object,
  ): Promise<CompanyModel | null> {
    return requestLoader(ctx, 'company', async (ids: readonly string[]) =>
      byIds(ids, await this.companies.companiesByIds(ids), (c) => c.id),
    ).load(partnership.companyId);
  }
}
