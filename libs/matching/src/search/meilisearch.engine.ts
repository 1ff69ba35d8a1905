import { Logger } from '@nestjs/common';
import type { MeiliSearch } from 'meilisearch';
import { FILTERABLE, MeiliFilter } from './meili-filter';
import { dayNumber } from './placement-documents';
import type {
  FacetCount,
  PlacementSearchEngine,
  PlacementSearchQuery,
  PlacementSearchResult,
} from './placement-search.port';

export const PLACEMENT_INDEX = 'placements';

export const INDEX_SETTINGS = {
  searchableAttributes: ['title', 'occupationLabel', 'tasks', 'description'],
  filterableAttributes: [...FILTERABLE, '_geo'],
  sortableAttributes: ['_geo', 'publishedAt'],
};

const facet = (distribution: Record<string, number> | undefined): FacetCount[] =>
  Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

/** Production search: Meilisearch (selected by MEILI_URL). Filters go through the typed builder. */
export class MeilisearchEngine implements PlacementSearchEngine {
  readonly name = 'meilisearch';

  constructor(private readonly client: MeiliSearch) {}

  filterFor(q: PlacementSearchQuery): string {
    const f = new MeiliFilter()
      .eq('status', 'published')
      .compare('freeCapacity', '>', 0)
      .in('companyId', q.companyIds);
    if (q.iscoCode)
      f.eq(
        q.iscoCode.length === 4 ? 'iscoCode' : (`isco${q.iscoCode.length}` as 'isco1'),
        q.iscoCode,
      );
    if (q.types?.length) f.in('type', q.types);
    if (q.accommodations?.length) f.all('accommodations', q.accommodations);
    if (q.hours !== undefined)
      f.compare('weeklyHoursMin', '<=', q.hours).compare('weeklyHoursMax', '>=', q.hours);
    if (q.startBy) f.compare('startEarliest', '<=', dayNumber(q.startBy));
    f.compare('startLatestOrMax', '>=', dayNumber(q.today));
    if (q.municipalityCode !== undefined) f.eq('municipalityCode', q.municipalityCode);
    if (q.near && q.radiusKm !== undefined)
      f.geoRadius(q.near.latitude, q.near.longitude, q.radiusKm * 1000);
    return f.build();
  }

  async search(q: PlacementSearchQuery): Promise<PlacementSearchResult> {
    if (q.companyIds.length === 0)
      return { hits: [], total: 0, facets: { types: [], accommodations: [], municipalities: [] } };
    const res = await this.client
      .index(PLACEMENT_INDEX)
      .search<{ id: string; _geoDistance?: number; _rankingScore?: number }>(q.text ?? '', {
        filter: this.filterFor(q),
        sort:
          q.sort === 'distance' && q.near
            ? [`_geoPoint(${q.near.latitude}, ${q.near.longitude}):asc`]
            : undefined,
        facets: ['type', 'accommodations', 'municipalityCode'],
        limit: q.limit,
        offset: q.offset,
        showRankingScore: true,
      });
    return {
      hits: res.hits.map((h) => ({
        id: h.id,
        score: h._rankingScore ?? 0,
        distanceKm: h._geoDistance === undefined ? null : h._geoDistance / 1000,
      })),
      total: res.estimatedTotalHits ?? res.hits.length,
      facets: {
        types: facet(res.facetDistribution?.type),
        accommodations: facet(res.facetDistribution?.accommodations),
        municipalities: facet(res.facetDistribution?.municipalityCode),
      },
    };
  }
}

/**
 * Meilisearch first; when it fails (down, not reachable), PostgreSQL answers and a warning is
 * logged, so search keeps working while the index catches up through the outbox.
 */
export class FallbackSearchEngine implements PlacementSearchEngine {
  private readonly logger = new Logger('Search');

  constructor(
    private readonly primary: PlacementSearchEngine,
    private readonly fallback: PlacementSearchEngine,
  ) {}

  get name(): string {
    return this.primary.name;
  }

  async search(q: PlacementSearchQuery): Promise<PlacementSearchResult & { engine?: string }> {
    try {
      return { ...(await this.primary.search(q)), engine: this.primary.name };
    } catch (e) {
      this.logger.warn(
        `${this.primary.name} failed (${e instanceof Error ? e.message : String(e)}); answering from ${this.fallback.name}`,
      );
      return { ...(await this.fallback.search(q)), engine: this.fallback.name };
    }
  }
}
