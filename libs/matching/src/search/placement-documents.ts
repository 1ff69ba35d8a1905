import type { DataSource } from 'typeorm';

/** A placement as the search index holds it: company-side data only, never citizen data. */
export interface PlacementDocument {
  id: string;
  companyId: string;
  status: string;
  type: string;
  title: string;
  description: string;
  tasks: string[];
  occupationLabel: string;
  iscoCode: string;
  isco1: string;
  isco2: string;
  isco3: string;
  accommodations: string[];
  weeklyHoursMin: number;
  weeklyHoursMax: number;
  /** Days since 1970-01-01, so Meilisearch can compare them as numbers. */
  startEarliest: number;
  startLatestOrMax: number;
  municipalityCode: number | null;
  freeCapacity: number;
  publishedAt: number;
  _geo: { lat: number; lng: number } | null;
}

export const dayNumber = (isoDate: string): number =>
  Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

/** Published placements as index documents; all of them, or the given ids, in id order from `after`. */
export async function placementDocuments(
  dataSource: DataSource,
  options: { ids?: string[]; after?: string; limit: number },
): Promise<PlacementDocument[]> {
  const rows = await dataSource.query<
    (Omit<PlacementDocument, '_geo'> & { latitude: number | null; longitude: number | null })[]
  >(
    `SELECT p.id, p.company_id AS "companyId", p.status, p.type, p.title, p.description, p.tasks,
            coalesce(o.labels_da[1], o.label) || ' ' || o.label AS "occupationLabel", p.isco_code AS "iscoCode",
            left(p.isco_code, 1) AS isco1, left(p.isco_code, 2) AS isco2, left(p.isco_code, 3) AS isco3,
            p.accommodations::text[] AS accommodations, p.weekly_hours_min::float8 AS "weeklyHoursMin",
            p.weekly_hours_max::float8 AS "weeklyHoursMax",
            (p.start_earliest - date '1970-01-01') AS "startEarliest",
            coalesce(p.start_latest - date '1970-01-01', 999999) AS "startLatestOrMax",
            p.municipality_code AS "municipalityCode", p.capacity AS "freeCapacity",
            coalesce(extract(epoch FROM p.published_at)::bigint, 0)::float8 AS "publishedAt", p.latitude, p.longitude
       FROM placement p JOIN occupation o ON o.id = p.occupation_id
      WHERE p.status = 'published' AND ($1::uuid[] IS NULL OR p.id = ANY($1)) AND ($2::uuid IS NULL OR p.id > $2)
      ORDER BY p.id LIMIT $3`,
    [options.ids ?? null, options.after ?? null, options.limit],
  );
  return rows.map(({ latitude, longitude, ...doc }) => ({
    ...doc,
    _geo: latitude === null || longitude === null ? null : { lat: latitude, lng: longitude },
  }));
}
