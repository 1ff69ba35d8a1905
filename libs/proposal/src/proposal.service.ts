import { createHash, randomUUID } from 'node:crypto';
import { AuditService } from '@jobbro/auth';
import { CitizenAccess, CitizenException, CitizenService } from '@jobbro/citizen';
import { CompanyException, PlacementService, PlacementStatus } from '@jobbro/company';
import {
  AppConfig,
  forbidden,
  isStaff,
  type Language,
  type Page,
  type Principal,
  Role,
  toPage,
  todayInDenmark,
} from '@jobbro/core';
import { type MailKind, MailOutbox, type MailParams, publicBaseUrl } from '@jobbro/notifications';
import {
  evaluateRules,
  type HeadcountFacts,
  type LegalRule,
  type RuleCheck,
  RuleCheckService,
} from '@jobbro/rules';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PROPOSAL_ACTION_LABELS,
  PROPOSAL_REASON_LABELS,
  PROPOSAL_STATUS_LABELS,
} from './proposal-labels';
import {
  type AnswerChannel,
  ProposalActor,
  type ProposalReason,
  ProposalStatus,
  ShareScope,
} from './proposal.enums';
import { ProposalException } from './proposal.exception';
import {
  type Contact,
  EMPLOYER_VISIBLE,
  type NewProposalEvent,
  type PlannedPlacement,
  ProposalRepository,
  type ProposalRow,
  type SharedProfile,
} from './proposal.repository';
import {
  actingFor,
  answerDueAt,
  AWAITING_ANSWER,
  decideProposalTransition,
  freeSeat,
  type ProposalAction,
} from './rules/proposal-rules';

type CitizenRowOf = Awaited<ReturnType<CitizenService['requireCitizen']>>;

/** Who is acting on a proposal, and how the service knows it. */
interface Acting {
  principal: Principal;
  actor: ProposalActor;
  /** A consultant recording the citizen's answer: how and when it was given. */
  onBehalf?: { channel: AnswerChannel; answeredAt: Date };
}

/** How a viewer sees proposals: decides which fields and history they get. */
export type ProposalViewer = 'staff' | 'citizen' | 'employer';

export interface ProposeCommand {
  citizenId: string;
  placementId: string;
  start: string;
  end: string;
  weeklyHours?: number | null;
  extensionAssessed?: boolean | null;
  /** Warnings the consultant goes past, each with a reason (a block can never be). */
  ruleOverrides?: { rule: string; reason: string }[] | null;
  idempotencyKey?: string | null;
}

/** What rule checks need that bookings never change. */
interface RuleContext {
  rules: LegalRule[];
  headcounts: HeadcountFacts;
}

/** A rule check with the override recorded for it, if any. */
export interface ProposalRuleCheck extends RuleCheck {
  override: { reason: string; byName: string | null; at: Date } | null;
}

export interface CitizenAnswerCommand {
  proposalId: string;
  shareScopes?: ShareScope[];
  reason?: ProposalReason | null;
  note?: string | null;
  onBehalf?: { channel: AnswerChannel; answeredAt: Date } | null;
  idempotencyKey?: string | null;
}

export interface EmployerAnswerCommand {
  proposalId: string;
  accept: boolean;
  reason?: ProposalReason | null;
  note?: string | null;
  reasonVisibleToCitizen?: boolean | null;
  idempotencyKey?: string | null;
}

export interface ProposalListCommand {
  citizenId?: string | null;
  placementId?: string | null;
  statuses?: ProposalStatus[] | null;
  openOnly?: boolean | null;
}

/** A proposal with what the viewer may see of it. */
export interface ProposalView {
  row: ProposalRow;
  viewer: ProposalViewer;
  actor: ProposalActor;
  citizenName: { firstName: string; lastName: string } | null;
}

const OPEN_OR_BOOKED: ProposalStatus[] = [
  ProposalStatus.ProposedToCitizen,
  ProposalStatus.ProposedToEmployer,
  ProposalStatus.AcceptedByEmployer,
  ProposalStatus.Booked,
];

const hashOf = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex');

const addDaysIso = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * Proposals from match to booked seat. Every change runs in one transaction with the proposal
 * locked; a booking also locks the citizen, the slot's site, the slot and its mentor (in that
 * order, so two bookings never deadlock) and takes a seat number the exclusion constraints hold.
 *
 * Existence: staff of another job centre, another citizen and a company the proposal has not
 * reached are all answered PROPOSAL_NOT_FOUND, exactly as for a random id.
 */
@Injectable()
export class ProposalService {
  private readonly logger = new Logger(ProposalService.name);

  constructor(
    private readonly repo: ProposalRepository,
    private readonly citizens: CitizenService,
    private readonly access: CitizenAccess,
    private readonly placements: PlacementService,
    private readonly audit: AuditService,
    private readonly mail: MailOutbox,
    private readonly config: AppConfig,
    private readonly rules: RuleCheckService,
  ) {}

  // ---- Commands ---------------------------------------------------------------------------

  async propose(
    principal: Principal,
    cmd: ProposeCommand,
    now = new Date(),
  ): Promise<ProposalView> {
    if (!isStaff(principal.role) || !principal.jobCentreId) throw forbidden();
    const repeat = await this.repeated(principal, 'proposePlacement', cmd.idempotencyKey, cmd);
    if (repeat) return this.viewById(principal, repeat);
    // The slot first: a slot the caller may not see reads no citizen data.
    const placement = await this.placements.placement(principal, cmd.placementId);
    const citizen = await this.citizenForStaff(
      principal,
      cmd.citizenId,
      'proposePlacement',
      'write',
    );
    if (placement.status !== PlacementStatus.Published)
      throw new ProposalException('PLACEMENT_NOT_OPEN');
    if (
      cmd.end < cmd.start ||
      cmd.start < todayInDenmark(now) ||
      cmd.end > addDaysIso(cmd.start, 730)
    )
      throw new ProposalException('PROPOSAL_PERIOD_INVALID', {}, [
        {
          field: cmd.end < cmd.start ? 'end' : 'start',
          constraint: 'period',
          message: {
            da: 'Perioden skal begynde i dag eller senere, slutte efter den begynder og højst vare to år.',
            en: 'The period must start today or later, end after it starts and last at most two years.',
          },
        },
      ]);
    const id = randomUUID();
    const weeklyHours = cmd.weeklyHours ?? Number(placement.weeklyHoursMax);
    // The rules at the planned dates: a block refuses, a warning needs a reason to go past.
    const overrides = new Map((cmd.ruleOverrides ?? []).map((o) => [o.rule, o.reason.trim()]));
    const checks = await this.checksFor({
      citizenId: citizen.id,
      placementId: placement.id,
      start: cmd.start,
      end: cmd.end,
      weeklyHours,
      extensionAssessed: cmd.extensionAssessed ?? false,
      proposalId: null,
    });
    enforceRules(checks, overrides);
    const created = await this.repo.transaction(async (m) => {
      const claimed = await this.claim(
        m,
        principal,
        'proposePlacement',
        cmd.idempotencyKey,
        cmd,
        id,
      );
      if (claimed) return claimed;
      await this.repo.insertProposal(m, {
        id,
        jobCentreId: citizen.jobCentreId,
        citizenId: citizen.id,
        placementId: placement.id,
        companyId: placement.companyId,
        start: cmd.start,
        end: cmd.end,
        weeklyHours,
        answerDueAt: answerDueAt(now, this.config.proposalAnswerDays),
        proposedBy: principal.userId,
        extensionAssessed: cmd.extensionAssessed ?? false,
      });
      for (const check of checks.filter((c) => !c.passed && overrides.has(c.rule)))
        await this.repo.upsertOverride(m, {
          proposalId: id,
          rule: check.rule,
          reason: overrides.get(check.rule) ?? '',
          by: principal.userId,
        });
      await this.repo.insertEvent(m, id, {
        ...this.eventBase({ principal, actor: ProposalActor.Consultant }),
        fromStatus: null,
        toStatus: ProposalStatus.ProposedToCitizen,
      });
      const row = await this.repo.findById(id, m);
      if (row) await this.notify(m, row, ProposalStatus.ProposedToCitizen);
      return id;
    });
    return this.viewById(principal, created);
  }

  /** The citizen's yes (with what they share), by the citizen or recorded by staff for them. */
  async citizenAccept(principal: Principal, cmd: CitizenAnswerCommand): Promise<ProposalView> {
    const scopes = [...new Set(cmd.shareScopes ?? [])];
    return this.transition(
      principal,
      cmd.proposalId,
      'citizenAccept',
      cmd,
      async (m, row, acting) => {
        const source = await this.repo.shareableProfile(row.citizenId, m);
        const shared: SharedProfile = {};
        if (scopes.includes(ShareScope.FirstName)) shared.firstName = source.firstName;
        if (scopes.includes(ShareScope.GoalInOwnWords) && source.goalInOwnWords)
          shared.goalInOwnWords = source.goalInOwnWords;
        if (scopes.includes(ShareScope.Accommodations))
          shared.accommodations = source.accommodations;
        if (scopes.includes(ShareScope.Availability)) shared.availability = source.availability;
        return {
          answerDueAt: answerDueAt(
            acting.onBehalf?.answeredAt ?? new Date(),
            this.config.proposalAnswerDays,
          ),
          shareScopes: scopes,
          sharedProfile: shared,
          event: { shareScopes: scopes },
        };
      },
    );
  }

  async citizenDecline(principal: Principal, cmd: CitizenAnswerCommand): Promise<ProposalView> {
    return this.transition(principal, cmd.proposalId, 'citizenDecline', cmd);
  }

  async employerAnswer(principal: Principal, cmd: EmployerAnswerCommand): Promise<ProposalView> {
    return this.transition(
      principal,
      cmd.proposalId,
      cmd.accept ? 'employerAccept' : 'employerDecline',
      {
        ...cmd,
        reasonVisibleToCitizen: cmd.reasonVisibleToCitizen ?? false,
      },
    );
  }

  async withdraw(
    principal: Principal,
    cmd: { proposalId: string; reason: ProposalReason; note?: string | null },
  ): Promise<ProposalView> {
    return this.transition(principal, cmd.proposalId, 'withdraw', cmd, async (m, row) => {
      if (row.status === ProposalStatus.Booked) await this.repo.releaseBooking(m, row.id);
      return {};
    });
  }

  /**
   * Holds a seat: the slot's and its mentor's capacities are counted over the period under row
   * locks, a free seat number is taken (the exclusion constraints are the last word), and the
   * citizen's other open proposals for overlapping periods become obsolete.
   */
  async book(
    principal: Principal,
    cmd: { proposalId: string; idempotencyKey?: string | null },
  ): Promise<ProposalView> {
    // The rule rows and headcounts first, outside the transaction: a booking's transaction then
    // holds one connection and reads everything else in it.
    const before = await this.repo.findById(cmd.proposalId);
    const context = before ? await this.ruleContext(await this.planned(before)) : undefined;
    return this.transition(principal, cmd.proposalId, 'book', cmd, async (m, row) => {
      // A full slot or mentor refuses at once, before any lock: seats are only freed by a
      // release, and a refusal read before one commits is a valid order of the two. So the many
      // refusals of a popular slot never queue behind the site's lock.
      await this.freeSeats(m, row, false);
      await this.repo.lockCitizen(m, row.citizenId);
      await this.repo.lockSiteOf(m, row.placementId);
      // The rules again, now that the seat is to be held: under the site's lock, the count of
      // supported persons there cannot move until this booking commits or rolls back.
      enforceRules(
        await this.checksFor(await this.planned(row, m), context, m),
        new Map((await this.repo.overrides(row.id, m)).map((o) => [o.rule, o.reason])),
      );
      const { seat, mentorSeat, mentorId } = await this.freeSeats(m, row, true);
      await this.repo.insertBooking(m, {
        proposalId: row.id,
        placementId: row.placementId,
        mentorId,
        citizenId: row.citizenId,
        start: row.start,
        end: row.end,
        seat,
        mentorSeat,
        createdBy: principal.userId,
      });
      return {
        after: async () => {
          for (const other of await this.repo.lockOpenOverlapping(
            m,
            row.citizenId,
            row.id,
            row.start,
            row.end,
          )) {
            await this.repo.setStatus(m, other.id, {
              status: ProposalStatus.Obsolete,
              answerDueAt: null,
              closingReason: 'booked_elsewhere',
            });
            await this.repo.insertEvent(m, other.id, {
              ...this.eventBase({ principal, actor: ProposalActor.System }),
              actorRole: null,
              actorUserId: null,
              fromStatus: other.status,
              toStatus: ProposalStatus.Obsolete,
              reason: 'booked_elsewhere',
            });
          }
        },
      };
    });
  }

  /**
   * The seat numbers a booking of the proposal would take in its slot and with the slot's mentor,
   * or a CONFLICT naming what is full. With `lock`, read under the slot's and mentor's row locks
   * (the booking's own check); without, a refusal before any lock is taken.
   */
  private async freeSeats(
    m: EntityManager,
    row: ProposalRow,
    lock: boolean,
  ): Promise<{ seat: number; mentorSeat: number | null; mentorId: string | null }> {
    const limits = await this.repo.seatLimits(m, row.placementId, lock);
    if (!limits || limits.status !== (PlacementStatus.Published as string))
      throw new ProposalException('PLACEMENT_NOT_OPEN');
    if (lock && (await this.repo.citizenBookedOverlapping(m, row.citizenId, row.start, row.end)))
      throw new ProposalException('CITIZEN_ALREADY_BOOKED');
    const seat = freeSeat(
      limits.capacity,
      await this.repo.takenSeats(m, { placementId: row.placementId }, row.start, row.end),
    );
    if (seat === null) throw new ProposalException('NO_FREE_SEAT', { capacity: limits.capacity });
    if (!limits.mentorId || limits.mentorCapacity === null)
      return { seat, mentorSeat: null, mentorId: null };
    const mentorSeat = freeSeat(
      limits.mentorCapacity,
      await this.repo.takenSeats(m, { mentorId: limits.mentorId }, row.start, row.end),
    );
    if (mentorSeat === null)
      throw new ProposalException('NO_FREE_MENTOR_SEAT', { capacity: limits.mentorCapacity });
    return { seat, mentorSeat, mentorId: limits.mentorId };
  }

  /** Closes proposals nobody answered in time ("no answer"); run by the worker. */
  async expireDue(now: Date, limit = 500): Promise<number> {
    let expired = 0;
    for (const id of await this.repo.dueForExpiry(now, limit)) {
      const done = await this.repo.transaction(async (m) => {
        const row = await this.repo.lock(m, id);
        if (
          !row ||
          !AWAITING_ANSWER.includes(row.status) ||
          !row.answerDueAt ||
          row.answerDueAt > now
        )
          return false;
        const decision = decideProposalTransition(
          row.status,
          'expire',
          ProposalActor.System,
          'no_answer' as ProposalReason,
        );
        if (!decision.ok) return false;
        await this.repo.setStatus(m, id, {
          status: decision.to,
          answerDueAt: null,
          closingReason: 'no_answer',
        });
        await this.repo.insertEvent(m, id, {
          fromStatus: row.status,
          toStatus: decision.to,
          actor: ProposalActor.System,
          actorRole: null,
          actorUserId: null,
          onBehalf: false,
          channel: null,
          answeredAt: null,
          reason: 'no_answer',
          note: null,
          reasonVisibleToCitizen: true,
          shareScopes: null,
        });
        await this.notify(m, { ...row, status: decision.to }, decision.to);
        return true;
      });
      if (done) expired++;
    }
    if (expired) this.logger.log(`expired ${expired} unanswered proposals`);
    return expired;
  }

  /** Records the reason a consultant goes past a warning of the proposal's rules; never a block. */
  async overrideRuleWarning(
    principal: Principal,
    cmd: { proposalId: string; rule: string; reason: string },
  ): Promise<ProposalRuleCheck[]> {
    const row = await this.staffProposal(principal, cmd.proposalId, 'overrideRuleWarning', 'write');
    const checks = await this.checksFor(await this.planned(row));
    const check = checks.find((c) => c.rule === cmd.rule);
    if (check && check.severity === 'block') throw new ProposalException('RULE_NOT_A_WARNING');
    await this.repo.transaction((m) =>
      this.repo.upsertOverride(m, {
        proposalId: row.id,
        rule: cmd.rule,
        reason: cmd.reason.trim(),
        by: principal.userId,
      }),
    );
    return this.withOverrides(row.id, checks);
  }

  /** The rules' checks of a proposal at its planned dates, as they stand now. */
  async ruleChecks(principal: Principal, proposalId: string): Promise<ProposalRuleCheck[]> {
    const row = await this.staffProposal(principal, proposalId, 'ruleChecks', 'read');
    return this.withOverrides(row.id, await this.checksFor(await this.planned(row)));
  }

  /** The checks a proposal would meet, before the consultant proposes it. */
  async previewRuleChecks(
    principal: Principal,
    cmd: Omit<ProposeCommand, 'ruleOverrides' | 'idempotencyKey'>,
  ): Promise<ProposalRuleCheck[]> {
    if (!isStaff(principal.role) || !principal.jobCentreId) throw forbidden();
    const placement = await this.placements.placement(principal, cmd.placementId);
    await this.citizenForStaff(principal, cmd.citizenId, 'proposalRuleChecks', 'read');
    const checks = await this.checksFor({
      citizenId: cmd.citizenId,
      placementId: placement.id,
      start: cmd.start,
      end: cmd.end < cmd.start ? cmd.start : cmd.end,
      weeklyHours: cmd.weeklyHours ?? Number(placement.weeklyHoursMax),
      extensionAssessed: cmd.extensionAssessed ?? false,
      proposalId: null,
    });
    return checks.map((c) => ({ ...c, override: null }));
  }

  // ---- Queries ----------------------------------------------------------------------------

  async proposal(principal: Principal, id: string): Promise<ProposalView> {
    return this.viewById(principal, id);
  }

  async history(view: ProposalView) {
    const events = await this.repo.events(view.row.id);
    if (view.viewer === 'staff') return events;
    if (view.viewer === 'citizen')
      // The citizen reads every step; an employer's reason only where the employer allowed it.
      return events.map((e) => (e.reasonVisibleToCitizen ? e : { ...e, reason: null, note: null }));
    // The employer: from when it reached them, without the citizen's reasons or anyone's notes
    // but their own.
    const reached = events.findIndex((e) => e.toStatus === ProposalStatus.ProposedToEmployer);
    return events.slice(reached < 0 ? events.length : reached).map((e) =>
      e.actor === ProposalActor.Employer
        ? e
        : {
            ...e,
            reason: e.actor === ProposalActor.Citizen ? null : e.reason,
            note: null,
            actorName: null,
          },
    );
  }

  /** Staff: the job centre's proposals, filtered (each citizen named is audited). */
  async list(
    principal: Principal,
    filter: ProposalListCommand,
    first: number,
    after?: string | null,
  ): Promise<Page<ProposalView>> {
    if (!isStaff(principal.role) || !principal.jobCentreId) throw forbidden();
    if (filter.citizenId)
      await this.citizenForStaff(principal, filter.citizenId, 'proposals', 'read');
    const statuses = filter.openOnly
      ? OPEN_OR_BOOKED.filter((s) => !filter.statuses?.length || filter.statuses.includes(s))
      : (filter.statuses ?? undefined);
    const { rows, totalCount } = await this.repo.page(
      {
        jobCentreId: principal.jobCentreId,
        citizenId: filter.citizenId ?? undefined,
        placementId: filter.placementId ?? undefined,
        statuses: statuses ?? undefined,
      },
      first,
      after,
    );
    return this.pageOf(principal, rows, first, totalCount, 'staff', 'proposals');
  }

  /** The citizen's own proposals. */
  async mine(
    principal: Principal,
    first: number,
    after?: string | null,
  ): Promise<Page<ProposalView>> {
    const citizen = await this.citizens.myCitizen(principal);
    const { rows, totalCount } = await this.repo.page({ citizenId: citizen.id }, first, after);
    return this.pageOf(principal, rows, first, totalCount, 'citizen', 'myProposals');
  }

  /** Proposals for the caller's companies' slots, from when the citizen said yes. */
  async forCompany(
    principal: Principal,
    companyId: string | null | undefined,
    statuses: ProposalStatus[] | null | undefined,
    first: number,
    after?: string | null,
  ): Promise<Page<ProposalView>> {
    const companies = await this.employerCompanies(principal);
    // Another company's id answers as an unknown one does.
    if (companyId && !companies.includes(companyId))
      throw new CompanyException('COMPANY_NOT_FOUND');
    const { rows, totalCount } = await this.repo.page(
      {
        companyId: companyId ? [companyId] : companies,
        statuses: statuses?.length ? statuses : undefined,
        reachedEmployer: true,
      },
      first,
      after,
    );
    return this.pageOf(principal, rows, first, totalCount, 'employer', 'proposalsForCompany');
  }

  /**
   * For match results: how this citizen's latest proposal of each slot stands, in the reader's
   * language. The caller has checked that it may read the citizen (matching does).
   */
  async previousProposals(
    citizenId: string,
    placementIds: string[],
    l: Language,
  ): Promise<
    Map<
      string,
      { id: string; status: string; statusLabel: string; reasonLabel: string | null; at: Date }
    >
  > {
    const latest = await this.repo.latestFor(citizenId, placementIds);
    return new Map(
      [...latest].map(([placementId, p]) => [
        placementId,
        {
          id: p.id,
          status: p.status,
          statusLabel: PROPOSAL_STATUS_LABELS[p.status][l],
          reasonLabel: p.reason
            ? (PROPOSAL_REASON_LABELS[p.reason as ProposalReason]?.[l] ?? null)
            : null,
          at: p.at,
        },
      ]),
    );
  }

  // ---- Internals --------------------------------------------------------------------------

  private async transition(
    principal: Principal,
    proposalId: string,
    action: ProposalAction,
    cmd: {
      reason?: ProposalReason | null;
      note?: string | null;
      onBehalf?: { channel: AnswerChannel; answeredAt: Date } | null;
      reasonVisibleToCitizen?: boolean | null;
      idempotencyKey?: string | null;
    },
    effect?: (
      m: EntityManager,
      row: ProposalRow,
      acting: Acting,
    ) => Promise<{
      answerDueAt?: Date;
      shareScopes?: string[];
      sharedProfile?: SharedProfile;
      event?: Partial<NewProposalEvent>;
      after?: () => Promise<void>;
    }>,
  ): Promise<ProposalView> {
    const repeat = await this.repeated(principal, action, cmd.idempotencyKey, {
      proposalId,
      ...cmd,
    });
    if (repeat) return this.viewById(principal, repeat);
    const found = await this.repo.findById(proposalId);
    if (!found) throw new ProposalException('PROPOSAL_NOT_FOUND');
    const acting = await this.actingOn(principal, found, action, cmd.onBehalf ?? null);
    await this.repo.transaction(async (m) => {
      if (
        await this.claim(
          m,
          principal,
          action,
          cmd.idempotencyKey,
          { proposalId, ...cmd },
          proposalId,
        )
      )
        return;
      const row = await this.repo.lock(m, proposalId);
      if (!row) throw new ProposalException('PROPOSAL_NOT_FOUND');
      const decision = decideProposalTransition(
        row.status,
        action,
        acting.actor,
        cmd.reason ?? null,
      );
      if (!decision.ok) throw this.refusal(decision.refusal, row, action);
      const result = (await effect?.(m, row, acting)) ?? {};
      const closing =
        decision.to !== ProposalStatus.Booked && !OPEN_OR_BOOKED.includes(decision.to);
      await this.repo.setStatus(m, row.id, {
        status: decision.to,
        answerDueAt: AWAITING_ANSWER.includes(decision.to)
          ? (result.answerDueAt ?? row.answerDueAt)
          : null,
        closingReason: closing ? (cmd.reason ?? 'other') : null,
        shareScopes: result.shareScopes,
        sharedProfile: result.sharedProfile,
      });
      await this.repo.insertEvent(m, row.id, {
        ...this.eventBase(acting),
        fromStatus: row.status,
        toStatus: decision.to,
        reason: cmd.reason ?? null,
        note: cmd.note?.trim() ? cmd.note.trim() : null,
        reasonVisibleToCitizen:
          action === 'employerDecline' ? (cmd.reasonVisibleToCitizen ?? false) : true,
        ...result.event,
      });
      await result.after?.();
      await this.notify(
        m,
        { ...row, status: decision.to, answerDueAt: result.answerDueAt ?? null },
        decision.to,
      );
    });
    return this.viewById(principal, proposalId);
  }

  /**
   * What a rule check needs that bookings never change: the rule rows in force at the start and
   * the recorded headcounts. Read outside any transaction (no citizen data).
   */
  private async ruleContext(planned: PlannedPlacement): Promise<RuleContext> {
    const site = await this.repo.placementSite(planned.placementId);
    if (!site) throw new ProposalException('PLACEMENT_NOT_OPEN');
    const rules = await this.rules.rulesInForce(planned.start);
    const headcounts = await this.rules.headcountFacts(
      site.companyId,
      site.siteId,
      planned.start,
      rules,
    );
    return { rules, headcounts };
  }

  /** Every rule's check of a planned placement, its facts read now (in `m`'s transaction if given). */
  private async checksFor(
    planned: PlannedPlacement,
    context?: RuleContext,
    m?: EntityManager,
  ): Promise<RuleCheck[]> {
    const ctx = context ?? (await this.ruleContext(planned));
    const facts = await this.repo.placementFacts(planned, m);
    if (!facts) throw new ProposalException('PLACEMENT_NOT_OPEN');
    const companyNow = ctx.headcounts.company.fteNow ?? facts.registeredEmployees;
    return evaluateRules(ctx.rules, {
      placementType: facts.placementType,
      start: planned.start,
      end: planned.end,
      weeklyHours: planned.weeklyHours,
      targetGroup: facts.targetGroup,
      extensionAssessed: planned.extensionAssessed,
      companyId: facts.companyId,
      mostRecentEmployerCompanyId: facts.mostRecentEmployerCompanyId,
      employmentHistoryKnown: facts.employmentHistoryKnown,
      sector: facts.sector,
      // A site without a recorded headcount is judged by the company's (most companies have one
      // site), and without either by its registered employees; the check names the figure used.
      site: {
        ordinaryFte: ctx.headcounts.siteOrdinaryFte ?? facts.registeredEmployees,
        supportedPersons: facts.supportedPersons,
      },
      company: {
        fteNow: companyNow,
        fteAverage: ctx.headcounts.company.fteAverage,
      },
      paidHoursAtSameWorkplace: facts.paidHoursAtSameWorkplace,
    });
  }

  private async planned(row: ProposalRow, m?: EntityManager): Promise<PlannedPlacement> {
    return {
      citizenId: row.citizenId,
      placementId: row.placementId,
      start: row.start,
      end: row.end,
      weeklyHours: row.weeklyHours,
      extensionAssessed: await this.repo.extensionAssessed(row.id, m),
      proposalId: row.id,
    };
  }

  private async withOverrides(
    proposalId: string,
    checks: RuleCheck[],
  ): Promise<ProposalRuleCheck[]> {
    const overrides = new Map((await this.repo.overrides(proposalId)).map((o) => [o.rule, o]));
    return checks.map((c) => {
      const o = overrides.get(c.rule);
      return {
        ...c,
        override: o ? { reason: o.reason, byName: o.overriddenByName, at: o.overriddenAt } : null,
      };
    });
  }

  /** The proposal, if staff of its job centre may do `need` with its citizen; else NOT_FOUND. */
  private async staffProposal(
    principal: Principal,
    proposalId: string,
    operation: string,
    need: 'read' | 'write',
  ): Promise<ProposalRow> {
    if (!isStaff(principal.role) || !principal.jobCentreId) throw forbidden();
    const row = await this.repo.findById(proposalId);
    if (!row || row.jobCentreId !== principal.jobCentreId)
      throw new ProposalException('PROPOSAL_NOT_FOUND');
    await this.access.check(
      principal,
      await this.citizens.requireCitizen(row.citizenId),
      operation,
      need,
      need === 'read' ? 'read' : 'update',
      () => new ProposalException('PROPOSAL_NOT_FOUND'),
    );
    return row;
  }

  /** Who the caller is on this proposal, or the refusal that says no more than they may know. */
  private async actingOn(
    principal: Principal,
    row: ProposalRow,
    action: ProposalAction,
    onBehalf: { channel: AnswerChannel; answeredAt: Date } | null,
  ): Promise<Acting> {
    // Staff record the citizen's answers for them (RECORDS_ANSWERS_OF), never make them as their own.
    const citizenAnswer = actingFor(ProposalActor.Consultant, action) === ProposalActor.Citizen;
    if (principal.role === Role.Citizen) {
      const me = await this.citizens.myCitizen(principal).catch(() => null);
      if (!me || me.id !== row.citizenId) throw new ProposalException('PROPOSAL_NOT_FOUND');
      if (onBehalf) throw new ProposalException('ON_BEHALF_NOT_ALLOWED');
      await this.auditRead(principal, [row.citizenId], action);
      return { principal, actor: ProposalActor.Citizen };
    }
    if (isStaff(principal.role)) {
      if (principal.jobCentreId !== row.jobCentreId)
        throw new ProposalException('PROPOSAL_NOT_FOUND');
      await this.access.check(
        principal,
        await this.citizens.requireCitizen(row.citizenId),
        action,
        'write',
        'update',
        () => new ProposalException('PROPOSAL_NOT_FOUND'),
      );
      if (citizenAnswer) {
        if (!onBehalf) throw new ProposalException('ON_BEHALF_REQUIRED');
        const answeredAt = new Date(onBehalf.answeredAt);
        if (answeredAt.getTime() > Date.now() + 60_000 || answeredAt < row.createdAt)
          throw new ProposalException('ON_BEHALF_REQUIRED', {}, [
            {
              field: 'onBehalf.answeredAt',
              constraint: 'answeredAt',
              message: {
                da: 'Tidspunktet for svaret skal ligge mellem forslaget og nu.',
                en: 'The time of the answer must lie between the proposal and now.',
              },
            },
          ]);
        return {
          principal,
          actor: ProposalActor.Citizen,
          onBehalf: { channel: onBehalf.channel, answeredAt },
        };
      }
      if (onBehalf) throw new ProposalException('ON_BEHALF_NOT_ALLOWED');
      return { principal, actor: ProposalActor.Consultant };
    }
    if (principal.role === Role.CompanyAdmin) {
      const companies = await this.employerCompanies(principal);
      const reached = companies.includes(row.companyId) && (await this.reachedEmployer(row));
      if (!reached) throw new ProposalException('PROPOSAL_NOT_FOUND');
      if (onBehalf) throw new ProposalException('ON_BEHALF_NOT_ALLOWED');
      await this.auditRead(principal, [row.citizenId], action);
      return { principal, actor: ProposalActor.Employer };
    }
    throw new ProposalException('PROPOSAL_NOT_FOUND');
  }

  private refusal(refusal: string, row: ProposalRow, action: ProposalAction): ProposalException {
    switch (refusal) {
      case 'NOT_YOURS_TO_MAKE':
        return new ProposalException('PROPOSAL_NOT_YOURS');
      case 'REASON_REQUIRED':
        return new ProposalException('PROPOSAL_REASON_REQUIRED', {}, [
          {
            field: 'reason',
            constraint: 'required',
            message: { da: 'Vælg en begrundelse.', en: 'Choose a reason.' },
          },
        ]);
      case 'REASON_NOT_ALLOWED':
        return new ProposalException('PROPOSAL_REASON_NOT_ALLOWED', {}, [
          {
            field: 'reason',
            constraint: 'allowed',
            message: {
              da: 'Den begrundelse kan ikke bruges her.',
              en: 'That reason cannot be used here.',
            },
          },
        ]);
      default:
        return new ProposalException('PROPOSAL_INVALID_TRANSITION', {
          statusDa: PROPOSAL_STATUS_LABELS[row.status].da,
          statusEn: PROPOSAL_STATUS_LABELS[row.status].en,
          actionDa: PROPOSAL_ACTION_LABELS[action].da,
          actionEn: PROPOSAL_ACTION_LABELS[action].en,
        });
    }
  }

  private eventBase(acting: Acting): Omit<NewProposalEvent, 'fromStatus' | 'toStatus'> {
    return {
      actor: acting.actor,
      actorRole: acting.principal.role,
      actorUserId: acting.principal.userId,
      onBehalf: Boolean(acting.onBehalf),
      channel: acting.onBehalf?.channel ?? null,
      answeredAt: acting.onBehalf?.answeredAt ?? null,
      reason: null,
      note: null,
      reasonVisibleToCitizen: true,
      shareScopes: null,
    };
  }

  /** The first result of a repeated request (same user, operation and key), if any. */
  private async repeated(
    principal: Principal,
    operation: string,
    key: string | null | undefined,
    request: unknown,
  ): Promise<string | null> {
    if (!key) return null;
    const found = await this.repo.idempotentResult(principal.userId, operation, key);
    if (!found) return null;
    if (found.requestHash !== hashOf(request))
      throw new ProposalException('IDEMPOTENCY_KEY_REUSED');
    return found.resultId;
  }

  /** Claims the key in the transaction; returns the first result when another request got there first. */
  private async claim(
    m: EntityManager,
    principal: Principal,
    operation: string,
    key: string | null | undefined,
    request: unknown,
    resultId: string,
  ): Promise<string | null> {
    if (!key) return null;
    const claimed = await this.repo.claimIdempotencyKey(m, {
      userId: principal.userId,
      operation,
      key,
      requestHash: hashOf(request),
      resultId,
    });
    if (claimed.fresh) return null;
    if (!claimed.sameRequest) throw new ProposalException('IDEMPOTENCY_KEY_REUSED');
    return claimed.resultId;
  }

  private async citizenForStaff(
    principal: Principal,
    citizenId: string,
    operation: string,
    need: 'read' | 'write',
  ): Promise<CitizenRowOf> {
    const citizen = await this.citizens.requireCitizen(citizenId).catch((e: unknown) => {
      if (e instanceof CitizenException) throw new CitizenException('CITIZEN_NOT_FOUND');
      throw e;
    });
    await this.access.check(principal, citizen, operation, need);
    return citizen;
  }

  private async employerCompanies(principal: Principal): Promise<string[]> {
    if (principal.role !== Role.CompanyAdmin) return [];
    const visibility = await this.placements.visibility(principal);
    return visibility.kind === 'companies' ? visibility.companyIds : [];
  }

  private async reachedEmployer(row: ProposalRow): Promise<boolean> {
    if (EMPLOYER_VISIBLE.includes(row.status)) return true;
    const events = await this.repo.events(row.id);
    return events.some((e) => e.toStatus === ProposalStatus.ProposedToEmployer);
  }

  private async viewById(principal: Principal, id: string): Promise<ProposalView> {
    const row = await this.repo.findById(id);
    if (!row) throw new ProposalException('PROPOSAL_NOT_FOUND');
    if (principal.role === Role.Citizen) {
      const me = await this.citizens.myCitizen(principal).catch(() => null);
      if (!me || me.id !== row.citizenId) throw new ProposalException('PROPOSAL_NOT_FOUND');
      await this.auditRead(principal, [row.citizenId], 'proposal');
      return { row, viewer: 'citizen', actor: ProposalActor.Citizen, citizenName: null };
    }
    if (isStaff(principal.role)) {
      if (principal.jobCentreId !== row.jobCentreId)
        throw new ProposalException('PROPOSAL_NOT_FOUND');
      await this.access.check(
        principal,
        await this.citizens.requireCitizen(row.citizenId),
        'proposal',
        'read',
        'read',
        () => new ProposalException('PROPOSAL_NOT_FOUND'),
      );
      const names = await this.repo.citizenNames([row.citizenId]);
      return {
        row,
        viewer: 'staff',
        actor: ProposalActor.Consultant,
        citizenName: names.get(row.citizenId) ?? null,
      };
    }
    if (principal.role === Role.CompanyAdmin) {
      const companies = await this.employerCompanies(principal);
      if (!companies.includes(row.companyId) || !(await this.reachedEmployer(row)))
        throw new ProposalException('PROPOSAL_NOT_FOUND');
      await this.auditRead(principal, [row.citizenId], 'proposal');
      return { row, viewer: 'employer', actor: ProposalActor.Employer, citizenName: null };
    }
    throw new ProposalException('PROPOSAL_NOT_FOUND');
  }

  private async pageOf(
    principal: Principal,
    rows: ProposalRow[],
    first: number,
    totalCount: number,
    viewer: ProposalViewer,
    operation: string,
  ): Promise<Page<ProposalView>> {
    const shown = rows.slice(0, first);
    await this.auditRead(principal, [...new Set(shown.map((r) => r.citizenId))], operation);
    const names =
      viewer === 'staff'
        ? await this.repo.citizenNames(shown.map((r) => r.citizenId))
        : new Map<string, { firstName: string; lastName: string }>();
    const actor =
      viewer === 'staff'
        ? ProposalActor.Consultant
        : viewer === 'citizen'
          ? ProposalActor.Citizen
          : ProposalActor.Employer;
    const page = toPage(rows, first, totalCount, (r) => r.createdAt);
    return {
      ...page,
      edges: page.edges.map((e) => ({
        cursor: e.cursor,
        node: { row: e.node, viewer, actor, citizenName: names.get(e.node.citizenId) ?? null },
      })),
    };
  }

  private auditRead(principal: Principal, citizenIds: string[], operation: string): Promise<void> {
    return this.audit.record({ principal, citizenIds, action: 'read', operation, allowed: true });
  }

  /** Tells whoever must answer next, or follows the proposal, in the transaction (outbox). */
  private async notify(m: EntityManager, row: ProposalRow, status: ProposalStatus): Promise<void> {
    const base = publicBaseUrl(this.config);
    const params = (to: Contact, path: string): MailParams['proposal-to-citizen'] => ({
      recipientName: to.name,
      placementTitle: row.placementTitle,
      companyName: row.companyName,
      start: row.start,
      end: row.end,
      answerBy: row.answerDueAt ? new Date(row.answerDueAt).toISOString() : null,
      url: `${base}${path}`,
    });
    const send = async <K extends MailKind>(kind: K, to: Contact | null, p: MailParams[K]) => {
      if (!to) return;
      await this.mail.enqueue(m, {
        kind,
        to: to.email,
        language: to.language,
        params: p,
        jobCentreId: row.jobCentreId,
        userId: to.userId,
      });
    };
    const update = (to: Contact, path: string) => ({
      ...params(to, path),
      answerBy: null,
      status: PROPOSAL_STATUS_LABELS[status][to.language],
    });
    const consultant = await this.repo.userContact(row.proposedBy, m);
    switch (status) {
      case ProposalStatus.ProposedToCitizen: {
        const citizen = await this.repo.citizenContact(row.citizenId, m);
        if (citizen) await send('proposal-to-citizen', citizen, params(citizen, '/mine-forslag'));
        return;
      }
      case ProposalStatus.ProposedToEmployer:
        for (const admin of await this.repo.companyAdminContacts(row.companyId, m))
          await send('proposal-to-employer', admin, params(admin, `/virksomhed/forslag/${row.id}`));
        return;
      case ProposalStatus.AcceptedByEmployer:
      case ProposalStatus.DeclinedByEmployer:
      case ProposalStatus.DeclinedByCitizen:
      case ProposalStatus.Expired:
        if (consultant)
          await send('proposal-update', consultant, update(consultant, `/forslag/${row.id}`));
        return;
      case ProposalStatus.Booked: {
        const citizen = await this.repo.citizenContact(row.citizenId, m);
        if (citizen) await send('proposal-update', citizen, update(citizen, '/mine-forslag'));
        for (const admin of await this.repo.companyAdminContacts(row.companyId, m))
          await send('proposal-update', admin, update(admin, `/virksomhed/forslag/${row.id}`));
        return;
      }
      // The consultant withdrew it or the system closed it: nobody waits for news of that here.
      case ProposalStatus.Withdrawn:
      case ProposalStatus.Obsolete:
        return;
    }
  }
}

/**
 * What the rules let through: a failed block refuses (naming the rule, its numbers and source);
 * a failed warning refuses until the consultant gives a reason to go past it.
 */
export function enforceRules(
  checks: readonly RuleCheck[],
  overrides: ReadonlyMap<string, string>,
): void {
  const said = (c: RuleCheck, l: 'da' | 'en') => `${c.message[l]} (${c.source[l]})`;
  const blocks = checks.filter((c) => !c.passed && c.severity === 'block');
  if (blocks.length)
    throw new ProposalException('RULE_BLOCKS', {
      rulesDa: blocks.map((c) => said(c, 'da')).join(' '),
      rulesEn: blocks.map((c) => said(c, 'en')).join(' '),
    });
  const open = checks.filter(
    (c) => !c.passed && c.severity === 'warning' && !overrides.get(c.rule),
  );
  if (open.length)
    throw new ProposalException('RULE_WARNING_NOT_OVERRIDDEN', {
      rulesDa: open.map((c) => said(c, 'da')).join(' '),
      rulesEn: open.map((c) => said(c, 'en')).join(' '),
    });
}
