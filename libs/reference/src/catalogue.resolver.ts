import { Lang, type Language, Role, Roles } from '@jobbro/core';
import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
  Accommodation,
  ACCOMMODATION_LABELS,
  AccommodationGql,
  PlacementRequirement,
  PlacementRequirementGql,
  REQUIREMENT_LABELS,
} from './catalogues';

const ALL_ROLES = Object.values(Role);

/*
 * One vocabulary: a catalogue item's `code` is typed as the GraphQL enum the inputs take, so the
 * API answers `NO_HEAVY_LIFTING` (the enum's name) and a client passes that same value back in
 * `accommodations: [NO_HEAVY_LIFTING]`. Inside the server and the database the value stays
 * `no_heavy_lifting`; GraphQL translates at the edge (see `graphqlEnum`).
 */

@ObjectType('AccommodationItem', {
  description:
    'An accommodation (skånehensyn) with its label in the caller’s language. `code` is the value to send back wherever an input takes an Accommodation.',
})
export class AccommodationItemModel {
  @Field(() => AccommodationGql) code!: Accommodation;
  @Field() label!: string;
}

@ObjectType('RequirementItem', {
  description:
    'A placement requirement with its label in the caller’s language. `code` is the value to send back wherever an input takes a PlacementRequirement.',
})
export class RequirementItemModel {
  @Field(() => PlacementRequirementGql) code!: PlacementRequirement;
  @Field() label!: string;
}

/** The catalogue in its declared order, each code with its label in the language. */
export const accommodationCatalogue = (language: Language): AccommodationItemModel[] =>
  Object.values(Accommodation).map((code) => ({
    code,
    label: ACCOMMODATION_LABELS[code][language],
  }));

export const requirementCatalogue = (language: Language): RequirementItemModel[] =>
  Object.values(PlacementRequirement).map((code) => ({
    code,
    label: REQUIREMENT_LABELS[code][language],
  }));

@Resolver()
export class CatalogueResolver {
  @Roles(...ALL_ROLES)
  @Query(() => [AccommodationItemModel], {
    description: 'Accommodations (skånehensyn) with labels; each code is an Accommodation value.',
  })
  accommodationCatalogue(@Lang() language: Language): AccommodationItemModel[] {
    return accommodationCatalogue(language);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [RequirementItemModel], {
    description: 'Placement requirements with labels; each code is a PlacementRequirement value.',
  })
  requirementCatalogue(@Lang() language: Language): RequirementItemModel[] {
    return requirementCatalogue(language);
  }
}
