import {
  CurrentUser,
  invalidField,
  Lang,
  type Language,
  type Principal,
  Role,
  Roles,
  uuidArg,
} from '@jobbro/core';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { MatchingService } from './matching.service';
import { PlacementSearchFilter } from './search/search.inputs';
import {
  CitizenMatchModel,
  MatchExplanationModel,
  PlacementMatchModel,
} from './models/match.models';

const STAFF = [Role.Administrator, Role.JobConsultant, Role.Caseworker];
/** How many matches: 1 to 100 as a page size, refused rather than quietly clamped. */
const count = (first: number): number => {
  if (!Number.isInteger(first) || first < 1 || first > 100) {
    throw invalidField('first', 'range', {
      da: 'Skal være mellem 1 og 100.',
      en: 'Must be between 1 and 100.',
    });
  }
  return first;
};

@Resolver()
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Roles(...STAFF)
  @Query(() => [PlacementMatchModel], {
    description: 'Published partner slots that fit the citizen, best first, with reasons.',
  })
  matchPlacementsForCitizen(
    @CurrentUser() u: Principal,
    @Args('citizenId', { type: () => ID }, uuidArg) citizenId: string,
    @Args('filter', {
      type: () => PlacementSearchFilter,
      nullable: true,
      description:
        'Narrow the matches like a search: occupation, type, accommodations, hours, start, municipality.',
    }) // Declared without `| undefined` so the validation pipe sees the class and checks it.
    filter: PlacementSearchFilter,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Lang() l: Language,
  ): Promise<PlacementMatchModel[]> {
    return this.matching.matchPlacementsForCitizen(
      u,
      citizenId,
      count(first),
      l,
      filter ?? undefined,
    );
  }

  @Roles(...STAFF)
  @Query(() => [CitizenMatchModel], {
    description: 'Citizens of your job centre who fit the slot, best first.',
  })
  matchCitizensForPlacement(
    @CurrentUser() u: Principal,
    @Args('placementId', { type: () => ID }, uuidArg) placementId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Lang() l: Language,
  ): Promise<CitizenMatchModel[]> {
    return this.matching.matchCitizensForPlacement(u, placementId, count(first), l);
  }

  @Roles(...STAFF)
  @Query(() => MatchExplanationModel, {
    description: 'Why a citizen and a slot match or not: every filter and factor.',
  })
  explainMatch(
    @CurrentUser() u: Principal,
    @Args('citizenId', { type: () => ID }, uuidArg) citizenId: string,
    @Args('placementId', { type: () => ID }, uuidArg) placementId: string,
    @Lang() l: Language,
  ): Promise<MatchExplanationModel> {
    return this.matching.explainMatch(u, citizenId, placementId, l);
  }
}
