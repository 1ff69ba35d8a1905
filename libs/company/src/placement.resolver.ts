import {
  byIds,
  CurrentUser,
  groupedBy,
  type Page,
  type Principal,
  requestLoader,
  Role,
  Roles,
  uuidArg,
} from '@jobbro/core';
import { OccupationModel, ReferenceService, WorkingTimesModel } from '@jobbro/reference';
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
import { STAFF_SLOT_VISIBILITY } from './placement-visibility';
import {
  CompanyModel,
  MentorModel,
  OrdinaryHoursPathModel,
  PlacementActorModel,
  PlacementChangeModel,
  PlacementConnection,
  PlacementModel,
  SiteModel,
} from './models/company.models';
import { PlacementService } from './placement.service';
import { PlacementActors } from './placement-actors';
import { availableActions } from './rules/placement-rules';

@Resolver(() => PlacementModel)
export class PlacementResolver {
  constructor(
    private readonly service: PlacementService,
    private readonly loaders: CompanyLoaders,
    private readonly reference: ReferenceService,
    private readonly actors: PlacementActors,
  ) {}

  @Roles(Role.CompanyAdmin, Role.JobConsultant)
  @Mutation(() => PlacementModel, {
    description:
      'Create a placement slot as a draft: the company’s admin, or a consultant of a job centre ' +
      'in active partnership with it, on its behalf (recorded; only the company publishes).',
  })
  createPlacement(
    @CurrentUser() user: Principal,
    @Args('input') input: CreatePlacementInput,
  ): Promise<PlacementModel> {
    return this.service.create(user, input);
  }

  @Roles(Role.CompanyAdmin, Role.JobConsultant)
  @Mutation(() => PlacementModel, {
    description:
      'Change a draft or open slot; omitted fields stay as they are. A partner consultant may ' +
      'change the slots they see, on the company’s behalf (recorded).',
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
    description: `Slots you may see, newest first. Company users: their own companies’ slots, drafts included. ${STAFF_SLOT_VISIBILITY}`,
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

  @ResolveField(() => WorkingTimesModel, {
    nullable: true,
    description:
      'The weekdays the work needs and its hours; null when only the schedule notes say it.',
  })
  workingTimes(@Parent() placement: PlacementModel): WorkingTimesModel | null {
    const { workDays, workFrom, workUntil } = placement;
    return workDays || workFrom || workUntil
      ? { weekdays: workDays, from: workFrom, until: workUntil }
      : null;
  }

  @ResolveField(() => OrdinaryHoursPathModel)
  ordinaryHoursPath(@Parent() placement: PlacementModel): OrdinaryHoursPathModel {
    return {
      possible: placement.ordinaryHoursPossible,
      afterWeeks: placement.ordinaryHoursAfterWeeks,
      hoursPerWeek: placement.ordinaryHoursPerWeek,
    };
  }

  @ResolveField(() => PlacementActorModel, {
    nullable: true,
    description: 'Who created the slot (a partner consultant when done on the company’s behalf).',
  })
  createdBy(
    @Parent() placement: PlacementModel,
    @Context() ctx: object,
    @CurrentUser() user: Principal,
  ): Promise<PlacementActorModel | null> {
    return this.actors.actor(ctx, user, placement.createdBy, placement.createdByJobCentreId);
  }

  @ResolveField(() => PlacementActorModel, { nullable: true, description: 'Who changed it last.' })
  lastChangedBy(
    @Parent() placement: PlacementModel,
    @Context() ctx: object,
    @CurrentUser() user: Principal,
  ): Promise<PlacementActorModel | null> {
    return this.actors.actor(ctx, user, placement.changedBy, placement.changedByJobCentreId);
  }

  @ResolveField(() => [PlacementChangeModel], {
    description: 'Every change, newest first: who (and for which job centre), what, when.',
  })
  async changes(
    @Parent() placement: PlacementModel,
    @Context() ctx: object,
    @CurrentUser() user: Principal,
  ): Promise<PlacementChangeModel[]> {
    const rows = await requestLoader(ctx, 'placementChanges', async (ids: readonly string[]) =>
      groupedBy(ids, await this.service.changesOf(ids), (c) => c.placementId),
    ).load(placement.id);
    return Promise.all(
      rows.map(async (c) => ({
        version: c.version,
        action: c.action,
        changedFields: c.changedFields,
        at: c.changedAt,
        by: await this.actors.actor(ctx, user, c.changedBy, c.jobCentreId),
      })),
    );
  }

  @ResolveField(() => [String], { description: 'What may be done next: publish, pause, close.' })
  availableActions(@Parent() placement: PlacementModel): string[] {
    return availableActions(placement.status);
  }
}
