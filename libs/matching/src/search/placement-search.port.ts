/** One search over published placements; engines (PostgreSQL, Meilisearch) implement it alike. */
export interface PlacementSearchQuery {
  text?: string;
  /** ISCO-08 code at any level (1-4 digits). */
  iscoCode?: string;
  types?: string[];
  /** Every one of these must be offered. */
  accommodations?: string[];
  /** Weekly hours the slot must allow. */
  hours?: number;
  /** Slots that can start by this date (YYYY-MM-DD) and have not closed their window before today. */
  startBy?: string;
  municipalityCode?: number;
  near?: { latitude: number; longitude: number };
  radiusKm?: number;
  sort: 'relevance' | 'distance';
  /** Only these companies' slots (the caller's partners). */
  companyIds: string[];
  today: string;
  limit: number;
  offset: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface PlacementSearchResult {
  hits: { id: string; score: number; distanceKm: number | null }[];
  total: number;
  facets: { types: FacetCount[]; accommodations: FacetCount[]; municipalities: FacetCount[] };
  /** Which engine answered, when it was not the configured one (fallback). */
  engine?: string;
}

export interface PlacementSearchEngine {
  readonly name: string;
  search(query: PlacementSearchQuery): Promise<PlacementSearchResult>;
}

export const PLACEMENT_SEARCH_ENGINE = Symbol('PLACEMENT_SEARCH_ENGINE');
