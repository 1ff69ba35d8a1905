import { Lang, type Language } from '@jobbro/core';
import { codeLabels } from '@jobbro/reference';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccommodationFacetModel, PlacementTypeFacetModel } from './search.models';

/** The catalogues' labels (no target groups here: facets are types and accommodations). */
const labels = codeLabels();

@Resolver(() => PlacementTypeFacetModel)
export class PlacementTypeFacetResolver {
  @ResolveField(() => String, { description: 'The type’s label in the caller’s language.' })
  label(@Parent() facet: PlacementTypeFacetModel, @Lang() language: Language): string {
    return labels('placementType', facet.value)[language];
  }
}

@Resolver(() => AccommodationFacetModel)
export class AccommodationFacetResolver {
  @ResolveField(() => String, {
    description: 'The accommodation’s label in the caller’s language.',
  })
  label(@Parent() facet: AccommodationFacetModel, @Lang() language: Language): string {
    return labels('accommodation', facet.value)[language];
  }
}
