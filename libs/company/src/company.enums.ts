import { graphqlEnum } from '@jobbro/core';

export enum PlacementType {
  Internship = 'internship',
  WageSubsidy = 'wage_subsidy',
  OrdinaryHours = 'ordinary_hours',
  FlexJob = 'flex_job',
}
export const PlacementTypeGql = graphqlEnum(
  PlacementType,
  'PlacementType',
  'virksomhedspraktik, løntilskud, ordinære timer (småjob), fleksjob',
);

export enum PlacementStatus {
  Draft = 'draft',
  Published = 'published',
  Paused = 'paused',
  Closed = 'closed',
}
export const PlacementStatusGql = graphqlEnum(PlacementStatus, 'PlacementStatus');

export enum PartnershipStatus {
  Proposed = 'proposed',
  Active = 'active',
  Paused = 'paused',
  Ended = 'ended',
}
export const PartnershipStatusGql = graphqlEnum(PartnershipStatus, 'PartnershipStatus');
