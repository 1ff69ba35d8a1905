import { PlacementModel, PlacementTypeGql } from '@jobbro/company';
import { PageInfo } from '@jobbro/core';
import { AccommodationGql } from '@jobbro/reference';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('FacetCount')
export class FacetCountModel {
  @Field() value!: string;
  @Field(() => Int) count!: number;
}

/*
 * Type and accommodation facets carry the enum value the filter takes (INTERNSHIP,
 * NO_HEAVY_LIFTING: one vocabulary with the inputs) and its label in the caller's language.
 */
@ObjectType('PlacementTypeFacet', {
  description: 'A placement type with its hits; `value` goes back into the filter as it is.',
})
export class PlacementTypeFacetModel {
  @Field(() => PlacementTypeGql) value!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('AccommodationFacet', {
  description: 'An accommodation with its hits; `value` goes back into the filter as it is.',
})
export class AccommodationFacetModel {
  @Field(() => AccommodationGql) value!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('PlacementFacets', {
  description: 'Counts per filter value over all hits, for the filter panel.',
})
export class PlacementFacetsModel {
  @Field(() => [PlacementTypeFacetModel]) types!: PlacementTypeFacetModel[];
  @Field(() => [AccommodationFacetModel]) accommodations!: AccommodationFacetModel[];
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
