import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MatchCitizen, MatchPlacement } from './rules/match-types';
import { placementOnlyValues, type Weights } from './rules/scoring';
import { groupsThatMayUse } from './rules/type-rules';

const PLACEMENT_COLUMNS = `p.id, p.company_id AS "companyId", p.type, p.status, p.title, p.description, p.tasks, p.isco_code AS "iscoCode",
  coalesce(o.labels_da[1], o.label) AS "occupationLabel", p.capacity, 0 AS occupied,
  p.weekly_hours_min::float8 AS "weeklyHoursMin", p.weekly_hours_max::float8 AS "weeklyHoursMax",
  to_char(p.start_earliest, 'YYYY-MM-DD') AS "startEarliest", to_char(p.start_latest, 'YYYY-MM-DD') AS "startLatest",
  p.accommodations::text[] AS accommodations, p.requirements::text[] AS requirements,
  p.ordinary_hours_possible AS "ordinaryHoursPossible", p.ordinary_hours_after_weeks AS "ordinaryHoursAfterWeeks",
  p.ordinary_hours_per_week::float8 AS "ordinaryHoursPerWeek", p.latitude, p.longitude, p.municipality_code AS "municipalityCode",
  CASE WHEN p.mentor_id IS NULL THEN NULL ELSE m.capacity END AS "mentorFreeCapacity", NULL AS "trackRecord"`;

/** The SQL of matching. Citizen data is read here and never leaves PostgreSQL for an index. */
@Injectable()
export class MatchingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The citizen as matching sees them: the first-priority goal, needs, target group in force. */
  async citizen(citizenId: string, today: string): Promise<MatchCitizen | null> {
    const rows = await this.citizensWhere(`c.id = $3`, [citizenId], today);
    return rows[0] ?? null;
  }

  /**
   * Reverse matching, in PostgreSQL: the citizens who can be among the `first` best for the slot.
   * Every citizen of the job centre who passes the hard filters that SQL can decide (a superset
   * of `hardFilters`) gets a partial score: every weighted factor but the goal's own words, with
   * the same formulas as `scoreFactors` (haversine included). The goal's words add at most their
   * weight, so a citizen whose partial score plus that weight is below the `first`-th best partial
   * score cannot make the list, and is left out. The rest are exactly scored by the caller.
   */
  async citizenShortlist(
    jobCentreId: string,
    p: MatchPlacement,
    today: string,
    first: number,
    weights: Weights,
  ): Promise<string[]> {
    const slotOnly = placementOnlyValues(p);
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH c AS (
         SELECT c.id, g.hours_now::float8 AS hours_now, g.hours_later::float8 AS hours_later,
                g.max_commute_km::float8 AS max_commute_km, greatest($3::date, coalesce(g.earliest_start, $3::date)) AS start,
                (SELECT t.target_group FROM citizen_target_group t WHERE t.citizen_id = c.id AND t.valid_from <= $3::date
                   AND (t.valid_to IS NULL OR t.valid_to >= $3::date) ORDER BY t.valid_from DESC LIMIT 1) AS target_group,
                coalesce((SELECT max(CASE WHEN o.isco_code = $4 THEN 1 WHEN left(o.isco_code, 3) = left($4, 3) THEN 0.7
                                          WHEN left(o.isco_code, 2) = left($4, 2) THEN 0.4 WHEN left(o.isco_code, 1) = left($4, 1) THEN 0.2 ELSE 0 END)
                            FROM occupation o WHERE o.id = ANY(g.occupation_ids)), 0)::float8 AS occupation,
                2 * 6371.0088 * asin(least(1, sqrt(sin(radians($5::float8 - c.latitude) / 2) ^ 2
                  + cos(radians(c.latitude)) * cos(radians($5::float8)) * sin(radians($6::float8 - c.longitude) / 2) ^ 2))) AS km
           FROM citizen c
           LEFT JOIN LATERAL (SELECT * FROM job_goal g WHERE g.citizen_id = c.id ORDER BY g.priority, g.created_at LIMIT 1) g ON true
          WHERE c.job_centre_id = $1 AND c.status = 'active'
            AND coalesce((SELECT n.accommodations FROM citizen_need n WHERE n.citizen_id = c.id), '{}') <@ $2::accommodation[]),
       f AS (
         SELECT id,
                occupation * $11
                + greatest(0, least(1, 1 - km / greatest(coalesce(max_commute_km, 30), 1))) * $12
                + (CASE WHEN hours_later IS NULL OR hours_later <= $8 THEN 1 ELSE $8 / hours_later END) * $13
                + (1 - least(greatest(0, $9::date - start), 90) / 90.0) * $14
                + $15 AS partial
           FROM c
          WHERE (target_group IS NULL OR target_group = ANY($16::text[]))
            AND (max_commute_km IS NULL OR km <= max_commute_km + 1e-9)
            AND (hours_now IS NULL OR $7 <= hours_now)
            AND ($10::date IS NULL OR $10::date >= start))
       SELECT id FROM f
        WHERE partial + $17 >= coalesce((SELECT partial FROM f ORDER BY partial DESC OFFSET $18 LIMIT 1), -1) - 1e-6`,
      [
        jobCentreId,
        p.accommodations,
        today,
        p.iscoCode,
        p.latitude,
        p.longitude,
        p.weeklyHoursMin,
        p.weeklyHoursMax,
        p.startEarliest,
        p.startLatest,
        weights.occupation,
        weights.distance,
        weights.hours,
        weights.start,
        slotOnly.ordinaryHours * weights.ordinaryHours +
          slotOnly.mentor * weights.mentor +
          slotOnly.trackRecord * weights.trackRecord,
        groupsThatMayUse(p.type),
        weights.goalWords,
        first - 1,
      ],
    );
    return rows.map((r) => r.id);
  }

  /** Citizens as matching sees them, by id. */
  citizensByIds(ids: string[], today: string): Promise<(MatchCitizen & { id: string })[]> {
    return this.citizensWhere(`c.id = ANY($3::uuid[])`, [ids], today);
  }

  private citizensWhere(
    where: string,
    params: unknown[],
    today: string,
  ): Promise<(MatchCitizen & { id: string })[]> {
    return this.dataSource.query<(MatchCitizen & { id: string })[]>(
      `SELECT c.id, c.latitude, c.longitude,
              (SELECT t.target_group FROM citizen_target_group t WHERE t.citizen_id = c.id AND t.valid_from <= $1::date
                 AND (t.valid_to IS NULL OR t.valid_to >= $1::date) ORDER BY t.valid_from DESC LIMIT 1) AS "targetGroup",
              coalesce((SELECT n.accommodations::text[] FROM citizen_need n WHERE n.citizen_id = c.id), '{}') AS "accommodationsNeeded",
              '{}'::text[] AS qualifications, $2::uuid AS "mostRecentEmployerCompanyId",
              (SELECT json_build_object(
                   'iscoCodes', coalesce((SELECT array_agg(o.isco_code) FROM occupation o WHERE o.id = ANY(g.occupation_ids)), '{}'),
                   'occupationLabels', coalesce((SELECT array_agg(coalesce(o.labels_da[1], o.label)) FROM occupation o WHERE o.id = ANY(g.occupation_ids)), '{}'),
                   'ownWords', g.own_words, 'hoursNow', g.hours_now::float8, 'hoursLater', g.hours_later::float8,
                   'maxCommuteKm', g.max_commute_km, 'earliestStart', to_char(g.earliest_start, 'YYYY-MM-DD'))
                 FROM job_goal g WHERE g.citizen_id = c.id ORDER BY g.priority, g.created_at LIMIT 1) AS goal
         FROM citizen c WHERE ${where}`,
      [today, null, ...params],
    );
  }

  /** The version of the job centre's matchable slots; it moves with every change to them. */
  async scopeVersion(jobCentreId: string): Promise<bigint> {
    const rows = await this.dataSource.query<{ version: string }[]>(
      `SELECT version FROM match_scope_version WHERE job_centre_id = $1`,
      [jobCentreId],
    );
    return BigInt(rows[0]?.version ?? 0);
  }

  /**
   * Every published slot of the job centre's partner companies with the version they are at,
   * read in one snapshot so the version describes exactly these rows.
   */
  partnerSlots(jobCentreId: string): Promise<{ version: bigint; rows: MatchPlacement[] }> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      const version = await em.query<{ version: string }[]>(
        `SELECT version FROM match_scope_version WHERE job_centre_id = $1`,
        [jobCentreId],
      );
      const rows = await em.query<MatchPlacement[]>(
        `SELECT ${PLACEMENT_COLUMNS}
           FROM placement p
           JOIN occupation o ON o.id = p.occupation_id
           LEFT JOIN mentor m ON m.id = p.mentor_id
          WHERE p.status = 'published'
            AND p.company_id IN (SELECT company_id FROM partnership WHERE job_centre_id = $1 AND status IN ('active', 'paused'))
          ORDER BY p.id`,
        [jobCentreId],
      );
      return { version: BigInt(version[0]?.version ?? 0), rows };
    });
  }

  /** The slots as they are now, for the job centre's partners only. */
  partnerSlotsByIds(jobCentreId: string, ids: string[]): Promise<MatchPlacement[]> {
    return this.dataSource.query<MatchPlacement[]>(
      `SELECT ${PLACEMENT_COLUMNS}
         FROM placement p
         JOIN occupation o ON o.id = p.occupation_id
         LEFT JOIN mentor m ON m.id = p.mentor_id
        WHERE p.id = ANY($2::uuid[])
          AND p.company_id IN (SELECT company_id FROM partnership WHERE job_centre_id = $1 AND status IN ('active', 'paused'))`,
      [jobCentreId, ids],
    );
  }

  async placement(placementId: string): Promise<MatchPlacement | null> {
    const rows = await this.dataSource.query<MatchPlacement[]>(
      `SELECT ${PLACEMENT_COLUMNS} FROM placement p JOIN occupation o ON o.id = p.occupation_id
         LEFT JOIN mentor m ON m.id = p.mentor_id WHERE p.id = $1`,
      [placementId],
    );
    return rows[0] ?? null;
  }

  async names(citizenIds: string[]): Promise<Map<string, { firstName: string; lastName: string }>> {
    const rows = await this.dataSource.query<{ id: string; firstName: string; lastName: string }[]>(
      `SELECT id, first_name AS "firstName", last_name AS "lastName" FROM citizen WHERE id = ANY($1)`,
      [citizenIds],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async isPartnerPlacement(jobCentreId: string, placementId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM placement p JOIN partnership s ON s.company_id = p.company_id
        WHERE p.id = $2 AND s.job_centre_id = $1 AND s.status IN ('active', 'paused')`,
      [jobCentreId, placementId],
    );
    return rows.length > 0;
  }
}
