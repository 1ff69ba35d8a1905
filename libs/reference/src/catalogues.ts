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

/**
 * Placement types (the company side's `PlacementType` enum, whose values these keys are; the
 * company lib checks that with `satisfies`). Labels as the job centres say them.
 */
export const PLACEMENT_TYPE_LABELS = {
  internship: { da: 'virksomhedspraktik', en: 'work trial (virksomhedspraktik)' },
  wage_subsidy: { da: 'løntilskud', en: 'wage subsidy' },
  ordinary_hours: { da: 'ordinære timer (småjob)', en: 'ordinary hours (small job)' },
  flex_job: { da: 'fleksjob', en: 'flex job' },
} satisfies Record<string, Localized>;

/** Partnership statuses (the company side's `PartnershipStatus` enum values). */
export const PARTNERSHIP_STATUS_LABELS = {
  proposed: { da: 'foreslået', en: 'proposed' },
  active: { da: 'aktiv', en: 'active' },
  paused: { da: 'på pause', en: 'paused' },
  ended: { da: 'afsluttet', en: 'ended' },
} satisfies Record<string, Localized>;

/** The kinds of code a person may meet inside a sentence. */
export type CodeKind = 'accommodation' | 'requirement' | 'placementType' | 'targetGroup';

/**
 * A code's label in both languages. Pure rules that put codes into sentences take one of these
 * instead of knowing labels themselves; `codeLabels` builds it from the catalogues above and the
 * target-group table (`TargetGroupCatalogue.labels()` at run time).
 */
export type LabelLookup = (kind: CodeKind, code: string) => Localized;

const STATIC_LABELS: Record<Exclude<CodeKind, 'targetGroup'>, Record<string, Localized>> = {
  accommodation: ACCOMMODATION_LABELS,
  requirement: REQUIREMENT_LABELS,
  placementType: PLACEMENT_TYPE_LABELS,
};

/**
 * Never shows a code: a code missing from its catalogue (a target group added to the table after
 * the lookup was built) reads as words, with the underscores gone.
 */
const asWords = (code: string): Localized => {
  const words = code.replace(/_/g, ' ');
  return { da: words, en: words };
};

/** The one label lookup: the catalogues here plus the target groups' labels from their table. */
export function codeLabels(targetGroups: Readonly<Record<string, Localized>> = {}): LabelLookup {
  return (kind, code) => {
    const table = kind === 'targetGroup' ? targetGroups : STATIC_LABELS[kind];
    return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : asWords(code);
  };
}

/** Labels of several codes of one kind, as a list in the reader's language ("a, b og c"). */
export function labelList(
  labels: LabelLookup,
  kind: CodeKind,
  codes: readonly string[],
): Localized {
  const names = codes.map((code) => labels(kind, code));
  const join = (parts: string[], and: string): string =>
    parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
  return {
    da: join(
      names.map((n) => n.da),
      'og',
    ),
    en: join(
      names.map((n) => n.en),
      'and',
    ),
  };
}
