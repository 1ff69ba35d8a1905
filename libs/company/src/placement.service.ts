import {
  forbidden,
  type FieldProblem,
  type Page,
  type Principal,
  publishEvent,
  todayInDenmark,
  toPage,
} from '@jobbro/core';
import { ReferenceService } from '@jobbro/reference';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CompanyAccess } from './company.access';
import type { PlacementEntity } from './company.entities';
import { PlacementStatus } from './company.enums';
import { CompanyException } from './company.exception';
import { CompanyService } from './company.service';
import type {
  CreatePlacementInput,
  OrdinaryHoursPathInput,
  PlacementFilter,
  UpdatePlacementInput,
} from './dto/placement.inputs';
import { PlacementRepository } from './placement.repository';
import type { PlacementVisibility } from './placement-visibility';
import {
  decideTransition,
  EDITABLE_STATUSES,
  type PlacementAction,
  placementProblems,
  publishProblems,
} from './rules/placement-rules';

const ACTION_WORDS: Record<PlacementAction, { da: string; en: string }> = {
  publish: { da: 'offentliggøres', en: 'published' },
  pause: { da: 'sættes på pause', en: 'paused' },
  close: { da: 'lukkes', en: 'closed' },
};

const STATUS_WORDS: Record<PlacementStatus, { da: string; en: string }> = {
  draft: { da: 'kladde', en: 'draft' },
  published: { da: 'offentliggjort', en: 'published' },
  paused: { da: 'på pause', en: 'paused' },
  closed: { da: 'lukket', en: 'closed' },
};

function ordinaryHours(path: OrdinaryHoursPathInput | undefined | null): Partial<PlacementEntity> {
  if (!path) return {};
  return path.possible
    ? {
        ordinaryHoursPossible: true,
        ordinaryHoursAfterWeeks: path.afterWeeks ?? null,
        ordinaryHoursPerWeek: path.hoursPerWeek ?? null,
      }
    : { ordinaryHoursPossible: false, ordinaryHoursAfterWeeks: null, ordinaryHoursPerWeek: null };
}

const trimOrNull = (s: string | null | undefined): string | null | undefined =>
  s === undefined ? undefined : (s?.trim() ?? '') || null;

@Injectable()
export class PlacementService {
  constructor(
    private readonly placements: PlacementRepository,
    private readonly companies: CompanyService,
    private readonly access: CompanyAccess,
    private readonly reference: ReferenceService,
  ) {}

  async create(principal: Principal, input: CreatePlacementInput): Promise<PlacementEntity> {
    await this.companies.requireManageableCompany(principal, input.companyId);
    const iscoCode = await this.checkReferences(input.companyId, input);
    const draft: Partial<PlacementEntity> = {
      companyId: input.companyId,
      siteId: input.siteId ?? null,
      mentorId: input.mentorId ?? null,
      type: input.type,
      title: input.title.trim(),
      occupationId: input.occupationId,
      iscoCode: iscoCode,
      description: input.description?.trim() ?? '',
      tasks: (input.tasks ?? []).map((t) => t.trim()).filter(Boolean),
      weeklyHoursMin: input.weeklyHoursMin,
      weeklyHoursMax: input.weeklyHoursMax,
      scheduleNotes: trimOrNull(input.scheduleNotes) ?? null,
      startEarliest: input.startEarliest,
      startLatest: input.startLatest ?? null,
      durationWeeks: input.durationWeeks,
      capacity: input.capacity,
      accommodations: [...new Set(input.accommodations ?? [])],
      accommodationNotes: trimOrNull(input.accommodationNotes) ?? null,
      requirements: [...new Set(input.requirements ?? [])],
      requirementNotes: trimOrNull(input.requirementNotes) ?? null,
      ordinaryHoursPossible: false,
      ordinaryHoursAfterWeeks: null,
      ordinaryHoursPerWeek: null,
      ...ordinaryHours(input.ordinaryHoursPath),
      status: PlacementStatus.Draft,
      version: 1,
      createdBy: principal.userId,
    };
    this.assertConsistent(draft as PlacementEntity);
    return this.placements.transactional(async (manager) => {
      const saved = await this.placements.insert(manager, draft);
      await this.announce(manager, saved);
      return saved;
    });
  }

  async update(principal: Principal, input: UpdatePlacementInput): Promise<PlacementEntity> {
    const existing = await this.requireManageable(principal, input.id);
    const iscoCode = await this.checkReferences(existing.companyId, input);
    return this.placements.transactional(async (manager) => {
      const placement = await this.lock(manager, input.id);
      if (!EDITABLE_STATUSES.includes(placement.status))
        throw new CompanyException('PLACEMENT_NOT_EDITABLE');
      if (input.expectedVersion !== undefined && input.expectedVersion !== placement.version) {
        throw new CompanyException('PLACEMENT_VERSION_CONFLICT', { actual: placement.version });
      }
      const { id: _id, expectedVersion: _v, ordinaryHoursPath, ...changes } = input;
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) (placement as unknown as Record<string, unknown>)[key] = value;
      }
      Object.assign(placement, ordinaryHours(ordinaryHoursPath), iscoCode ? { iscoCode } : {});
      if (input.title !== undefined) placement.title = input.title.trim();
      if (input.description !== undefined) placement.description = input.description.trim();
      for (const key of ['scheduleNotes', 'accommodationNotes', 'requirementNotes'] as const) {
        if (input[key] !== undefined) placement[key] = trimOrNull(input[key]) ?? null;
      }
      if (input.tasks !== undefined)
        placement.tasks = input.tasks.map((t) => t.trim()).filter(Boolean);
      if (input.accommodations !== undefined)
        placement.accommodations = [...new Set(input.accommodations)];
      if (input.requirements !== undefined)
        placement.requirements = [...new Set(input.requirements)];
      this.assertConsistent(placement);
      if (placement.status !== PlacementStatus.Draft) {
        // An open slot must stay publishable; the start window may lapse and is checked on publish.
        const missing = publishProblems(placement, '0000-01-01');
        if (missing.length) throw new CompanyException('PLACEMENT_NOT_PUBLISHABLE', {}, missing);
      }
      placement.version += 1;
      const saved = await this.placements.saveChanges(manager, placement);
      await this.announce(manager, saved);
      return saved;
    });
  }

  /** publish / pause / close, as the transition table allows, under a row lock. */
  async transition(
    principal: Principal,
    id: string,
    action: PlacementAction,
  ): Promise<PlacementEntity> {
    await this.requireManageable(principal, id);
    return this.placements.transactional(async (manager) => {
      const placement = await this.lock(manager, id);
      const decision = decideTransition(placement, action, todayInDenmark());
      if (!decision.ok && decision.reason === 'INVALID_TRANSITION') {
        throw new CompanyException('PLACEMENT_INVALID_TRANSITION', {
          fromDa: STATUS_WORDS[placement.status].da,
          fromEn: STATUS_WORDS[placement.status].en,
          actionDa: ACTION_WORDS[action].da,
          actionEn: ACTION_WORDS[action].en,
        });
      }
      if (!decision.ok)
        throw new CompanyException(
          'PLACEMENT_NOT_PUBLISHABLE',
          {},
          decision.reason === 'NOT_PUBLISHABLE' ? decision.problems : [],
        );
      placement.status = decision.to;
      if (decision.to === PlacementStatus.Published) placement.publishedAt ??= new Date();
      if (decision.to === PlacementStatus.Closed) placement.closedAt = new Date();
      placement.version += 1;
      const saved = await this.placements.saveChanges(manager, placement);
      await this.announce(manager, saved);
      return saved;
    });
  }

  /**
   * The slot, if the caller may see it; else PLACEMENT_NOT_FOUND, exactly as for a random id.
   * Every operation that reads one slot goes through here (matching included).
   */
  async placement(principal: Principal, id: string): Promise<PlacementEntity> {
    const placement = await this.placements.findVisible(
      await this.access.placementVisibility(principal),
      id,
    );
    if (!placement) throw new CompanyException('PLACEMENT_NOT_FOUND');
    return placement;
  }

  /** Whose slots the caller sees, for libs that apply the rule in their own SQL. */
  visibility(principal: Principal): Promise<PlacementVisibility> {
    return this.access.placementVisibility(principal);
  }

  /**
   * The companies whose slots the caller sees, for a search index that filters by company; the
   * hits are then read through `visiblePlacementsByIds`, so drafts never show.
   */
  async visibleCompanyIds(principal: Principal): Promise<string[]> {
    const visibility = await this.access.placementVisibility(principal);
    switch (visibility.kind) {
      case 'companies':
        return visibility.companyIds;
      case 'jobCentre':
        return this.companies.partnerCompanyIds(visibility.jobCentreId);
      case 'none':
        return [];
    }
  }

  /** Those of the slots the caller may see. */
  async visiblePlacementsByIds(
    principal: Principal,
    ids: readonly string[],
  ): Promise<PlacementEntity[]> {
    if (ids.length === 0) return [];
    return this.placements.findVisibleByIds(await this.access.placementVisibility(principal), ids);
  }

  async page(
    principal: Principal,
    filter: PlacementFilter | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<PlacementEntity>> {
    const visibility = await this.access.placementVisibility(principal);
    const { rows, totalCount } = await this.placements.page(visibility, filter ?? {}, first, after);
    return toPage(rows, first, totalCount, (p) => p.createdAt);
  }

  /** The slot if the caller manages it: NOT_FOUND if they may not see it, else FORBIDDEN. */
  private async requireManageable(principal: Principal, id: string): Promise<PlacementEntity> {
    const placement = await this.placement(principal, id);
    if (!(await this.access.canManage(principal, placement.companyId))) throw forbidden();
    return placement;
  }

  private async lock(manager: EntityManager, id: string): Promise<PlacementEntity> {
    const placement = await this.placements.lockForUpdate(manager, id);
    if (!placement) throw new CompanyException('PLACEMENT_NOT_FOUND');
    return placement;
  }

  /** Occupation, site and mentor must exist and belong to the company; returns the ISCO code. */
  private async checkReferences(
    companyId: string,
    input: { occupationId?: string; siteId?: string | null; mentorId?: string | null },
  ): Promise<string | undefined> {
    let iscoCode: string | undefined;
    if (input.occupationId !== undefined) {
      const occupation = await this.reference.occupation(input.occupationId);
      if (!occupation) {
        throw new CompanyException('UNKNOWN_OCCUPATION', {}, [
          {
            field: 'occupationId',
            constraint: 'exists',
            message: { da: 'Ukendt stillingsbetegnelse.', en: 'Unknown occupation.' },
          },
        ]);
      }
      iscoCode = occupation.iscoCode;
    }
    if (input.siteId) await this.companies.requireSiteOf(companyId, input.siteId);
    if (input.mentorId) await this.companies.requireMentorOf(companyId, input.mentorId);
    return iscoCode;
  }

  private assertConsistent(placement: PlacementEntity): void {
    const problems: FieldProblem[] = placementProblems(placement);
    if (problems.length) throw new CompanyException('PLACEMENT_INVALID', {}, problems);
  }

  private announce(manager: EntityManager, placement: PlacementEntity): Promise<void> {
    return publishEvent(manager, 'placement.changed', placement.id, {
      placementId: placement.id,
      status: placement.status,
    });
  }
}
