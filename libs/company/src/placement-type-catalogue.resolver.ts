import { Lang, type Language, Role, Roles } from '@jobbro/core';
import { PLACEMENT_TYPE_LABELS } from '@jobbro/reference';
import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { PlacementType, PlacementTypeGql } from './company.enums';

@ObjectType('PlacementTypeItem', {
  description:
    'A placement type with its label in the caller’s language. `code` is the value to send back wherever an input takes a PlacementType.',
})
export class PlacementTypeItemModel {
  @Field(() => PlacementTypeGql) code!: PlacementType;
  @Field() label!: string;
}

/** The placement types in their declared order, labelled from the reference catalogue. */
export const placementTypeCatalogue = (language: Language): PlacementTypeItemModel[] =>
  Object.values(PlacementType).map((code) => ({
    code,
    label: PLACEMENT_TYPE_LABELS[code][language],
  }));

@Resolver()
export class PlacementTypeCatalogueResolver {
  @Roles(...Object.values(Role))
  @Query(() => [PlacementTypeItemModel], {
    description: 'Placement types with labels; each code is a PlacementType value.',
  })
  placementTypeCatalogue(@Lang() language: Language): PlacementTypeItemModel[] {
    return placementTypeCatalogue(language);
  }
}
