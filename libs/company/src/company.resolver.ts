import { AuthService, JobCentreModel } from '@jobbro/auth';
import {
  byIds,
  CurrentUser,
  groupedBy,
  isStaff,
  Lang,
  type Language,
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
import { CompanyEditingService } from './company-editing.service';
import { CompanyPeopleService } from './company-people.service';
import { COMPANY_READERS, CompanyLoaders } from './company.loaders';
import { CompanyService } from './company.service';
import {
  AddMentorInput,
  ChangePartnershipStatusInput,
  CreateSiteInput,
  ProposePartnershipInput,
  RegisterCompanyInput,
  UpdateCompanyInput,
  UpdateMentorInput,
  UpdateSiteInput,
} from './dto/company.inputs';
import {
  CompanyAdminModel,
  CompanyModel,
  MentorModel,
  PartnershipModel,
  SiteModel,
} from './models/company.models';

const PARTNERS = [Role.CompanyAdmin, Role.Administrator, Role.JobConsultant];

@Resolver(() => CompanyModel)
export class CompanyResolver {
  constructor(
    private readonly companies: CompanyService,
    private readonly loaders: CompanyLoaders,
    private readonly editing: CompanyEditingService,
    private readonly people: CompanyPeopleService,
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
  @Mutation(() => MentorModel, {
    description: 'Add a mentor; with invite, they are mailed an invitation to sign in.',
  })
  addMentor(
    @CurrentUser() user: Principal,
    @Args('input') input: AddMentorInput,
    @Lang() language: Language,
  ): Promise<MentorModel> {
    return this.people.addMentor(user, input, language);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => SiteModel, {
    description:
      'Change a site; a new postal code gives new area and coordinates (slots move too).',
  })
  updateSite(
    @CurrentUser() user: Principal,
    @Args('input') input: UpdateSiteInput,
  ): Promise<SiteModel> {
    return this.editing.updateSite(user, input);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => SiteModel, {
    description:
      'Remove a site. Refused (naming the slot) while a published or paused slot uses it; drafts ' +
      'and closed slots keep it as history, and a draft needs another site before it is published.',
  })
  removeSite(
    @CurrentUser() user: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<SiteModel> {
    return this.editing.removeSite(user, id);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => MentorModel, { description: 'Change a mentor’s details, site or capacity.' })
  updateMentor(
    @CurrentUser() user: Principal,
    @Args('input') input: UpdateMentorInput,
  ): Promise<MentorModel> {
    return this.editing.updateMentor(user, input);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => MentorModel, {
    description:
      'Deactivate a mentor. Refused (naming the slot) while they mentor a published or paused ' +
      'slot. They are offered for no new slot, and their login no longer reaches the company.',
  })
  deactivateMentor(
    @CurrentUser() user: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<MentorModel> {
    return this.editing.deactivateMentor(user, id);
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

  @ResolveField(() => [MentorModel], {
    description: 'Active mentors; deactivated ones too with includeDeactivated.',
  })
  async mentors(
    @Parent() company: CompanyModel,
    @Context() ctx: object,
    @Args('includeDeactivated', { type: () => Boolean, defaultValue: false })
    includeDeactivated: boolean,
  ): Promise<MentorModel[]> {
    const all = await this.loaders.mentorsOfCompany(ctx).load(company.id);
    return includeDeactivated ? all : all.filter((m) => m.deactivatedAt === null);
  }

  @ResolveField(() => [CompanyAdminModel], { description: 'Who administers the company.' })
  admins(@Parent() company: CompanyModel, @Context() ctx: object): Promise<CompanyAdminModel[]> {
    return requestLoader(ctx, 'adminsOfCompany', async (ids: readonly string[]) =>
      groupedBy(ids, await this.people.adminsOfCompanies(ids), (a) => a.companyId),
    ).load(company.id);
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

@Resolver(() => MentorModel)
export class MentorResolver {
  @ResolveField(() => Boolean, {
    description: 'Whether the mentor has a login (accepted an invitation).',
  })
  hasLogin(@Parent() mentor: MentorModel): boolean {
    return mentor.userId !== null;
  }
}
