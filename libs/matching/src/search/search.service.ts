import { PlacementService } from '@jobbro/company';
import { invalidField, type Principal, todayInDenmark } from '@jobbro/core';
import { Inject, Injectable } from '@nestjs/common';
import { PLACEMENT_SEARCH_ENGINE, type PlacementSearchEngine } from './placement-search.port';
import type { SearchPlacementsArgs } from './search.inputs';
import type { PlacementSearchResultModel } from './search.models';

const encodeOffset = (offset: number): string =>
  Buffer.from(`offset:${offset}`).toString('base64url');
function decodeOffset(after: string | null | undefined): number {
  if (!after) return 0;
  const match = /^offset:(\d{1,7})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) {
    throw invalidField('after', 'cursor', {
      da: 'Ugyldig markør; start forfra uden "after".',
      en: 'Invalid cursor; start over without "after".',
    });
  }
  return Number(match[1]);
}

/** Placement search for consultants (their partners' slots) and companies (their own published slots). */
@Injectable()
export class SearchService {
  constructor(
    @Inject(PLACEMENT_SEARCH_ENGINE) private readonly engine: PlacementSearchEngine,
    private readonly placements: PlacementService,
  ) {}

  async searchPlacements(
    principal: Principal,
    args: SearchPlacementsArgs,
  ): Promise<PlacementSearchResultModel> {
    if (args.radiusKm !== undefined && !args.near) {
      throw invalidField('radiusKm', 'near', {
        da: 'Angiv også near (et punkt).',
        en: 'Give near (a point) too.',
      });
    }
    const offset = decodeOffset(args.after);
    const result = await this.engine.search({
      text: args.query,
      ...args.filter,
      near: args.near,
      radiusKm: args.radiusKm,
      sort: args.sort,
      companyIds: await this.placements.visibleCompanyIds(principal),
      today: todayInDenmark(),
      limit: args.first,
      offset,
    });
    // The hits are read under the one visibility rule: an index that lags behind never shows a
    // slot the caller may no longer see.
    const byId = new Map(
      (
        await this.placements.visiblePlacementsByIds(
          principal,
          result.hits.map((h) => h.id),
        )
      ).map((p) => [p.id, p]),
    );
    const edges = result.hits
      .filter((h) => byId.has(h.id))
      .map((h, i) => ({
        cursor: encodeOffset(offset + i + 1),
        score: Math.round(h.score * 1000) / 1000,
        distanceKm: h.distanceKm === null ? null : Math.round(h.distanceKm * 10) / 10,
        node: byId.get(h.id)!,
      }));
    return {
      edges,
      totalCount: result.total,
      pageInfo: {
        hasNextPage: offset + result.hits.length < result.total,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      facets: result.facets,
      engine: result.engine ?? this.engine.name,
    };
  }
}
