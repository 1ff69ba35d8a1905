import { AuthService, JobCentreModel } from '@jobbro/auth';
import {
  byIds,
  CurrentUser,
  isStaff,
  type Principal,
  requestLoader,
  Role,
  Roles,
  uuidArg,
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
import { CompanyAccess } from './company.access';
import { COMPANY_READERS, CompanyLoaders } from './company.loaders';
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

const PARTNERS = [Role.CompanyAdmin, Role.Administrator, Role.JobConsultant];

@Resolver(() => CompanyModel)
export class CompanyResolver {
  constructor(
    private readonly companies: CompanyService,
    private readonly loaders: CompanyLoaders,
  ) {}

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

  @Roles(...COMPANY_READERS)
  @Query(() => CompanyModel)
  company(
    @CurrentUser() user: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<CompanyModel> {
    return this.companies.company(user, id);
  }

  @Roles(Role.Administrator, Role.JobConsultant, Role.Caseworker)
  @Query(() => [PartnershipModel], {
    description:
      'Your job centre’s partnerships, newest first, including proposals waiting for an answer.',
  })
  jobCentrePartnerships(@CurrentUser() user: Principal): Promise<PartnershipModel[]> {
    return this.companies.jobCentrePartnerships(user);
  }

  @Roles(Role.CompanyAdmin, Role.Mentor)
  @Query(() => [CompanyModel], { description: 'The companies you administer or mentor at.' })
  myCompanies(@CurrentUser() user: Principal): Promise<CompanyModel[]> {
    return this.companies.myCompanies(user);
  }

  @ResolveField(() => [SiteModel])
  sites(@Parent() company: CompanyModel, @Context() ctx: object): Promise<SiteModel[]> {
    return this.loaders.sitesOfCompany(ctx).load(company.id);
  }

  @ResolveField(() => [MentorModel])
  mentors(@Parent() company: CompanyModel, @Context() ctx: object): Promise<MentorModel[]> {
    return this.loaders.mentorsOfCompany(ctx).load(company.id);
  }

  @ResolveField(() => [PartnershipModel])
  async partnerships(
    @Parent() company: CompanyModel,
    @Context() ctx: object,
    @CurrentUser() user: Principal,
  ): Promise<PartnershipModel[]> {
    const all = await this.loaders.partnershipsOfCompany(ctx).load(company.id);
    // Staff see their own job centre's agreement, not the company's agreements with others.
    return isStaff(user.role) ? all.filter((p) => p.jobCentreId === user.jobCentreId) : all;
  }
}

@Resolver(() => PartnershipModel)
export class PartnershipResolver {
  constructor(
    private readonly loaders: CompanyLoaders,
    private readonly auth: AuthService,
    private readonly access: CompanyAccess,
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

  @ResolveField(() => CompanyModel, {
    nullable: true,
    description: 'Null until you may read the company.',
  })
  async company(
    @Parent() partnership: PartnershipModel,
    @Context() ctx: object,
    @CurrentUser() user: Principal,
  ): Promise<CompanyModel | null> {
    // A job centre's own proposal does not open the company's data before the company accepts.
    if (!(await this.access.canReadCompany(user, partnership.companyId))) return null;
    return this.loaders.company(ctx).load(partnership.companyId);
  }
}
