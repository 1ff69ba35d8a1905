import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LegalRule, RuleCode, RuleSeverity, Sector } from './rules/rule-types';

interface RuleRow {
  id: string;
  code: RuleCode;
  targetGroup: string | null;
  sector: Sector | null;
  params: Record<string, unknown>;
  severity: RuleSeverity;
  validFrom: string;
  validTo: string | null;
  sourceDa: string;
  sourceEn: string;
}

/** One recorded headcount of a company (site null) or one of its sites. */
export interface HeadcountRow {
  id: string;
  companyId: string;
  siteId: string | null;
  asOf: string;
  ordinaryFte: number;
  recordedBy: string | null;
  recordedAt: Date;
}

const RULE_COLUMNS = `id, code, target_group AS "targetGroup", sector, params, severity,
  to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo",
  source_da AS "sourceDa", source_en AS "sourceEn"`;
const RULE_ORDER = `ORDER BY code, valid_from, target_group NULLS LAST, sector NULLS LAST`;

const toRule = (r: RuleRow): LegalRule => ({
  id: r.id,
  code: r.code,
  targetGroup: r.targetGroup,
  sector: r.sector,
  params: r.params,
  severity: r.severity,
  validFrom: r.validFrom,
  validTo: r.validTo,
  source: { da: r.sourceDa, en: r.sourceEn },
});

const HEADCOUNT_COLUMNS = `id, company_id AS "companyId", site_id AS "siteId",
  to_char(as_of, 'YYYY-MM-DD') AS "asOf", ordinary_fte::float8 AS "ordinaryFte",
  recorded_by AS "recordedBy", recorded_at AS "recordedAt"`;

/** The dated rules (`legal_rule`) and the headcounts they read (`company_headcount`). */
@Injectable()
export class RulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every rule row in force on the date (YYYY-MM-DD), whatever its scope. */
  async inForce(on: string): Promise<LegalRule[]> {
    const rows = await this.dataSource.query<RuleRow[]>(
      `SELECT ${RULE_COLUMNS} FROM legal_rule
        WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date) ${RULE_ORDER}`,
      [on],
    );
    return rows.map(toRule);
  }

  /** Every row of the rules, whatever their dates. */
  async ofCodes(codes: readonly RuleCode[]): Promise<LegalRule[]> {
    const rows = await this.dataSource.query<RuleRow[]>(
      `SELECT ${RULE_COLUMNS} FROM legal_rule WHERE code = ANY($1::text[]) ${RULE_ORDER}`,
      [codes],
    );
    return rows.map(toRule);
  }

  /** Every rule row in force on any of the dates (a proposal's start, a booking's, …). */
  async rulesFor(dates: readonly string[]): Promise<LegalRule[]> {
    if (dates.length === 0) return [];
    const rows = await this.dataSource.query<RuleRow[]>(
      `SELECT ${RULE_COLUMNS} FROM legal_rule r
        WHERE EXISTS (SELECT 1 FROM unnest($1::date[]) AS d (on_day)
                       WHERE r.valid_from <= d.on_day AND (r.valid_to IS NULL OR r.valid_to >= d.on_day))
        ${RULE_ORDER}`,
      [dates],
    );
    return rows.map(toRule);
  }

  /**
   * The ordinary FTE recorded for the company (site null: the whole CVR) or the site on the date:
   * the latest figure dated on or before it; null when none is.
   */
  async headcountAt(companyId: string, siteId: string | null, on: string): Promise<number | null> {
    const [row] = await this.dataSource.query<{ fte: number }[]>(
      `SELECT ordinary_fte::float8 AS fte FROM company_headcount
        WHERE company_id = $1 AND site_id IS NOT DISTINCT FROM $2 AND as_of <= $3::date
        ORDER BY as_of DESC LIMIT 1`,
      [companyId, siteId, on],
    );
    return row?.fte ?? null;
  }

  /**
   * The company's (whole CVR) average ordinary FTE over the `months` months before `before`: the
   * figure in force on each of the `months` monthly days before it (1 to `months` months
   * earlier), averaged; null unless every one of them has a figure (a recorded figure holds until
   * the next), so a short history is not passed off as a year's average.
   */
  async fteAverage(companyId: string, before: string, months: number): Promise<number | null> {
    const [row] = await this.dataSource.query<{ n: number; average: number | null }[]>(
      `SELECT count(h.fte)::int AS n, avg(h.fte)::float8 AS average
         FROM generate_series(1, $3::int) AS k (months_back)
         LEFT JOIN LATERAL (
           SELECT ordinary_fte AS fte FROM company_headcount
            WHERE company_id = $1 AND site_id IS NULL
              AND as_of <= ($2::date - make_interval(months => k.months_back))::date
            ORDER BY as_of DESC LIMIT 1) h ON true`,
      [companyId, before, months],
    );
    return row.n === months ? row.average : null;
  }

  /**
   * The company's (site null: the whole CVR) or the site's recent figure: the figures in force on
   * `at` and on each of the `months - 1` monthly days before it, averaged over those that have one
   * (a short history gives the average of what is recorded); null when none has.
   */
  async recentAverage(
    companyId: string,
    siteId: string | null,
    at: string,
    months: number,
  ): Promise<number | null> {
    const [row] = await this.dataSource.query<{ average: number | null }[]>(
      `SELECT avg(h.fte)::float8 AS average
         FROM generate_series(0, $4::int - 1) AS k (months_back)
         JOIN LATERAL (
           SELECT ordinary_fte AS fte FROM company_headcount
            WHERE company_id = $1 AND site_id IS NOT DISTINCT FROM $2
              AND as_of <= ($3::date - make_interval(months => k.months_back))::date
            ORDER BY as_of DESC LIMIT 1) h ON true`,
      [companyId, siteId, at, months],
    );
    return row.average;
  }

  /** Records the figure; recording again for the same company, site and date replaces it. */
  async recordHeadcount(h: {
    companyId: string;
    siteId: string | null;
    asOf: string;
    ordinaryFte: number;
    recordedBy: string;
  }): Promise<HeadcountRow> {
    const [row] = await this.dataSource.query<HeadcountRow[]>(
      `INSERT INTO company_headcount (company_id, site_id, as_of, ordinary_fte, recorded_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT company_headcount_once DO UPDATE
         SET ordinary_fte = EXCLUDED.ordinary_fte, recorded_by = EXCLUDED.recorded_by,
             recorded_at = now()
       RETURNING ${HEADCOUNT_COLUMNS}`,
      [h.companyId, h.siteId, h.asOf, h.ordinaryFte, h.recordedBy],
    );
    return row;
  }
}
