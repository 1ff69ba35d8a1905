import { AuditService } from '@jobbro/auth';
import { CitizenAccess, CitizenService } from '@jobbro/citizen';
import { CompanyException, PlacementService } from '@jobbro/company';
import { ProposalService } from '@jobbro/proposal';
import { RuleCheckService } from '@jobbro/rules';
import { forbidden, isStaff, type Language, type Principal, todayInDenmark } from '@jobbro/core';
import { TargetGroupCatalogue } from '@jobbro/reference';
import { Injectable } from '@nestjs/common';
import { CandidateIndex } from './candidates/candidate-index';
import {
  type CandidateFilter,
  matchesFilter,
  rankCandidates,
} from './candidates/candidate-snapshot';
import { MatchingRepository } from './matching.repository';
import type {
  CitizenMatchModel,
  MatchExplanationModel,
  MatchFactorModel,
  PlacementMatchModel,
} from './models/match.models';
import { hardFilters, passesAll, passesHardFilters, slotAvailable } from './rules/hard-filters';
import type {
  HardFilterResult,
  MatchCitizen,
  MatchPlacement,
  ScoreFactor,
} from './rules/match-types';
import { DEFAULT_WEIGHTS, scoreFactors, totalScore } from './rules/scoring';

const SPARE = 5;

const localizeFactors = (factors: ScoreFactor[], l: Language): MatchFactorModel[] =>
  factors.map((x) => ({
    factor: x.factor,
    value: Math.round(x.value * 1000) / 1000,
    weight: x.weight,
    reason: x.reason[l],
  }));
const localizeFilters = (filters: HardFilterResult[], l: Language) =>
  filters.map((x) => ({ filter: x.filter, passed: x.passed, reason: x.reason[l] }));

/**
 * Two-way matching under both sides' access rules: only staff of the citizen's job centre match a
 * citizen, every match reads the citizen's data and is audited; a slot is read only if the
 * company side's visibility rule lets the caller see it (`PlacementService.placement`, and
 * `visiblePlacementsSql` in the snapshot), so a slot the caller may not see answers
 * PLACEMENT_NOT_FOUND exactly as a random id does. The slot is checked before the citizen: a
 * request for a slot the caller may not see reads no citizen data.
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly repo: MatchingRepository,
    private readonly index: CandidateIndex,
    private readonly citizens: CitizenService,
    private readonly access: CitizenAccess,
    private readonly audit: AuditService,
    private readonly placements: PlacementService,
    private readonly targetGroups: TargetGroupCatalogue,
    private readonly proposals: ProposalService,
    private readonly rules: RuleCheckService,
  ) {}

  async matchPlacementsForCitizen(
    principal: Principal,
    citizenId: string,
    first: number,
    l: Language,
    filter?: CandidateFilter,
  ): Promise<PlacementMatchModel[]> {
    // Only staff match; the slots are those the company side lets their job centre see.
    const visibility = await this.placements.visibility(principal);
    if (visibility.kind !== 'jobCentre') throw forbidden();
    const { jobCentreId } = visibility;
    const [citizen, snapshot, rules] = await Promise.all([
      this.readableCitizen(principal, citizenId, 'matchPlacementsForCitizen'),
      this.index.snapshot(jobCentreId),
      this.rules.matchingRules(),
    ]);
    const today = todayInDenmark();
    // A few spare, in case a slot changed between the version check and the fresh read below.
    const ranked = rankCandidates(snapshot, citizen, today, rules, first + SPARE, filter);
    if (ranked.length === 0) return [];
    // The shortlist as it is now, through the explainable rules: what is shown is never stale.
    const fresh = await this.repo.partnerSlotsByIds(
      jobCentreId,
      ranked.map((x) => x.id),
    );
    const shown = fresh
      .filter((p) => matchesFilter(p, filter) && passesHardFilters(citizen, p, today, rules))
      .map((p) => {
        const factors = scoreFactors(citizen, p, today);
        return {
          placementId: p.id,
          title: p.title,
          score: totalScore(factors),
          factors: localizeFactors(factors, l),
          freeSeats: Math.max(0, p.capacity - p.occupied),
        };
      })
      .sort((a, b) => b.score - a.score || (a.placementId < b.placementId ? -1 : 1))
      .slice(0, first);
    // Whether each was proposed to this citizen before, and how that went.
    const previous = await this.proposals.previousProposals(
      citizenId,
      shown.map((m) => m.placementId),
      l,
    );
    return shown.map((m) => ({ ...m, previousProposal: previous.get(m.placementId) ?? null }));
  }

  /** Citizens of the caller's job centre, best first; each one read for it is audited. */
  async matchCitizensForPlacement(
    principal: Principal,
    placementId: string,
    first: number,
    l: Language,
  ): Promise<CitizenMatchModel[]> {
    if (!isStaff(principal.role) || !principal.jobCentreId) throw forbidden();
    const placement = await this.visibleSlot(principal, placementId);
    // No citizen can fit a paused, closed or full slot: read nobody's data for it.
    if (!slotAvailable(placement)) return [];
    const today = todayInDenmark();
    const rules = await this.rules.matchingRules();
    const { considered, candidates } = await this.repo.citizenCandidates(
      principal.jobCentreId,
      placement,
      today,
      rules,
      first,
      DEFAULT_WEIGHTS,
    );
    const scored = candidates
      .filter((c) => passesHardFilters(c, placement, today, rules))
      .map((c) => {
        const factors = scoreFactors(c, placement, today);
        return { id: c.id, score: totalScore(factors), factors };
      });
    const top = scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, first);
    // The audit names every citizen whose data was read into this process for the caller (the
    // shortlist), not only those shown; the rest were weighed inside PostgreSQL.
    await this.audit.record({
      principal,
      citizenIds: considered,
      action: 'read',
      operation: 'matchCitizensForPlacement',
      allowed: true,
    });
    const names = await this.repo.names(top.map((x) => x.id));
    return top.map((x) => ({
      citizenId: x.id,
      firstName: names.get(x.id)?.firstName ?? '',
      lastName: names.get(x.id)?.lastName ?? '',
      score: x.score,
      factors: localizeFactors(x.factors, l),
    }));
  }

  async explainMatch(
    principal: Principal,
    citizenId: string,
    placementId: string,
    l: Language,
  ): Promise<MatchExplanationModel> {
    if (!isStaff(principal.role) || !principal.jobCentreId) throw forbidden();
    const placement = await this.visibleSlot(principal, placementId);
    const citizen = await this.readableCitizen(principal, citizenId, 'explainMatch');
    const today = todayInDenmark();
    const filters = hardFilters(
      citizen,
      placement,
      today,
      await this.rules.matchingRules(),
      await this.targetGroups.labels(),
    );
    const factors = scoreFactors(citizen, placement, today);
    return {
      citizenId,
      placementId,
      eligible: passesAll(filters),
      score: totalScore(factors),
      hardFilters: localizeFilters(filters, l),
      failedFilters: localizeFilters(
        filters.filter((x) => !x.passed),
        l,
      ),
      factors: localizeFactors(factors, l),
    };
  }

  /** The slot as matching sees it, if the caller may see it; else PLACEMENT_NOT_FOUND. */
  private async visibleSlot(principal: Principal, placementId: string): Promise<MatchPlacement> {
    await this.placements.placement(principal, placementId);
    const placement = await this.repo.placement(placementId);
    // Gone between the two reads (a company deleted): as if it had never been there.
    if (!placement) throw new CompanyException('PLACEMENT_NOT_FOUND');
    return placement;
  }

  private async readableCitizen(
    principal: Principal,
    citizenId: string,
    operation: string,
  ): Promise<MatchCitizen> {
    if (!isStaff(principal.role) || !principal.jobCentreId) throw forbidden();
    const row = await this.citizens.requireCitizen(citizenId);
    // Read alongside the access check to save a round trip; used only once the check has passed.
    const [, citizen] = await Promise.all([
      this.access.check(principal, row, operation, 'write', 'read'),
      this.repo.citizen(citizenId, todayInDenmark()),
    ]);
    if (!citizen) throw forbidden();
    return citizen;
  }
}
