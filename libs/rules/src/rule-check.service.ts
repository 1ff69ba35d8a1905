import { Injectable } from '@nestjs/common';
import { evaluateRules } from './rules/evaluate';
import { dayNumber } from './rules/rule-support';
import type { LegalRule, RuleCheck, RuleFacts } from './rules/rule-types';
import { RulesException } from './rules.exception';
import { RulesRepository } from './rules.repository';

/** The headcount facts of a planned placement, as `RuleFacts` wants them. */
export interface HeadcountFacts {
  /** The site's ordinary FTE on the start date (`RuleFacts.site.ordinaryFte`). */
  siteOrdinaryFte: number | null;
  company: RuleFacts['company'];
}

/**
 * The rules as other libs use them: the checks of a planned placement, the headcounts they read,
 * and the rows in force. No access check here: the caller (proposals, bookings) has done its own.
 */
@Injectable()
export class RuleCheckService {
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
   * against: the site's figure on the start date, the company's (whole CVR) figure then and its
   * average over the 12 months before. Unrecorded figures are null (the checks say what to record).
   */
  async headcountFacts(
    companyId: string,
    siteId: string | null,
    start: string,
  ): Promise<HeadcountFacts> {
    const [site, now, average] = await Promise.all([
      siteId ? this.rules.headcountAt(companyId, siteId, start) : Promise.resolve(null),
      this.rules.headcountAt(companyId, null, start),
      this.rules.fteAverage12Months(companyId, start),
    ]);
    return { siteOrdinaryFte: site, company: { fteNow: now, fteAverage12Months: average } };
  }

  /**
   * What matching reads of the rules, for any date: the not-the-last-employer rows (matching asks
   * `isLastEmployerBlocked` with `lastEmployerGroups` of them at each planned start).
   */
  matchingRules(): Promise<LegalRule[]> {
    return this.rules.ofCode('not_last_employer');
  }

  /** Every rule row in force on the date. */
  rulesInForce(on: string): Promise<LegalRule[]> {
    return this.rules.inForce(on);
  }
}
