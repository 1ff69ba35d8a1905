import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  FacetCount,
  PlacementSearchEngine,
  PlacementSearchQuery,
  PlacementSearchResult,
} from './placement-search.port';

/**
 * The default engine: Danish full-text search (stemming, unaccent) or trigram word similarity
 * (typos), with an earthdistance radius on a GiST index, all on PostgreSQL.
 */
@Injectable()
export class PostgresSearchEngine implements PlacementSearchEngine {
  readonly name = 'postgres';

  constructor(private readonly dataSource: DataSource) {}

  /** The WHERE clause and its parameters; shared by hits, count and facets (and the plan test). */
  where(q: PlacementSearchQuery): {
    sql: string;
    params: unknown[];
    textParam: number | null;
    pointParams: [number, number] | null;
  } {
    const params: unknown[] = [q.companyIds];
    const add = (value: unknown): string => `$${params.push(value)}`;
    const clauses = [`p.status = 'published'`, `p.capacity > 0`, `p.company_id = ANY($1::uuid[])`];
    let textParam: number | null = null;
    const text = q.text?.trim() ?? '';
    if (text) {
      // The stored text went through lower(unaccent()); the query goes the same way, in SQL.
      const t = add(text);
      textParam = params.length;
      clauses.push(
        `(p.search_vector @@ websearch_to_tsquery('danish', unaccent(${t}::text)) OR lower(unaccent(${t}::text)) <% p.search_text)`,
      );
    }
    // A range rather than LIKE, so the btree index on isco_code serves any ISCO level.
    if (q.iscoCode)
      clauses.push(`p.isco_code >= ${add(q.iscoCode)} AND p.isco_code < ${add(`${q.iscoCode}~`)}`);
    if (q.types?.length) clauses.push(`p.type = ANY(${add(q.types)}::placement_type[])`);
    if (q.accommodations?.length)
      clauses.push(`p.accommodations @> ${add(q.accommodations)}::accommodation[]`);
    if (q.hours !== undefined) {
      const h = `${add(q.hours)}::numeric`;
      clauses.push(`p.weekly_hours_min <= ${h} AND p.weekly_hours_max >= ${h}`);
    }
    if (q.startBy) clauses.push(`p.start_earliest <= ${add(q.startBy)}::date`);
    clauses.push(`(p.start_latest IS NULL OR p.start_latest >= ${add(q.today)}::date)`);
    if (q.municipalityCode !== undefined)
      clauses.push(`p.municipality_code = ${add(q.municipalityCode)}`);
    let pointParams: [number, number] | null = null;
    if (q.near && q.radiusKm !== undefined) {
      const lat = `${add(q.near.latitude)}::float8`;
      const lng = `${add(q.near.longitude)}::float8`;
      pointParams = [params.length - 1, params.length];
      const r = `${add(q.radiusKm * 1000)}::float8`;
      clauses.push(
        `earth_box(ll_to_earth(${lat}, ${lng}), ${r}) @> ll_to_earth(p.latitude, p.longitude)`,
      );
      clauses.push(
        `earth_distance(ll_to_earth(${lat}, ${lng}), ll_to_earth(p.latitude, p.longitude)) <= ${r}`,
      );
    }
    return { sql: clauses.join(' AND '), params, textParam, pointParams };
  }

  async search(q: PlacementSearchQuery): Promise<PlacementSearchResult> {
    const w = this.where(q);
    const params = [...w.params];
    // A point without a radius only sorts and measures: its parameters belong to the hits query alone.
    const point =
      w.pointParams ??
      (q.near
        ? ([params.push(q.near.latitude), params.push(q.near.longitude)] as [number, number])
        : null);
    const score = w.textParam
      ? `ts_rank(p.search_vector, websearch_to_tsquery('danish', unaccent($${w.textParam}::text))) + word_similarity(lower(unaccent($${w.textParam}::text)), p.search_text)`
      : '0';
    const distance = point
      ? `earth_distance(ll_to_earth($${point[0]}::float8, $${point[1]}::float8), ll_to_earth(p.latitude, p.longitude)) / 1000`
      : 'NULL::float8';
    const order =
      q.sort === 'distance' && point
        ? `"distanceKm" ASC, p.id`
        : `score DESC, p.published_at DESC, p.id`;
    params.push(q.limit, q.offset);
    // One pass over the matches: hits, count and facets all read the same materialized rows.
    const [row] = await this.dataSource.query<
      {
        hits: { id: string; score: number; distanceKm: number | null }[] | null;
        total: number;
        types: FacetCount[] | null;
        accommodations: FacetCount[] | null;
        municipalities: FacetCount[] | null;
      }[]
    >(
      `WITH m AS MATERIALIZED (
         SELECT p.id, p.type, p.accommodations, p.municipality_code, p.published_at,
                (${score})::float8 AS score, (${distance})::float8 AS "distanceKm"
           FROM placement p WHERE ${w.sql})
       SELECT
         (SELECT json_agg(h) FROM (SELECT p.id, p.score, p."distanceKm" FROM m p ORDER BY ${order}
            LIMIT $${params.length - 1} OFFSET $${params.length}) h) AS hits,
         (SELECT count(*)::int FROM m) AS total,
         ${facet('type::text')} AS types,
         ${facet('unnest(accommodations)::text')} AS accommodations,
         ${facet('municipality_code::text')} AS municipalities`,
      params,
    );
    return {
      hits: row.hits ?? [],
      total: row.total,
      facets: {
        types: row.types ?? [],
        accommodations: row.accommodations ?? [],
        municipalities: row.municipalities ?? [],
      },
    };
  }
}

/** Counts per value of an expression over the matches, most common first. */
const facet = (expression: string): string =>
  `(SELECT json_agg(f) FROM (SELECT value, count(*)::int AS count FROM (SELECT ${expression} AS value FROM m) v
      GROUP BY value ORDER BY count DESC, value) f)`;
