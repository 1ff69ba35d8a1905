import { Injectable } from '@nestjs/common';
import { evaluateRules, RULE_DEFINITIONS } from './rules/evaluate';
import { inForceOn } from './rules/rule-pick';
import { dayNumber } from './rules/rule-support';
import type { LegalRule, RuleCheck, RuleCode, RuleFacts } from './rules/rule-types';
import { RulesException } from './rules.exception';
import { RulesRepository } from './rules.repository';

const MATCHING_RULES_TTL_MS = 60_000;
/** The rules matching applies as hard filters. */
const MATCHING_RULE_CODES: readonly RuleCode[] = ['not_last_employer', 'placement_types'];

/** The `averageMonths` of the row of `code` in force on the date, if it names one. */
function monthsOf(rules: readonly LegalRule[], code: RuleCode, on: string): number | null {
  const months = rules.find((r) => r.code === code && inForceOn(r, on))?.params.averageMonths;
  return typeof months === 'number' && Number.isInteger(months) && months > 0 ? months : null;
}

/** The headcount facts of a planned placement, as `RuleFacts` wants them. */
export interface HeadcountFacts {
  /**
   * The site's ordinary FTE (`RuleFacts.site.ordinaryFte`), averaged as the reasonableness rule
   * says, or the company's when the site has none recorded.
   */
  siteOrdinaryFte: number | null;
  company: RuleFacts['company'];
}

/**
 * The rules as other libs use them: the checks of a planned placement, the headcounts they read,
 * and the rows in force. No access check here: the caller (proposals, bookings) has done its own.
 */
@Injectable()
export class RuleCheckService {
  private matching: { at: number; rows: Promise<LegalRule[]> } | null = null;

  constructor(private readonly rules: RulesRepository) {}

  /** Every check of the planned placement, against the rows in force at its start. */
  async check(facts: RuleFacts): Promise<RuleCheck[]> {
    try {
      if (dayNumber(facts.end) < dayNumber(facts.start)) throw new RangeError('period');
    } catch {
      throw new RulesException('RULE_FACTS_INVALID');
    }
    return evaluateRules(await this.rules.inForce(facts.start), facts);
  }

  /**
   * The recorded headcounts a placement at the company's site starting on `start` is checked
   * against, over the months the rule rows in force then name: the site's ordinary FTE for the
   * reasonableness rule, averaged over its row's `averageMonths` (the figure on the date when the
   * row names none), else the company's (most companies have one site); the company's figure on
   * the date and its average over the net-job-creation row's `averageMonths` before it.
   * Unrecorded figures are null (the checks say what to record).
   */
  async headcountFacts(
    companyId: string,
    siteId: string | null,
    start: string,
    rules: readonly LegalRule[],
  ): Promise<HeadcountFacts> {
    const ratioMonths = monthsOf(rules, 'reasonableness_ratio', start) ?? 1;
    const netMonths = monthsOf(rules, 'net_job_creation', start);
    const [site, company, now, average] = await Promise.all([
      siteId ? this.rules.recentAverage(companyId, siteId, start, ratioMonths) : null,
      this.rules.recentAverage(companyId, null, start, ratioMonths),
      this.rules.headcountAt(companyId, null, start),
      netMonths === null ? null : this.rules.fteAverage(companyId, start, netMonths),
    ]);
    return { siteOrdinaryFte: site ?? company, company: { fteNow: now, fteAverage: average } };
  }

  /**
   * What matching reads of the rules, for any date: the not-the-last-employer rows (matching asks
   * `isLastEmployerBlocked` with `lastEmployerGroups` of them at each planned start) and the
   * placement-types rows (`placementTypeAllowed`).
   */
  matchingRules(): Promise<LegalRule[]> {
    // Rows change only by migration or seed (with a restart); a minute's cache spares every
    // match request the query.
    const now = Date.now();
    if (!this.matching || now - this.matching.at > MATCHING_RULES_TTL_MS) {
      const rows = this.rules.ofCodes(MATCHING_RULE_CODES);
      this.matching = { at: now, rows };
      rows.catch(() => (this.matching = null));
    }
    return this.matching.rows;
  }

  /** Every rule row in force on the date, rule by rule in the order the checks are shown. */
  async rulesInForce(on: string): Promise<LegalRule[]> {
    const order = new Map(RULE_DEFINITIONS.map((d, i) => [d.code, i]));
    // A stable sort: within a rule, the repository's order (dates, then group and sector).
    return (await this.rules.inForce(on)).sort(
      (a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0),
    );
  }
}
