import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  FacetCount,
  PlacementSearchEngine,
  PlacementSearchQuery,
  PlacementSearchResult,
} from './placement-search.port';

/**
 * The default engine: Danish full-text search (stemming, unaccent) with typos corrected through
 * a trigram-indexed vocabulary, and an earthdistance radius on a GiST index, all on PostgreSQL.
 */
@Injectable()
export class PostgresSearchEngine implements PlacementSearchEngine {
  readonly name = 'postgres';

  constructor(private readonly dataSource: DataSource) {}

  /** The WHERE clause and its parameters; shared by hits, count and facets (and the plan test). */
  where(
    q: PlacementSearchQuery,
    expandedText: string | null = null,
  ): {
    sql: string;
    params: unknown[];
    textParam: number | null;
    tsquery: string | null;
    pointParams: [number, number] | null;
    /** The clauses without the exact radius test (the box stays), and the radius in metres. */
    withinBox: string;
    radiusParam: number | null;
  } {
    const params: unknown[] = [q.companyIds];
    const add = (value: unknown): string => `$${params.push(value)}`;
    const clauses = [`p.status = 'published'`, `p.capacity > 0`, `p.company_id = ANY($1::uuid[])`];
    let textParam: number | null = null;
    const text = q.text?.trim() ?? '';
    let tsquery: string | null = null;
    if (text) {
      // The stored text went through unaccent(); the query goes the same way, in SQL.
      const t = add(expandedText ?? text);
      textParam = params.length;
      tsquery = expandedText
        ? `to_tsquery('danish', ${t}::text)`
        : `websearch_to_tsquery('danish', unaccent(${t}::text))`;
      clauses.push(`p.search_vector @@ ${tsquery}`);
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
    let radiusParam: number | null = null;
    const exact: string[] = [];
    // A slot without coordinates has no distance: ll_to_earth(NULL, NULL) is NULL, so it is never
    // inside a radius and its distanceKm is null (sorted last), never a distance to 0,0. (Published
    // slots always have a site: placement_publishable and the site trigger guarantee it.)
    if (q.near && q.radiusKm !== undefined) {
      const lat = `${add(q.near.latitude)}::float8`;
      const lng = `${add(q.near.longitude)}::float8`;
      pointParams = [params.length - 1, params.length];
      const r = `${add(q.radiusKm * 1000)}::float8`;
      radiusParam = params.length;
      clauses.push(
        `earth_box(ll_to_earth(${lat}, ${lng}), ${r}) @> ll_to_earth(p.latitude, p.longitude)`,
      );
      exact.push(`${metresFrom(pointParams)} <= ${r}`);
    }
    return {
      sql: [...clauses, ...exact].join(' AND '),
      withinBox: clauses.join(' AND '),
      radiusParam,
      params,
      textParam,
      tsquery,
      pointParams,
    };
  }

  /**
   * The query's words, each with up to three nearest words of the vocabulary (typos), as a
   * to_tsquery expression: `(rengoing | rengoring) & (lokaler)`. Only letters and digits survive
   * the split, so user text cannot inject tsquery operators. Null when no word is left.
   */
  async expand(text: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ q: string | null }[]>(
      `WITH words AS (
         SELECT DISTINCT w FROM regexp_split_to_table(lower(unaccent($1::text)), '[^a-z0-9]+') w
          WHERE length(w) > 1 LIMIT 10)
       SELECT string_agg('(' || alternatives || ')', ' & ') AS q FROM (
         SELECT w, string_agg(DISTINCT x, ' | ') AS alternatives FROM (
           SELECT w, w AS x FROM words
           UNION ALL
           SELECT w, s.word FROM words, LATERAL (
             SELECT word FROM search_word WHERE length(w) >= 4 AND word % w ORDER BY word <-> w LIMIT 3) s
         ) a GROUP BY w) g`,
      [text],
    );
    return row?.q ?? null;
  }

  async search(q: PlacementSearchQuery): Promise<PlacementSearchResult> {
    const text = q.text?.trim();
    const expanded = text ? await this.expand(text) : null;
    // Nothing searchable in the text (only punctuation): no slot can match it.
    if (text && !expanded)
      return { hits: [], total: 0, facets: { types: [], accommodations: [], municipalities: [] } };
    const w = this.where(q, expanded);
    const params = [...w.params];
    // A point without a radius only sorts and measures: its parameters belong to the hits query alone.
    const point =
      w.pointParams ??
      (q.near
        ? ([params.push(q.near.latitude), params.push(q.near.longitude)] as [number, number])
        : null);
    const score = w.tsquery ? `ts_rank(p.search_vector, ${w.tsquery})` : '0';
    const metres = point ? metresFrom(point) : 'NULL::float8';
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
      // The distance is computed once per row: inside the box, then tested against the radius
      // (OFFSET 0 keeps the planner from folding the test back into the scan, computing it twice).
      `WITH m AS MATERIALIZED (
         SELECT id, type, accommodations, municipality_code, published_at, score, metres / 1000 AS "distanceKm"
           FROM (SELECT p.id, p.type, p.accommodations, p.municipality_code, p.published_at,
                        (${score})::float8 AS score, (${metres})::float8 AS metres
                   FROM placement p WHERE ${w.withinBox} OFFSET 0) x
          ${w.radiusParam ? `WHERE metres <= $${w.radiusParam}::float8` : ''})
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

/** Metres from the point (parameter numbers of its latitude and longitude) to the slot. */
const metresFrom = ([lat, lng]: [number, number]): string =>
  `earth_distance(ll_to_earth($${lat}::float8, $${lng}::float8), ll_to_earth(p.latitude, p.longitude))`;

/** Counts per value of an expression over the matches, most common first. */
const facet = (expression: string): string =>
  `(SELECT json_agg(f) FROM (SELECT value, count(*)::int AS count FROM (SELECT ${expression} AS value FROM m) v
      GROUP BY value ORDER BY count DESC, value) f)`;
