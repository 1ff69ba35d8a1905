import { CurrentUser, type Principal, Role, Roles } from '@jobbro/core';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { SearchPlacementsArgs } from './search.inputs';
import { PlacementSearchResultModel } from './search.models';
import { SearchService } from './search.service';

const STAFF = [Role.Administrator, Role.JobConsultant, Role.Caseworker];

/** Placement search: placements only; citizen data never goes through it. */
@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Roles(...STAFF, Role.CompanyAdmin, Role.Mentor)
  @Query(() => PlacementSearchResultModel, {
    description:
      'Search published slots: free text with typos, occupation at any ISCO level, filters, radius, facets.',
  })
  searchPlacements(
    @CurrentUser() u: Principal,
    @Args() args: SearchPlacementsArgs,
  ): Promise<PlacementSearchResultModel> {
    return this.search.searchPlacements(u, args);
  }
}
