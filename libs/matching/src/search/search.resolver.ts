import { CurrentUser, type Principal, Role, Roles } from '@jobbro/core';
import { Args, Field, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { PlacementIndexer } from './placement-indexer';
import { SearchPlacementsArgs } from './search.inputs';
import { PlacementSearchResultModel } from './search.models';
import { SearchService } from './search.service';

const STAFF = [Role.Administrator, Role.JobConsultant, Role.Caseworker];

@ObjectType('ReindexResult')
class ReindexResultModel {
  @Field() engine!: string;
  @Field(() => Int) indexed!: number;
  @Field(() => Int) durationMs!: number;
}

/** Placement search: placements only; citizen data never goes through it. */
@Resolver()
export class SearchResolver {
  constructor(
    private readonly search: SearchService,
    private readonly indexer: PlacementIndexer,
  ) {}

  @Roles(Role.Administrator)
  @Mutation(() => ReindexResultModel, {
    description: 'Rebuild the search index from the database.',
  })
  async reindexPlacements(): Promise<ReindexResultModel> {
    const started = Date.now();
    const indexed = await this.indexer.reindexAll();
    return {
      engine: this.indexer.client ? 'meilisearch' : 'postgres',
      indexed,
      durationMs: Date.now() - started,
    };
  }

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
