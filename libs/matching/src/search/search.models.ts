import { PlacementModel } from '@jobbro/company';
import { PageInfo } from '@jobbro/core';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('FacetCount')
export class FacetCountModel {
  @Field() value!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('PlacementFacets', {
  description: 'Counts per filter value over all hits, for the filter panel.',
})
export class PlacementFacetsModel {
  @Field(() => [FacetCountModel]) types!: FacetCountModel[];
  @Field(() => [FacetCountModel]) accommodations!: FacetCountModel[];
  @Field(() => [FacetCountModel], { description: 'By kommunekode.' })
  municipalities!: FacetCountModel[];
}

@ObjectType('PlacementSearchHit')
export class PlacementSearchHitModel {
  @Field() cursor!: string;
  @Field(() => Float) score!: number;
  @Field(() => Float, { nullable: true }) distanceKm!: number | null;
  @Field(() => PlacementModel) node!: PlacementModel;
}

@ObjectType('PlacementSearchResult')
export class PlacementSearchResultModel {
  @Field(() => [PlacementSearchHitModel]) edges!: PlacementSearchHitModel[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
  @Field(() => PlacementFacetsModel) facets!: PlacementFacetsModel;
  @Field({ description: 'Which engine answered (postgres or meilisearch).' }) engine!: string;
}
