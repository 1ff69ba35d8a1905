import { graphqlEnum } from '@jobbro/core';
import { type PARTNERSHIP_STATUS_LABELS, type PLACEMENT_TYPE_LABELS } from '@jobbro/reference';

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

/** `true` only when both sides name the same codes (a type-level check, nothing at run time). */
type SameCodes<A extends string, B extends string> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : never
  : never;

// The reference catalogue labels exactly these types: one label source for every sentence.
export const PLACEMENT_TYPES_LABELLED: SameCodes<
  keyof typeof PLACEMENT_TYPE_LABELS,
  `${PlacementType}`
> = true;

/** Private or public employer: the wage-subsidy duration differs by sector (LAB § 68). */
export enum CompanySector {
  Private = 'private',
  Public = 'public',
}
export const CompanySectorGql = graphqlEnum(
  CompanySector,
  'CompanySector',
  'Private or public employer (the wage-subsidy duration differs).',
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

export const PARTNERSHIP_STATUSES_LABELLED: SameCodes<
  keyof typeof PARTNERSHIP_STATUS_LABELS,
  `${PartnershipStatus}`
> = true;
