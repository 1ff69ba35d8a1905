import type { Localized } from '@jobbro/core';
import { graphqlEnum } from '@jobbro/core';

/**
 * What a workplace can offer and a citizen may need (skånehensyn). One catalogue for both sides,
 * so matching compares like with like. Mirrors the `accommodation` enum type in the database.
 */
export enum Accommodation {
  NoHeavyLifting = 'no_heavy_lifting',
  SeatedWork = 'seated_work',
  VariedPositions = 'varied_positions',
  QuietWorkspace = 'quiet_workspace',
  FixedRoutines = 'fixed_routines',
  ShortDays = 'short_days',
  FlexibleStartTime = 'flexible_start_time',
  CloseGuidance = 'close_guidance',
  BreaksAsNeeded = 'breaks_as_needed',
  ReducedPace = 'reduced_pace',
  WrittenInstructions = 'written_instructions',
  LimitedCustomerContact = 'limited_customer_contact',
  StepFreeAccess = 'step_free_access',
}
export const AccommodationGql = graphqlEnum(Accommodation, 'Accommodation');

export const ACCOMMODATION_LABELS = {
  [Accommodation.NoHeavyLifting]: { da: 'Ingen tunge løft', en: 'No heavy lifting' },
  [Accommodation.SeatedWork]: { da: 'Siddende arbejde', en: 'Seated work' },
  [Accommodation.VariedPositions]: {
    da: 'Skiftende arbejdsstillinger',
    en: 'Varied working positions',
  },
  [Accommodation.QuietWorkspace]: { da: 'Roligt arbejdsmiljø', en: 'Quiet workspace' },
  [Accommodation.FixedRoutines]: { da: 'Faste rutiner', en: 'Fixed routines' },
  [Accommodation.ShortDays]: { da: 'Korte arbejdsdage', en: 'Short days' },
  [Accommodation.FlexibleStartTime]: { da: 'Fleksibelt mødetidspunkt', en: 'Flexible start time' },
  [Accommodation.CloseGuidance]: { da: 'Tæt vejledning', en: 'Close guidance' },
  [Accommodation.BreaksAsNeeded]: { da: 'Pauser efter behov', en: 'Breaks as needed' },
  [Accommodation.ReducedPace]: { da: 'Nedsat tempo', en: 'Reduced pace' },
  [Accommodation.WrittenInstructions]: {
    da: 'Skriftlige instruktioner',
    en: 'Written instructions',
  },
  [Accommodation.LimitedCustomerContact]: {
    da: 'Begrænset kundekontakt',
    en: 'Limited customer contact',
  },
  [Accommodation.StepFreeAccess]: { da: 'Niveaufri adgang', en: 'Step-free access' },
} satisfies Record<Accommodation, Localized>;

/** What a placement may require of a citizen. Mirrors the `placement_requirement` enum type. */
export enum PlacementRequirement {
  DrivingLicenceB = 'driving_licence_b',
  OwnTransport = 'own_transport',
  DanishSpoken = 'danish_spoken',
  DanishWritten = 'danish_written',
  English = 'english',
  CleanCriminalRecord = 'clean_criminal_record',
  ChildProtectionCertificate = 'child_protection_certificate',
  FoodHygieneCertificate = 'food_hygiene_certificate',
  ForkliftCertificate = 'forklift_certificate',
}
export const PlacementRequirementGql = graphqlEnum(PlacementRequirement, 'PlacementRequirement');

export const REQUIREMENT_LABELS = {
  [PlacementRequirement.DrivingLicenceB]: { da: 'Kørekort (B)', en: 'Driving licence (B)' },
  [PlacementRequirement.OwnTransport]: { da: 'Egen transport', en: 'Own transport' },
  [PlacementRequirement.DanishSpoken]: { da: 'Taler dansk', en: 'Spoken Danish' },
  [PlacementRequirement.DanishWritten]: { da: 'Skriver dansk', en: 'Written Danish' },
  [PlacementRequirement.English]: { da: 'Engelsk', en: 'English' },
  [PlacementRequirement.CleanCriminalRecord]: {
    da: 'Ren straffeattest',
    en: 'Clean criminal record',
  },
  [PlacementRequirement.ChildProtectionCertificate]: {
    da: 'Børneattest',
    en: 'Child protection certificate',
  },
  [PlacementRequirement.FoodHygieneCertificate]: {
    da: 'Hygiejnebevis',
    en: 'Food hygiene certificate',
  },
  [PlacementRequirement.ForkliftCertificate]: { da: 'Truckcertifikat', en: 'Forklift certificate' },
} satisfies Record<PlacementRequirement, Localized>;
