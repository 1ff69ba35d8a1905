import { type LegalRule, lastEmployerGroupRows, placementTypeRows } from '@jobbro/rules';
import { mostRecentEmployerSql, targetGroupOnSql } from '@jobbro/citizen';
import { positional, visiblePlacementsSql } from '@jobbro/company';
import { heldSeatsSql } from '@jobbro/proposal';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CONTENT_WORDS_VERSION, contentWords } from '@jobbro/core';
import type { MatchCitizen, MatchPlacement } from './rules/match-types';
import {
  ISCO_LEVEL_VALUES,
  placementOnlyValues,
  placementText,
  type Weights,
} from './rules/scoring';

const PLACEMENT_COLUMNS = `p.id, p.company_id AS "companyId", p.type, p.status, p.title, p.description, p.tasks, p.isco_code AS "iscoCode",
  coalesce(o.labels_da[1], o.label) AS "occupationLabel", p.capacity, ${heldSeatsSql('p')} AS occupied,
  p.weekly_hours_min::float8 AS "weeklyHoursMin", p.weekly_hours_max::float8 AS "weeklyHoursMax",
  to_char(p.start_earliest, 'YYYY-MM-DD') AS "startEarliest", to_char(p.start_latest, 'YYYY-MM-DD') AS "startLatest",
  p.accommodations::text[] AS accommodations, p.requirements::text[] AS requirements,
  CASE WHEN num_nonnulls(p.work_days, p.work_from, p.work_until) > 0 THEN json_build_object('weekdays', p.work_days::text[],
    'from', to_char(p.work_from, 'HH24:MI'), 'until', to_char(p.work_until, 'HH24:MI')) END AS "workingTimes",
  p.ordinary_hours_possible AS "ordinaryHoursPossible", p.ordinary_hours_after_weeks AS "ordinaryHoursAfterWeeks",
  p.ordinary_hours_per_week::float8 AS "ordinaryHoursPerWeek", p.latitude, p.longitude, p.municipality_code AS "municipalityCode",
  CASE WHEN p.mentor_id IS NULL THEN NULL ELSE m.capacity END AS "mentorFreeCapacity", NULL AS "trackRecord"`;

const PLACEMENT_FROM = `placement p JOIN occupation o ON o.id = p.occupation_id LEFT JOIN mentor m ON m.id = p.mentor_id`;

/**
 * Matchable: published, and visible to the job centre's staff under the company side's one
 * visibility rule (composed into this query, so a snapshot and its version stay one read).
 */
const matchable = (jobCentreId: string, params: unknown[]): string =>
  `p.status = 'published' AND ${visiblePlacementsSql({ kind: 'jobCentre', jobCentreId }, 'p', positional(params))}`;

/** One rounding step of the shown score (0.1 of 100) in weighted-sum units, plus float noise. */
const roundingSlack = (weights: Weights): number =>
  Object.values(weights).reduce((sum, w) => sum + w, 0) / 1000 + 1e-9;

/** The SQL of matching. Citizen data is read here and never leaves PostgreSQL for an index. */
@Injectable()
export class MatchingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The citizen as matching sees them: the first-priority goal, needs, target group in force. */
  async citizen(citizenId: string, today: string): Promise<MatchCitizen | null> {
    const rows = await this.citizensWhere(`c.id = $2`, [citizenId], today);
    return rows[0] ?? null;
  }

  /**
   * Reverse matching, in PostgreSQL: the citizens who can be among the `first` best for the slot.
   *
   * Every citizen of the job centre who passes the hard filters is scored in SQL with the same
   * formulas as `scoreFactors` (haversine included); the goal's own words are compared as the
   * terms the API stored with the goal (`contentWords`) against the slot's. A goal stored without
   * terms is given the best case, so it is never wrongly left out. Whoever cannot reach the
   * `first`-th best score, within one rounding step, is left out.
   *
   * Citizens are read from `citizen_match_profile` (one narrow row each, kept in step by
   * triggers) and visited by how close their goal's occupation is to the slot's (same ISCO unit
   * group, then minor, sub-major and major group, then the rest), each level found through the
   * GIN index on the goal's occupations. Once the `first`-th best score beats the most a
   * citizen of the next level could score, the remaining levels are not read at all.
   */
  async citizenShortlist(
    jobCentreId: string,
    p: MatchPlacement,
    today: string,
    rules: readonly LegalRule[],
    first: number,
    weights: Weights,
  ): Promise<string[]> {
    const slotOnly = placementOnlyValues(p);
    const slotPart =
      slotOnly.ordinaryHours * weights.ordinaryHours +
      slotOnly.mentor * weights.mentor +
      slotOnly.trackRecord * weights.trackRecord;
    const restAtMost = weights.distance + weights.hours + weights.start + weights.goalWords;
    // Scores are shown rounded to 0.1 and ties go by id, so keep anyone within one rounding step.
    const slack = roundingSlack(weights);
    const scored: { id: string; low: number; high: number }[] = [];
    let kth = -Infinity;
    for (const [i, level] of ISCO_LEVEL_VALUES.entries()) {
      scored.push(
        ...(await this.partialScores(jobCentreId, p, today, rules, weights, slotPart, level)),
      );
      if (scored.length >= first) kth = scored.map((x) => x.low).sort((x, y) => y - x)[first - 1];
      const next = ISCO_LEVEL_VALUES[i + 1];
      if (next && kth > next.value * weights.occupation + slotPart + restAtMost + slack) break;
    }
    return scored.filter((x) => x.high >= kth - slack).map((x) => x.id);
  }

  /**
   * Scores of the job centre's citizens whose first goal is at one ISCO level of the slot, as a
   * range: exact when the goal's terms are stored (low = high), else without and with the goal's
   * words at their best.
   */
  private partialScores(
    jobCentreId: string,
    p: MatchPlacement,
    today: string,
    legalRules: readonly LegalRule[],
    weights: Weights,
    slotPart: number,
    level: { digits: number; value: number },
  ): Promise<{ id: string; low: number; high: number }[]> {
    // The placement-types rows, a group's own first: the first in force for the citizen's group
    // (or '', every other group) decides, as placementTypeAllowed picks it.
    const types = placementTypeRows(legalRules, p.type);
    const lastEmployer = lastEmployerGroupRows(legalRules);
    return this.dataSource.query<{ id: string; low: number; high: number }[]>(
      `WITH c AS (
         SELECT m.citizen_id AS id, m.hours_now, m.hours_later, m.max_commute_km,
                CASE WHEN NOT m.has_goal THEN 0
                     WHEN m.goal_terms IS NULL OR m.goal_terms_version IS DISTINCT FROM $25 THEN NULL
                     WHEN cardinality(m.goal_terms) = 0 THEN 0
                     ELSE (SELECT count(*) FROM unnest(m.goal_terms) AS g WHERE EXISTS (
                             SELECT 1 FROM unnest($23::text[]) AS w WHERE starts_with(g, w) OR starts_with(w, g)))::float8
                          / cardinality(m.goal_terms) END AS relevance,
                greatest($3::date, coalesce(m.earliest_start, $3::date)) AS start,
                m.qualifications, m.available_days, m.available_from, m.available_until,
                m.last_employer_company_id, m.last_employer_cvr,
                (SELECT t.g FROM unnest(m.target_groups, m.target_group_from, m.target_group_to) AS t(g, f, u)
                  WHERE t.f <= $3::date AND (t.u IS NULL OR t.u >= $3::date) ORDER BY t.f DESC LIMIT 1) AS target_group,
                coalesce((SELECT max(CASE WHEN code = $4 THEN 1 WHEN left(code, 3) = left($4, 3) THEN 0.7
                                          WHEN left(code, 2) = left($4, 2) THEN 0.4 WHEN left(code, 1) = left($4, 1) THEN 0.2 ELSE 0 END)
                            FROM unnest(m.goal_isco_codes) AS code), 0)::float8 AS occupation,
                -- No coordinates, no distance (least() would skip a NULL and make one up).
                CASE WHEN $5::float8 IS NULL OR $6::float8 IS NULL OR m.latitude IS NULL OR m.longitude IS NULL THEN NULL
                ELSE 2 * 6371.0088 * asin(least(1, sqrt(sin(radians($5::float8 - m.latitude) / 2) ^ 2
                  + cos(radians(m.latitude)) * cos(radians($5::float8)) * sin(radians($6::float8 - m.longitude) / 2) ^ 2))) END AS km
           FROM citizen_match_profile m
          WHERE m.job_centre_id = $1 AND m.active
            AND ($17::int = 0 OR m.goal_occupation_ids &&
                  (SELECT array_agg(id) FROM occupation
                    WHERE isco_code >= left($4, $17::int) AND isco_code < left($4, $17::int) || '~'))
            AND m.accommodations <@ $2::accommodation[])
       SELECT id, base + coalesce(relevance, 0) * $24 AS low, base + coalesce(relevance, 1) * $24 AS high
         FROM (SELECT *,
                 occupation * $11
                 + (CASE WHEN km IS NULL THEN 0 ELSE greatest(0, least(1, 1 - km / greatest(coalesce(max_commute_km, 30), 1))) END) * $12
                 + (CASE WHEN hours_later IS NULL OR hours_later <= $8 THEN 1 ELSE $8 / hours_later END) * $13
                 + (1 - least(greatest(0, $9::date - start), 90) / 90.0) * $14
                 + $15 AS base
                 FROM c) c
        WHERE occupation = $16
          -- only a clear "not allowed" leaves the pair out (no group or no row: undecided)
          AND (target_group IS NULL OR coalesce((
                SELECT r.allows FROM unnest($18::text[], $19::date[], $20::date[], $21::boolean[]) WITH ORDINALITY
                       AS r(target_group, valid_from, valid_to, allows, n)
                 WHERE r.target_group IN (c.target_group, '') AND r.valid_from <= greatest($9::date, start)
                   AND (r.valid_to IS NULL OR r.valid_to >= greatest($9::date, start))
                 ORDER BY r.n LIMIT 1), true))
          AND (max_commute_km IS NULL OR km <= max_commute_km + 1e-9)
          AND (hours_now IS NULL OR $7 <= hours_now)
          AND ($10::date IS NULL OR $10::date >= start)
          AND $22::text[] <@ qualifications
          -- availability: each part compared only when both sides know it (availabilityFit)
          AND ($26::text[] IS NULL OR available_days IS NULL OR $26::text[] <@ available_days)
          AND ($27::time IS NULL OR available_from IS NULL OR $27::time >= available_from)
          AND ($28::time IS NULL OR available_until IS NULL OR $28::time <= available_until)
          -- not an internship at the most recent employer for a group the rule names at the start
          -- (isLastEmployerBlocked with lastEmployerGroups, as hardFilters' notLastEmployer)
          AND NOT ($29::boolean
                   AND EXISTS (SELECT 1 FROM unnest($30::text[], $32::date[], $33::date[]) AS r(target_group, valid_from, valid_to)
                                WHERE r.target_group = c.target_group AND r.valid_from <= greatest($9::date, start)
                                  AND (r.valid_to IS NULL OR r.valid_to >= greatest($9::date, start)))
                   AND (coalesce(last_employer_company_id = $31::uuid, false)
                        OR coalesce(last_employer_cvr = (SELECT cvr FROM company WHERE id = $31::uuid), false)))`,
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
        slotPart,
        level.value,
        level.digits,
        types.map((r) => r.targetGroup),
        types.map((r) => r.validFrom),
        types.map((r) => r.validTo),
        types.map((r) => r.allows),
        p.requirements,
        [...contentWords(placementText(p))],
        weights.goalWords,
        CONTENT_WORDS_VERSION,
        p.workingTimes?.weekdays ?? null,
        p.workingTimes?.from ?? null,
        p.workingTimes?.until ?? null,
        p.type === 'internship',
        lastEmployer.map((g) => g.targetGroup),
        p.companyId,
        lastEmployer.map((g) => g.validFrom),
        lastEmployer.map((g) => g.validTo),
      ],
    );
  }

  /** Reverse matching's candidates: the shortlist, read as the rules need them for exact scoring. */
  async citizenCandidates(
    jobCentreId: string,
    p: MatchPlacement,
    today: string,
    rules: readonly LegalRule[],
    first: number,
    weights: Weights,
  ): Promise<{ considered: string[]; candidates: (MatchCitizen & { id: string })[] }> {
    const ids = await this.citizenShortlist(jobCentreId, p, today, rules, first, weights);
    // Every citizen whose data is read into this process is named in the audit.
    // The profile is kept in step by triggers; the citizen rows themselves decide who is shown.
    const candidates = ids.length
      ? await this.citizensWhere(
          `c.id = ANY($2::uuid[]) AND c.job_centre_id = $3 AND c.status = 'active'`,
          [ids, jobCentreId],
          today,
        )
      : [];
    return { considered: ids, candidates };
  }

  /** Citizens as matching sees them, by id. */
  citizensByIds(ids: string[], today: string): Promise<(MatchCitizen & { id: string })[]> {
    return this.citizensWhere(`c.id = ANY($2::uuid[])`, [ids], today);
  }

  private citizensWhere(
    where: string,
    params: unknown[],
    today: string,
  ): Promise<(MatchCitizen & { id: string })[]> {
    return this.dataSource.query<(MatchCitizen & { id: string })[]>(
      `SELECT c.id, c.latitude, c.longitude,
              ${targetGroupOnSql('c.id', '$1::date')} AS "targetGroup",
              coalesce((SELECT n.accommodations::text[] FROM citizen_need n WHERE n.citizen_id = c.id), '{}') AS "accommodationsNeeded",
              coalesce((SELECT array_agg(q.qualification::text ORDER BY q.qualification) FROM citizen_qualification q
                          WHERE q.citizen_id = c.id), '{}') AS qualifications,
              ${mostRecentEmployerSql('c.id')} AS "mostRecentEmployerCompanyId",
              (SELECT json_build_object('weekdays', n.available_days::text[], 'from', to_char(n.available_from, 'HH24:MI'),
                        'until', to_char(n.available_until, 'HH24:MI'))
                 FROM citizen_need n WHERE n.citizen_id = c.id
                  AND num_nonnulls(n.available_days, n.available_from, n.available_until) > 0) AS availability,
              (SELECT json_build_object(
                   'iscoCodes', coalesce((SELECT array_agg(o.isco_code) FROM occupation o WHERE o.id = ANY(g.occupation_ids)), '{}'),
                   'occupationLabels', coalesce((SELECT array_agg(coalesce(o.labels_da[1], o.label)) FROM occupation o WHERE o.id = ANY(g.occupation_ids)), '{}'),
                   'ownWords', g.own_words, 'hoursNow', g.hours_now::float8, 'hoursLater', g.hours_later::float8,
                   'maxCommuteKm', g.max_commute_km, 'earliestStart', to_char(g.earliest_start, 'YYYY-MM-DD'))
                 FROM job_goal g WHERE g.citizen_id = c.id ORDER BY g.priority, g.created_at, g.id LIMIT 1) AS goal
         FROM citizen c WHERE ${where}`,
      [today, ...params],
    );
  }

  /** The version of the job centre's matchable slots; it moves with every change to them. */
  scopeVersion(jobCentreId: string): Promise<bigint> {
    return this.versionOf(this.dataSource.manager, jobCentreId);
  }

  /**
   * Every published slot of the job centre's partner companies with the version they are at,
   * read in one snapshot so the version describes exactly these rows.
   */
  partnerSlots(jobCentreId: string): Promise<{ version: bigint; rows: MatchPlacement[] }> {
    return this.inOneSnapshot(async (em) => {
      const params: unknown[] = [];
      return {
        version: await this.versionOf(em, jobCentreId),
        rows: await this.slots(em, `${matchable(jobCentreId, params)} ORDER BY p.id`, params),
      };
    });
  }

  /**
   * What changed since `since`: the companies whose slots changed and their published partner
   * slots now, with the version they are at, all in one snapshot. Null when the change log no
   * longer reaches back that far (it keeps the last 1,000 versions): reload everything then.
   */
  partnerSlotChanges(
    jobCentreId: string,
    since: bigint,
  ): Promise<{ version: bigint; companies: string[]; rows: MatchPlacement[] } | null> {
    return this.inOneSnapshot(async (em) => {
      const version = await this.versionOf(em, jobCentreId);
      if (version - since >= 1000n) return null;
      const companies = (
        await em.query<{ id: string }[]>(
          `SELECT DISTINCT company_id AS id FROM match_scope_change WHERE job_centre_id = $1 AND version > $2`,
          [jobCentreId, since.toString()],
        )
      ).map((r) => r.id);
      const params: unknown[] = [companies];
      const rows = companies.length
        ? await this.slots(
            em,
            `p.company_id = ANY($1::uuid[]) AND ${matchable(jobCentreId, params)}`,
            params,
          )
        : [];
      return { version, companies, rows };
    });
  }

  /** The slots as they are now, if still matchable for the job centre. */
  partnerSlotsByIds(jobCentreId: string, ids: string[]): Promise<MatchPlacement[]> {
    const params: unknown[] = [ids];
    return this.slots(
      this.dataSource.manager,
      `p.id = ANY($1::uuid[]) AND ${matchable(jobCentreId, params)}`,
      params,
    );
  }

  /** One slot as matching sees it; the caller has checked that it may see it (PlacementService). */
  async placement(placementId: string): Promise<MatchPlacement | null> {
    const rows = await this.slots(this.dataSource.manager, `p.id = $1`, [placementId]);
    return rows[0] ?? null;
  }

  private slots(em: EntityManager, where: string, params: unknown[]): Promise<MatchPlacement[]> {
    return em.query<MatchPlacement[]>(
      `SELECT ${PLACEMENT_COLUMNS} FROM ${PLACEMENT_FROM} WHERE ${where}`,
      params,
    );
  }

  private async versionOf(em: EntityManager, jobCentreId: string): Promise<bigint> {
    const [row] = await em.query<{ version: string }[]>(
      `SELECT version FROM match_scope_version WHERE job_centre_id = $1`,
      [jobCentreId],
    );
    return BigInt(row?.version ?? 0);
  }

  /** Read-only, in one REPEATABLE READ snapshot, so a version describes the rows read with it. */
  private inOneSnapshot<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      return work(em);
    });
  }

  async names(citizenIds: string[]): Promise<Map<string, { firstName: string; lastName: string }>> {
    const rows = await this.dataSource.query<{ id: string; firstName: string; lastName: string }[]>(
      `SELECT id, first_name AS "firstName", last_name AS "lastName" FROM citizen WHERE id = ANY($1)`,
      [citizenIds],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
