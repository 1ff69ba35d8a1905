import {
  forbidden,
  type FieldProblem,
  type Page,
  type Principal,
  publishEvent,
  todayInDenmark,
  toPage,
} from '@jobbro/core';
import { ReferenceService, type WorkingTimesInput, workingTimesOf } from '@jobbro/reference';
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
import { CompanyRepository } from './company.repository';
import {
  type PlacementChangeAction,
  type PlacementChangeRow,
  PlacementRepository,
} from './placement.repository';
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

const TRANSITION_RECORD: Record<PlacementAction, PlacementChangeAction> = {
  publish: 'published',
  pause: 'paused',
  close: 'closed',
};

export const STATUS_WORDS: Record<PlacementStatus, { da: string; en: string }> = {
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

/** The slot's working-time columns from the input; unknown parts null. */
function workingTimes(
  input: WorkingTimesInput | null | undefined,
): Pick<PlacementEntity, 'workDays' | 'workFrom' | 'workUntil'> {
  const times = workingTimesOf(input);
  return {
    workDays: times?.weekdays ?? null,
    workFrom: times?.from ?? null,
    workUntil: times?.until ?? null,
  };
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
    private readonly companyRows: CompanyRepository,
  ) {}

  async create(principal: Principal, input: CreatePlacementInput): Promise<PlacementEntity> {
    const onBehalfOf = await this.requireEditor(principal, input.companyId, () =>
      this.companies.requireReadableCompany(principal, input.companyId),
    );
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
      ...workingTimes(input.workingTimes),
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
      createdByJobCentreId: onBehalfOf,
      changedBy: principal.userId,
      changedByJobCentreId: onBehalfOf,
    };
    this.assertConsistent(draft as PlacementEntity);
    return this.placements.transactional(async (manager) => {
      await this.assertUsable(manager, draft as PlacementEntity, 'PLACEMENT_INVALID');
      const saved = await this.placements.insert(manager, draft);
      await this.record(manager, saved, 'created', [], onBehalfOf);
      await this.announce(manager, saved);
      return saved;
    });
  }

  async update(principal: Principal, input: UpdatePlacementInput): Promise<PlacementEntity> {
    const existing = await this.placement(principal, input.id);
    const onBehalfOf = await this.requireEditor(principal, existing.companyId);
    const iscoCode = await this.checkReferences(existing.companyId, input);
    return this.placements.transactional(async (manager) => {
      const placement = await this.lock(manager, input.id);
      if (!EDITABLE_STATUSES.includes(placement.status))
        throw new CompanyException('PLACEMENT_NOT_EDITABLE');
      if (input.expectedVersion !== undefined && input.expectedVersion !== placement.version) {
        throw new CompanyException('PLACEMENT_VERSION_CONFLICT', { actual: placement.version });
      }
      const {
        id: _id,
        expectedVersion: _v,
        ordinaryHoursPath,
        workingTimes: times,
        ...changes
      } = input;
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) (placement as unknown as Record<string, unknown>)[key] = value;
      }
      Object.assign(placement, ordinaryHours(ordinaryHoursPath), iscoCode ? { iscoCode } : {});
      if (times !== undefined) Object.assign(placement, workingTimes(times));
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
      // A newly chosen site or mentor, or the ones an open slot keeps, must still be in use; a
      // draft may keep a removed one until it is published.
      const open = placement.status !== PlacementStatus.Draft;
      await this.assertUsable(
        manager,
        {
          siteId: open || input.siteId !== undefined ? placement.siteId : null,
          mentorId: open || input.mentorId !== undefined ? placement.mentorId : null,
        },
        'PLACEMENT_INVALID',
      );
      placement.version += 1;
      placement.changedBy = principal.userId;
      placement.changedByJobCentreId = onBehalfOf;
      const saved = await this.placements.saveChanges(manager, placement);
      const changedFields = Object.entries(changes)
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k)
        .concat(ordinaryHoursPath !== undefined ? ['ordinaryHoursPath'] : [])
        .concat(times !== undefined ? ['workingTimes'] : [])
        .sort();
      await this.record(manager, saved, 'updated', changedFields, onBehalfOf);
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
      if (decision.to === PlacementStatus.Published)
        await this.assertUsable(manager, placement, 'PLACEMENT_NOT_PUBLISHABLE');
      placement.status = decision.to;
      if (decision.to === PlacementStatus.Published) placement.publishedAt ??= new Date();
      if (decision.to === PlacementStatus.Closed) placement.closedAt = new Date();
      placement.version += 1;
      placement.changedBy = principal.userId;
      placement.changedByJobCentreId = null;
      const saved = await this.placements.saveChanges(manager, placement);
      await this.record(manager, saved, TRANSITION_RECORD[action], [], null);
      await this.announce(manager, saved);
      return saved;
    });
  }

  /** The slots' change logs, newest first (the slots were access-checked when read). */
  changesOf(placementIds: readonly string[]): Promise<PlacementChangeRow[]> {
    return this.placements.changesOf(placementIds);
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

  /**
   * Who may edit the company's slots (CompanyAccess.slotEditorSide): null for its own admins, the
   * job centre for a partner consultant acting on the company's behalf. FORBIDDEN for the rest,
   * after `readable` (or the slot's visibility) has answered NOT_FOUND to who may not see it.
   */
  private async requireEditor(
    principal: Principal,
    companyId: string,
    readable?: () => Promise<unknown>,
  ): Promise<string | null> {
    if (readable) await readable();
    const side = await this.access.slotEditorSide(principal, companyId);
    if (!side) throw forbidden();
    return side === 'job_centre' ? principal.jobCentreId : null;
  }

  /**
   * The slot's site and mentor must not be removed or deactivated (when chosen, and whenever the
   * slot is to be open). Locks them FOR KEY SHARE until the transaction ends, so a concurrent
   * removal (FOR UPDATE) either waits and then sees this slot, or went first and is seen here.
   */
  private async assertUsable(
    manager: EntityManager,
    placement: Pick<PlacementEntity, 'siteId' | 'mentorId'>,
    code: 'PLACEMENT_INVALID' | 'PLACEMENT_NOT_PUBLISHABLE',
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    if (placement.siteId) {
      const site = await this.companyRows.lockSiteForUse(manager, placement.siteId);
      if (!site || site.removedAt)
        problems.push({
          field: 'siteId',
          constraint: 'active',
          message: {
            da: 'Arbejdsstedet er fjernet; vælg et andet.',
            en: 'The site has been removed; choose another.',
          },
        });
    }
    if (placement.mentorId) {
      const mentor = await this.companyRows.lockMentorForUse(manager, placement.mentorId);
      if (!mentor || mentor.deactivatedAt)
        problems.push({
          field: 'mentorId',
          constraint: 'active',
          message: {
            da: 'Mentoren er deaktiveret; vælg en anden.',
            en: 'The mentor has been deactivated; choose another.',
          },
        });
    }
    if (problems.length) throw new CompanyException(code, {}, problems);
  }

  private record(
    manager: EntityManager,
    placement: PlacementEntity,
    action: PlacementChangeAction,
    changedFields: string[],
    jobCentreId: string | null,
  ): Promise<void> {
    return this.placements.insertChange(manager, {
      placementId: placement.id,
      version: placement.version,
      action,
      changedFields,
      changedBy: placement.changedBy ?? placement.createdBy ?? '',
      jobCentreId,
    });
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
