import {
  byIds,
  CurrentUser,
  type Page,
  type Principal,
  requestLoader,
  Role,
  Roles,
  uuidArg,
} from '@jobbro/core';
import { OccupationModel, ReferenceService } from '@jobbro/reference';
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
import { COMPANY_READERS, CompanyLoaders } from './company.loaders';
import { CreatePlacementInput, PlacementsArgs, UpdatePlacementInput } from './dto/placement.inputs';
import {
  CompanyModel,
  MentorModel,
  OrdinaryHoursPathModel,
  PlacementConnection,
  PlacementModel,
  SiteModel,
} from './models/company.models';
import { PlacementService } from './placement.service';
import { availableActions } from './rules/placement-rules';

@Resolver(() => PlacementModel)
export class PlacementResolver {
  constructor(
    private readonly service: PlacementService,
    private readonly loaders: CompanyLoaders,
    private readonly reference: ReferenceService,
  ) {}

  @Roles(Role.CompanyAdmin)
  @Mutation(() => PlacementModel, { description: 'Create a placement slot as a draft.' })
  createPlacement(
    @CurrentUser() user: Principal,
    @Args('input') input: CreatePlacementInput,
  ): Promise<PlacementModel> {
    return this.service.create(user, input);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => PlacementModel, {
    description: 'Change a draft or open slot; omitted fields stay as they are.',
  })
  updatePlacement(
    @CurrentUser() user: Principal,
    @Args('input') input: UpdatePlacementInput,
  ): Promise<PlacementModel> {
    return this.service.update(user, input);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => PlacementModel, {
    description: 'Publish (needs a mentor, a task and a site) or resume.',
  })
  publishPlacement(
    @CurrentUser() user: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<PlacementModel> {
    return this.service.transition(user, id, 'publish');
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => PlacementModel)
  pausePlacement(
    @CurrentUser() user: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<PlacementModel> {
    return this.service.transition(user, id, 'pause');
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => PlacementModel)
  closePlacement(
    @CurrentUser() user: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<PlacementModel> {
    return this.service.transition(user, id, 'close');
  }

  @Roles(...COMPANY_READERS)
  @Query(() => PlacementModel)
  placement(
    @CurrentUser() user: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<PlacementModel> {
    return this.service.placement(user, id);
  }

  @Roles(...COMPANY_READERS)
  @Query(() => PlacementConnection, {
    description:
      'Slots you may see, newest first: your own company’s, or partner companies’ published ones.',
  })
  placements(
    @CurrentUser() user: Principal,
    @Args() args: PlacementsArgs,
  ): Promise<Page<PlacementModel>> {
    return this.service.page(user, args.filter, args.first, args.after);
  }

  @ResolveField(() => CompanyModel)
  company(
    @Parent() placement: PlacementModel,
    @Context() ctx: object,
  ): Promise<CompanyModel | null> {
    return this.loaders.company(ctx).load(placement.companyId);
  }

  @ResolveField(() => SiteModel, { nullable: true })
  site(
    @Parent() placement: PlacementModel,
    @Context() ctx: object,
  ): Promise<SiteModel | null> | null {
    if (!placement.siteId) return null;
    return this.loaders.site(ctx).load(placement.siteId);
  }

  @ResolveField(() => MentorModel, { nullable: true })
  mentor(
    @Parent() placement: PlacementModel,
    @Context() ctx: object,
  ): Promise<MentorModel | null> | null {
    if (!placement.mentorId) return null;
    return this.loaders.mentor(ctx).load(placement.mentorId);
  }

  @ResolveField(() => OccupationModel)
  occupation(
    @Parent() placement: PlacementModel,
    @Context() ctx: object,
  ): Promise<OccupationModel | null> {
    return requestLoader(ctx, 'occupation', async (ids: readonly string[]) =>
      byIds(ids, await this.reference.occupations(ids), (o) => o.id),
    ).load(placement.occupationId);
  }

  @ResolveField(() => OrdinaryHoursPathModel)
  ordinaryHoursPath(@Parent() placement: PlacementModel): OrdinaryHoursPathModel {
    return {
      possible: placement.ordinaryHoursPossible,
      afterWeeks: placement.ordinaryHoursAfterWeeks,
      hoursPerWeek: placement.ordinaryHoursPerWeek,
    };
  }

  @ResolveField(() => [String], { description: 'What may be done next: publish, pause, close.' })
  availableActions(@Parent() placement: PlacementModel): string[] {
    return availableActions(placement.status);
  }
}
