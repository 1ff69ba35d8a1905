import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MatchCitizen, MatchPlacement } from './rules/match-types';

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
   * Reverse matching in one query: active citizens of the job centre with a goal, who need no
   * accommodation the slot cannot offer and live within their own commute of it.
   */
  citizensFor(
    jobCentreId: string,
    placement: MatchPlacement,
    today: string,
    limit: number,
  ): Promise<(MatchCitizen & { id: string })[]> {
    return this.citizensWhere(
      `c.job_centre_id = $3 AND c.status = 'active'
       AND coalesce((SELECT n.accommodations FROM citizen_need n WHERE n.citizen_id = c.id), '{}') <@ $4::accommodation[]
       AND EXISTS (SELECT 1 FROM job_goal g WHERE g.citizen_id = c.id AND (g.max_commute_km IS NULL OR
             earth_distance(ll_to_earth(c.latitude, c.longitude), ll_to_earth($5::float8, $6::float8)) <= g.max_commute_km * 1000))
       ORDER BY c.created_at DESC LIMIT $7`,
      [jobCentreId, placement.accommodations, placement.latitude, placement.longitude, limit],
      today,
    );
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
