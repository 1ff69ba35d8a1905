import { randomUUID } from 'node:crypto';
import { AuditService } from '@jobbro/auth';
import {
  forbidden,
  isStaff,
  type Language,
  type Principal,
  Role,
  todayInDenmark,
} from '@jobbro/core';
import { CompanyService } from '@jobbro/company';
import { ReferenceService } from '@jobbro/reference';
import { Injectable } from '@nestjs/common';
import { CitizenAccess, shares } from './citizen.access';
import { AssessorRole, ConsentScope, MilestoneStatus } from './citizen.enums';
import { CitizenException } from './citizen.exception';
import { CitizenRepository } from './citizen.repository';
import { CitizenService } from './citizen.service';
import type { JobGoalRow, PlanRow } from './citizen.types';
import { citizenView, planOf, summaryOf } from './citizen.view';
import type {
  AddJobGoalInput,
  GrantConsentInput,
  RecordAssessmentInput,
  RecordMeetingInput,
  UpdateJobGoalInput,
  UpdateNeedsInput,
  UpdatePlanInput,
} from './dto/citizen.inputs';
import type {
  AssessmentModel,
  CitizenModel,
  ConsentModel,
  FollowUpDueModel,
  JobGoalModel,
  PlanModel,
  RecordMeetingResultModel,
} from './models/citizen.models';
import { meetingWarnings } from './rules/meeting-rules';

const ASSESSOR: Partial<Record<Role, AssessorRole>> = {
  [Role.Citizen]: AssessorRole.Citizen,
  [Role.JobConsultant]: AssessorRole.Consultant,
  [Role.Caseworker]: AssessorRole.Consultant,
  [Role.Administrator]: AssessorRole.Consultant,
  [Role.Mentor]: AssessorRole.Mentor,
};

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The case around a citizen: goals, needs, assessments, plan, meetings, consents. */
@Injectable()
export class CaseService {
  constructor(
    private readonly citizens: CitizenRepository,
    private readonly profiles: CitizenService,
    private readonly access: CitizenAccess,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
    private readonly companies: CompanyService,
  ) {}

  async addJobGoal(principal: Principal, input: AddJobGoalInput): Promise<JobGoalModel> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    await this.access.check(principal, citizen, 'addJobGoal', 'write', 'create');
    const goal = this.goalFields(input, { ownWords: input.ownWords, priority: 1 });
    await this.requireOccupations(goal.occupationIds);
    const id = await this.citizens.transaction((m) =>
      this.citizens.insertJobGoal(m, citizen.id, goal),
    );
    return (await this.citizens.findJobGoal(id)) as JobGoalRow;
  }

  async updateJobGoal(principal: Principal, input: UpdateJobGoalInput): Promise<JobGoalModel> {
    const existing = await this.citizens.findJobGoal(input.id);
    if (!existing) throw new CitizenException('JOB_GOAL_NOT_FOUND');
    const citizen = await this.profiles.requireCitizen(existing.citizenId);
    await this.access.check(
      principal,
      citizen,
      'updateJobGoal',
      'write',
      'update',
      () => new CitizenException('JOB_GOAL_NOT_FOUND'),
    );
    const goal = this.goalFields(input, existing);
    await this.requireOccupations(goal.occupationIds);
    await this.citizens.transaction((m) => this.citizens.updateJobGoal(m, existing.id, goal));
    return (await this.citizens.findJobGoal(existing.id)) as JobGoalRow;
  }

  /** Needs hold health and social notes: only the citizen's team may write them. */
  async updateNeeds(
    principal: Principal,
    input: UpdateNeedsInput,
    language: Language,
  ): Promise<CitizenModel> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    const decision = await this.access.check(principal, citizen, 'updateNeeds', 'specialCategory');
    if (!decision.write) throw forbidden();
    await this.citizens.transaction((m) =>
      this.citizens.upsertNeeds(m, citizen.id, {
        accommodations: [...new Set(input.accommodations)],
        accommodationNotes: input.accommodationNotes?.trim() || null,
        functionalLimits: input.functionalLimits?.trim() || null,
        supportNeeds: input.supportNeeds?.trim() || null,
      }),
    );
    return citizenView(this.citizens, citizen, decision, language);
  }

  /**
   * The citizen scores themself, a consultant or caseworker scores as professional, a mentor (with
   * the citizen's consent to share assessments) as mentor. Health and social dimensions need
   * special-category access.
   */
  async recordAssessment(
    principal: Principal,
    input: RecordAssessmentInput,
    language: Language,
  ): Promise<AssessmentModel> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    const decision = await this.access.decide(principal, citizen);
    const assessor = ASSESSOR[principal.role];
    const mayAssess =
      assessor !== undefined &&
      (decision.self ||
        decision.write ||
        (assessor === AssessorRole.Mentor && shares(decision, ConsentScope.Assessments)));
    // Who may not know the citizen exists is refused before the input says anything back.
    if (!decision.read || !mayAssess) {
      await this.access.enforce(principal, citizen, decision, false, 'recordAssessment', 'create');
    }
    const dimension = await this.citizens.dimension(input.dimension);
    if (!dimension) {
      throw new CitizenException('UNKNOWN_DIMENSION', {}, [
        {
          field: 'dimension',
          constraint: 'exists',
          message: { da: 'Ukendt vurderingsområde.', en: 'Unknown dimension.' },
        },
      ]);
    }
    await this.access.enforce(
      principal,
      citizen,
      decision,
      !dimension.specialCategory || decision.specialCategory,
      'recordAssessment',
      'create',
    );
    if (assessor === undefined) throw forbidden();
    if (input.score > dimension.scaleMax)
      throw new CitizenException('SCORE_OUT_OF_SCALE', { max: dimension.scaleMax });
    const id = await this.citizens.transaction((m) =>
      this.citizens.insertAssessment(m, {
        citizenId: citizen.id,
        dimension: input.dimension,
        assessorRole: assessor,
        assessorUserId: principal.userId,
        score: input.score,
        assessedOn: input.assessedOn,
        note: input.note?.trim() || null,
      }),
    );
    const view = await citizenView(this.citizens, citizen, decision, language);
    const saved = view.assessments.find((a) => a.id === id);
    if (saved) return saved;
    // A mentor may record without being allowed to read the rest back.
    const rows = await this.citizens.assessments(citizen.id);
    const row = rows.find((a) => a.id === id) as AssessmentModel & {
      labelDa: string;
      labelEn: string;
    };
    return { ...row, label: language === 'da' ? row.labelDa : row.labelEn };
  }

  /**
   * Optimistic concurrency: the writer says which version they edited. The row lock makes the
   * check and the write one step, so of two writers with the same version exactly one wins and the
   * other gets CONFLICT; every saved version is kept as a revision.
   */
  async updatePlan(principal: Principal, input: UpdatePlanInput): Promise<PlanModel> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    await this.access.check(principal, citizen, 'updatePlan', 'write');
    await this.citizens.transaction(async (m) => {
      await this.citizens.lockCitizen(m, citizen.id);
      const current: PlanRow = (await this.citizens.plan(citizen.id, m, true)) ?? {
        citizenId: citizen.id,
        longTermGoal: '',
        milestones: [],
        activities: [],
        version: 0,
        updatedAt: null,
      };
      if (current.version !== input.expectedVersion) {
        throw new CitizenException('PLAN_VERSION_CONFLICT', { actual: current.version });
      }
      this.requireKnownItems('milestones', input.milestones, current.milestones);
      this.requireKnownItems('activities', input.activities, current.activities);
      const next: PlanRow = {
        ...current,
        version: current.version + 1,
        longTermGoal: input.longTermGoal?.trim() ?? current.longTermGoal,
        milestones:
          input.milestones?.map((ms) => ({
            id: ms.id ?? randomUUID(),
            title: ms.title.trim(),
            deadline: ms.deadline ?? null,
            status: ms.status ?? MilestoneStatus.Open,
          })) ?? current.milestones,
        activities:
          input.activities?.map((a) => ({
            id: a.id ?? randomUUID(),
            title: a.title.trim(),
            startsOn: a.startsOn ?? null,
            endsOn: a.endsOn ?? null,
            responsible: a.responsible?.trim() || null,
          })) ?? current.activities,
      };
      const changed = (['longTermGoal', 'milestones', 'activities'] as const).filter(
        (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
      );
      await this.citizens.savePlan(m, next, principal.userId, changed);
    });
    return (await planOf(this.citizens, citizen.id)) as PlanModel;
  }

  async myPlan(principal: Principal): Promise<PlanModel | null> {
    const citizen = await this.profiles.myCitizen(principal);
    await this.access.check(principal, citizen, 'myPlan', 'read');
    return planOf(this.citizens, citizen.id);
  }

  /** For the PDF: the plan, the citizen's name and goals, after the same access check as a read. */
  async planDocument(
    principal: Principal,
    /** A citizen id, or 'me' for the signed-in citizen. */
    citizenId: string,
  ): Promise<{ name: string; plan: PlanModel | null; goals: JobGoalRow[] }> {
    const citizen =
      citizenId === 'me'
        ? await this.profiles.myCitizen(principal)
        : await this.profiles.requireCitizen(citizenId);
    const decision = await this.access.check(principal, citizen, 'planPdf', 'read');
    if (!shares(decision, ConsentScope.Plan)) throw forbidden();
    return {
      name: `${citizen.firstName} ${citizen.lastName}`,
      plan: await planOf(this.citizens, citizen.id),
      goals: shares(decision, ConsentScope.JobGoals)
        ? await this.citizens.jobGoals(citizen.id)
        : [],
    };
  }

  async recordMeeting(
    principal: Principal,
    input: RecordMeetingInput,
    language: Language,
  ): Promise<RecordMeetingResultModel> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    const decision = await this.access.check(
      principal,
      citizen,
      'recordMeeting',
      'write',
      'create',
    );
    if (input.nextFollowUpOn && input.nextFollowUpOn < input.heldOn) {
      throw new CitizenException('FOLLOW_UP_BEFORE_MEETING', {}, [
        {
          field: 'nextFollowUpOn',
          constraint: 'afterMeeting',
          message: {
            da: 'Skal være samme dag som mødet eller senere.',
            en: 'Must be the day of the meeting or later.',
          },
        },
      ]);
    }
    const participants = input.participants.map((p) => ({ name: p.name.trim(), role: p.role }));
    const id = await this.citizens.transaction((m) =>
      this.citizens.insertMeeting(
        m,
        {
          citizenId: citizen.id,
          kind: input.kind,
          heldOn: input.heldOn,
          participants,
          notes: input.notes?.trim() || null,
          decisions: input.decisions?.trim() || null,
          nextFollowUpOn: input.nextFollowUpOn ?? null,
        },
        principal.userId,
      ),
    );
    const row = (await this.citizens.meetings(citizen.id)).find((m) => m.id === id);
    const meeting = row && { ...row, specialCategoryVisible: decision.specialCategory };
    const warnings = meetingWarnings(
      input.kind,
      participants.map((p) => p.role),
    ).map((w) => w[language]);
    return { meeting: meeting as NonNullable<typeof meeting>, warnings };
  }

  /** The signed-in professional's citizens whose follow-up date has come, most overdue first. */
  async followUpsDue(principal: Principal): Promise<FollowUpDueModel[]> {
    if (!isStaff(principal.role)) throw forbidden();
    const today = todayInDenmark();
    const due = await this.citizens.followUpsDue(principal.userId, today);
    const citizens = new Map(
      (await this.citizens.findCitizensByIds(due.map((d) => d.citizenId))).map((c) => [c.id, c]),
    );
    await this.audit.record({
      principal,
      citizenIds: [...citizens.keys()],
      action: 'read',
      operation: 'followUpsDue',
      allowed: true,
    });
    return due
      .filter((d) => citizens.has(d.citizenId))
      .map((d) => ({
        citizen: summaryOf(citizens.get(d.citizenId)!),
        dueOn: d.dueOn,
        daysOverdue: daysBetween(d.dueOn, today),
      }))
      .sort((a, b) => b.daysOverdue - a.daysOverdue);
  }

  /** The citizen (or their professional, on their behalf) agrees to share named parts with a company. */
  async grantConsent(principal: Principal, input: GrantConsentInput): Promise<ConsentModel> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    const decision = await this.access.decide(principal, citizen);
    await this.access.enforce(
      principal,
      citizen,
      decision,
      decision.self || decision.write,
      'grantConsent',
      'create',
    );
    // Only a partner of the citizen's job centre: other companies are not the caller's to know of.
    if (!(await this.companies.isPartnerOf(citizen.jobCentreId, input.companyId)))
      throw new CitizenException('COMPANY_NOT_FOUND');
    const id = await this.citizens.transaction((m) =>
      this.citizens.insertConsent(m, {
        citizenId: citizen.id,
        companyId: input.companyId,
        scopes: [...new Set(input.scopes)],
        purpose: input.purpose.trim(),
        recordedBy: principal.userId,
      }),
    );
    return (await this.citizens.findConsent(id)) as ConsentModel;
  }

  async withdrawConsent(principal: Principal, id: string): Promise<ConsentModel> {
    const consent = await this.citizens.findConsent(id);
    if (!consent) throw new CitizenException('CONSENT_NOT_FOUND');
    const citizen = await this.profiles.requireCitizen(consent.citizenId);
    const decision = await this.access.decide(principal, citizen);
    await this.access.enforce(
      principal,
      citizen,
      decision,
      decision.self || decision.write,
      'withdrawConsent',
      'update',
      () => new CitizenException('CONSENT_NOT_FOUND'),
    );
    const withdrawn = await this.citizens.transaction((m) => this.citizens.withdrawConsent(m, id));
    if (!withdrawn) throw new CitizenException('CONSENT_NOT_FOUND');
    return (await this.citizens.findConsent(id)) as ConsentModel;
  }

  /**
   * An item's id keeps an item of this plan; any other id (another plan's, or made up) or one given
   * twice is refused, so a plan never holds ids it did not make.
   */
  private requireKnownItems(
    list: 'milestones' | 'activities',
    items: { id?: string }[] | undefined,
    current: { id: string }[],
  ): void {
    const known = new Set(current.map((c) => c.id));
    const seen = new Set<string>();
    const index = (items ?? []).findIndex((item) => {
      if (item.id === undefined || item.id === null) return false;
      const bad = !known.has(item.id) || seen.has(item.id);
      seen.add(item.id);
      return bad;
    });
    if (index < 0) return;
    throw new CitizenException('PLAN_ITEM_UNKNOWN', {}, [
      {
        field: `${list}.${index}.id`,
        constraint: 'inPlan',
        message: {
          da: 'Findes ikke i planen (eller står der to gange).',
          en: 'Not in the plan (or given twice).',
        },
      },
    ]);
  }

  private goalFields(
    input: UpdateJobGoalInput | AddJobGoalInput,
    base: Partial<JobGoalRow> & { ownWords: string; priority: number },
  ): Omit<JobGoalRow, 'id' | 'citizenId' | 'createdAt' | 'updatedAt'> {
    const pick = <T>(value: T | undefined, fallback: T): T =>
      value === undefined ? fallback : value;
    return {
      occupationIds: [...new Set(pick(input.occupationIds, base.occupationIds ?? []))],
      ownWords: (input.ownWords ?? base.ownWords).trim(),
      hoursNow: pick(input.hoursNow, base.hoursNow ?? null),
      hoursLater: pick(input.hoursLater, base.hoursLater ?? null),
      maxCommuteKm: pick(input.maxCommuteKm, base.maxCommuteKm ?? null),
      earliestStart: pick(input.earliestStart, base.earliestStart ?? null),
      conditions: pick(input.conditions, base.conditions ?? null)?.trim() || null,
      priority: input.priority ?? base.priority,
    };
  }

  private async requireOccupations(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.reference.occupations(ids);
    if (found.length !== ids.length) {
      throw new CitizenException('UNKNOWN_OCCUPATION', {}, [
        {
          field: 'occupationIds',
          constraint: 'exists',
          message: { da: 'Ukendt stilling.', en: 'Unknown occupation.' },
        },
      ]);
    }
  }
}
