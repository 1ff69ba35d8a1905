import { mostRecentEmployerSql, targetGroupOnSql } from '@jobbro/citizen';
import { type Cursor, decodeCursor } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OPEN_STATUSES } from './rules/proposal-rules';
import type { ProposalActor, ProposalStatus } from './proposal.enums';

/** A proposal as the service works with it (dates are whole days, YYYY-MM-DD, inclusive). */
export interface ProposalRow {
  id: string;
  jobCentreId: string;
  citizenId: string;
  placementId: string;
  companyId: string;
  start: string;
  end: string;
  weeklyHours: number;
  status: ProposalStatus;
  answerDueAt: Date | null;
  shareScopes: string[];
  sharedProfile: SharedProfile | null;
  closingReason: string | null;
  /** Whether the citizen may read the reason of the last step (an employer's no may be private). */
  closingReasonVisible: boolean;
  proposedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  placementTitle: string;
  placementType: string;
  companyName: string;
}

/** Exactly what the citizen chose to share with the employer, as it was when they accepted. */
export interface SharedProfile {
  firstName?: string;
  goalInOwnWords?: string;
  accommodations?: string[];
  availability?: {
    hoursNow: number | null;
    hoursLater: number | null;
    earliestStart: string | null;
  };
}

export interface ProposalEventRow {
  id: string;
  fromStatus: ProposalStatus | null;
  toStatus: ProposalStatus;
  actor: ProposalActor;
  actorRole: string | null;
  actorUserId: string | null;
  actorName: string | null;
  onBehalf: boolean;
  channel: string | null;
  answeredAt: Date | null;
  reason: string | null;
  note: string | null;
  reasonVisibleToCitizen: boolean;
  shareScopes: string[] | null;
  createdAt: Date;
}

export type NewProposalEvent = Omit<ProposalEventRow, 'id' | 'createdAt' | 'actorName'>;

export interface ProposalListFilter {
  jobCentreId?: string;
  companyId?: string[];
  citizenId?: string;
  placementId?: string;
  statuses?: ProposalStatus[];
  /** For employers: only proposals that have reached them. */
  reachedEmployer?: boolean;
}

/** A person to tell by mail. */
export interface Contact {
  userId: string | null;
  email: string;
  name: string;
  language: 'da' | 'en';
}

const COLUMNS = `p.id, p.job_centre_id AS "jobCentreId", p.citizen_id AS "citizenId", p.placement_id AS "placementId",
  p.company_id AS "companyId", to_char(lower(p.period), 'YYYY-MM-DD') AS start, to_char(upper(p.period) - 1, 'YYYY-MM-DD') AS "end",
  p.weekly_hours::float8 AS "weeklyHours", p.status, p.answer_due_at AS "answerDueAt", p.share_scopes::text[] AS "shareScopes",
  p.shared_profile AS "sharedProfile", p.closing_reason AS "closingReason",
  coalesce((SELECT e.reason_visible_to_citizen FROM proposal_event e WHERE e.proposal_id = p.id ORDER BY e.id DESC LIMIT 1), true)
    AS "closingReasonVisible", p.proposed_by AS "proposedBy",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.version, pl.title AS "placementTitle", pl.type::text AS "placementType",
  co.name AS "companyName"`;
const FROM = `proposal p JOIN placement pl ON pl.id = p.placement_id JOIN company co ON co.id = p.company_id`;

/** A planned placement as the rules' facts need it (the headcounts come from libs/rules). */
export interface PlannedPlacement {
  citizenId: string;
  placementId: string;
  start: string;
  end: string;
  weeklyHours: number;
  extensionAssessed: boolean;
  /** Left out of the site's count of supported persons (the proposal being checked). */
  proposalId: string | null;
}

export interface PlacementFactsRow {
  placementType: 'internship' | 'wage_subsidy' | 'ordinary_hours' | 'flex_job';
  companyId: string;
  siteId: string | null;
  sector: 'private' | 'public' | null;
  /** Ordinary employees as the company registered them (FTE), for want of a recorded headcount. */
  registeredEmployees: number;
  targetGroup: string | null;
  mostRecentEmployerCompanyId: string | null;
  employmentHistoryKnown: boolean;
  supportedPersons: number;
  paidHoursAtSameWorkplace: boolean;
}

export interface RuleOverrideRow {
  rule: string;
  reason: string;
  overriddenBy: string | null;
  overriddenByName: string | null;
  overriddenAt: Date;
}

/** Statuses that have reached the employer at some point (what an employer may know of). */
export const EMPLOYER_VISIBLE: readonly ProposalStatus[] = [
  'proposed_to_employer',
  'accepted_by_employer',
  'booked',
  'declined_by_employer',
] as ProposalStatus[];

/** All SQL of proposals and bookings. */
@Injectable()
export class ProposalRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Claims an idempotency key in the caller's transaction. A concurrent request with the same key
   * waits here until the first commits (or rolls back); then this answers with the first result.
   */
  async claimIdempotencyKey(
    m: EntityManager,
    key: { userId: string; operation: string; key: string; requestHash: string; resultId: string },
  ): Promise<{ fresh: true } | { fresh: false; resultId: string; sameRequest: boolean }> {
    const inserted = await m.query<unknown[]>(
      `INSERT INTO idempotency_key (user_id, operation, key, request_hash, result_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [key.userId, key.operation, key.key, key.requestHash, key.resultId],
    );
    if (inserted.length > 0) return { fresh: true };
    const [row] = await m.query<{ resultId: string; requestHash: string }[]>(
      `SELECT result_id AS "resultId", request_hash AS "requestHash" FROM idempotency_key
        WHERE user_id = $1 AND operation = $2 AND key = $3`,
      [key.userId, key.operation, key.key],
    );
    return {
      fresh: false,
      resultId: row.resultId,
      sameRequest: row.requestHash === key.requestHash,
    };
  }

  /** The first result of a key, read before doing any work (the common repeat). */
  async idempotentResult(
    userId: string,
    operation: string,
    key: string,
  ): Promise<{ resultId: string; requestHash: string } | null> {
    const [row] = await this.dataSource.query<{ resultId: string; requestHash: string }[]>(
      `SELECT result_id AS "resultId", request_hash AS "requestHash" FROM idempotency_key
        WHERE user_id = $1 AND operation = $2 AND key = $3`,
      [userId, operation, key],
    );
    return row ?? null;
  }

  async insertProposal(
    m: EntityManager,
    p: {
      id: string;
      jobCentreId: string;
      citizenId: string;
      placementId: string;
      companyId: string;
      start: string;
      end: string;
      weeklyHours: number;
      answerDueAt: Date;
      proposedBy: string;
      extensionAssessed: boolean;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO proposal (id, job_centre_id, citizen_id, placement_id, company_id, period, weekly_hours, answer_due_at, proposed_by,
         extension_assessed)
       VALUES ($1, $2, $3, $4, $5, daterange($6::date, $7::date, '[]'), $8, $9, $10, $11)`,
      [
        p.id,
        p.jobCentreId,
        p.citizenId,
        p.placementId,
        p.companyId,
        p.start,
        p.end,
        p.weeklyHours,
        p.answerDueAt,
        p.proposedBy,
        p.extensionAssessed,
      ],
    );
  }

  async insertEvent(m: EntityManager, proposalId: string, e: NewProposalEvent): Promise<void> {
    await m.query(
      `INSERT INTO proposal_event (proposal_id, from_status, to_status, actor, actor_role, actor_user_id, on_behalf,
         channel, answered_at, reason, note, reason_visible_to_citizen, share_scopes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        proposalId,
        e.fromStatus,
        e.toStatus,
        e.actor,
        e.actorRole,
        e.actorUserId,
        e.onBehalf,
        e.channel,
        e.answeredAt,
        e.reason,
        e.note,
        e.reasonVisibleToCitizen,
        e.shareScopes,
      ],
    );
  }

  async findById(id: string, m?: EntityManager): Promise<ProposalRow | null> {
    const [row] = await (m ?? this.dataSource.manager).query<ProposalRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The proposal, locked until the transaction ends: transitions are serialized per proposal. */
  async lock(m: EntityManager, id: string): Promise<ProposalRow | null> {
    const locked = await m.query<unknown[]>(`SELECT 1 FROM proposal WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return locked.length ? this.findById(id, m) : null;
  }

  async setStatus(
    m: EntityManager,
    id: string,
    change: {
      status: ProposalStatus;
      answerDueAt: Date | null;
      closingReason: string | null;
      shareScopes?: string[];
      sharedProfile?: SharedProfile;
    },
  ): Promise<void> {
    await m.query(
      `UPDATE proposal SET status = $2, answer_due_at = $3, closing_reason = $4,
         share_scopes = coalesce($5::text[], share_scopes), shared_profile = coalesce($6::jsonb, shared_profile),
         updated_at = now(), version = version + 1
       WHERE id = $1`,
      [
        id,
        change.status,
        change.answerDueAt,
        change.closingReason,
        change.shareScopes ?? null,
        change.sharedProfile ? JSON.stringify(change.sharedProfile) : null,
      ],
    );
  }

  async events(proposalId: string): Promise<ProposalEventRow[]> {
    return this.dataSource.query<ProposalEventRow[]>(
      `SELECT e.id::text AS id, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.actor, e.actor_role AS "actorRole",
              e.actor_user_id AS "actorUserId", u.display_name AS "actorName", e.on_behalf AS "onBehalf", e.channel,
              e.answered_at AS "answeredAt", e.reason, e.note, e.reason_visible_to_citizen AS "reasonVisibleToCitizen",
              e.share_scopes::text[] AS "shareScopes", e.created_at AS "createdAt"
         FROM proposal_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.proposal_id = $1 ORDER BY e.id`,
      [proposalId],
    );
  }

  /** Serializes bookings per citizen (taken first, so two bookings of one citizen never deadlock). */
  async lockCitizen(m: EntityManager, citizenId: string): Promise<void> {
    await m.query(`SELECT 1 FROM citizen WHERE id = $1 FOR NO KEY UPDATE`, [citizenId]);
  }

  /** The slot's company and site (what the rules' headcounts are read for). */
  async placementSite(
    placementId: string,
  ): Promise<{ companyId: string; siteId: string | null } | null> {
    const [row] = await this.dataSource.query<{ companyId: string; siteId: string | null }[]>(
      `SELECT company_id AS "companyId", site_id AS "siteId" FROM placement WHERE id = $1`,
      [placementId],
    );
    return row ?? null;
  }

  /** Serializes bookings per site (the reasonableness rule counts a site's supported persons). */
  async lockSiteOf(m: EntityManager, placementId: string): Promise<void> {
    await m.query(
      `SELECT 1 FROM site WHERE id = (SELECT site_id FROM placement WHERE id = $1) FOR NO KEY UPDATE`,
      [placementId],
    );
  }

  /**
   * The slot's capacity, status and mentor, and the mentor's capacity; with `lock`, both rows are
   * locked until the transaction ends (the slot first, then its mentor).
   */
  async seatLimits(
    m: EntityManager,
    placementId: string,
    lock: boolean,
  ): Promise<{
    capacity: number;
    status: string;
    mentorId: string | null;
    mentorCapacity: number | null;
  } | null> {
    const forUpdate = lock ? 'FOR NO KEY UPDATE' : '';
    const [slot] = await m.query<{ capacity: number; status: string; mentorId: string | null }[]>(
      `SELECT capacity, status::text AS status, mentor_id AS "mentorId" FROM placement WHERE id = $1 ${forUpdate}`,
      [placementId],
    );
    if (!slot) return null;
    const [mentor] = slot.mentorId
      ? await m.query<{ capacity: number }[]>(
          `SELECT capacity FROM mentor WHERE id = $1 ${forUpdate}`,
          [slot.mentorId],
        )
      : [];
    return {
      ...slot,
      mentorId: mentor ? slot.mentorId : null,
      mentorCapacity: mentor?.capacity ?? null,
    };
  }

  /** Seat numbers held by active bookings that overlap the period, for the slot or the mentor. */
  async takenSeats(
    m: EntityManager,
    of: { placementId: string } | { mentorId: string },
    start: string,
    end: string,
  ): Promise<number[]> {
    const rows = await m.query<{ seat: number }[]>(
      'placementId' in of
        ? `SELECT seat FROM booking WHERE placement_id = $1 AND released_at IS NULL AND period && daterange($2::date, $3::date, '[]')`
        : `SELECT mentor_seat AS seat FROM booking WHERE mentor_id = $1 AND released_at IS NULL AND period && daterange($2::date, $3::date, '[]')`,
      ['placementId' in of ? of.placementId : of.mentorId, start, end],
    );
    return rows.map((r) => r.seat);
  }

  async citizenBookedOverlapping(
    m: EntityManager,
    citizenId: string,
    start: string,
    end: string,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `SELECT 1 FROM booking WHERE citizen_id = $1 AND released_at IS NULL AND period && daterange($2::date, $3::date, '[]')`,
      [citizenId, start, end],
    );
    return rows.length > 0;
  }

  async insertBooking(
    m: EntityManager,
    b: {
      proposalId: string;
      placementId: string;
      mentorId: string | null;
      citizenId: string;
      start: string;
      end: string;
      seat: number;
      mentorSeat: number | null;
      createdBy: string;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO booking (proposal_id, placement_id, mentor_id, citizen_id, period, seat, mentor_seat, created_by)
       VALUES ($1, $2, $3, $4, daterange($5::date, $6::date, '[]'), $7, $8, $9)`,
      [
        b.proposalId,
        b.placementId,
        b.mentorId,
        b.citizenId,
        b.start,
        b.end,
        b.seat,
        b.mentorSeat,
        b.createdBy,
      ],
    );
  }

  async releaseBooking(m: EntityManager, proposalId: string): Promise<void> {
    await m.query(
      `UPDATE booking SET released_at = now() WHERE proposal_id = $1 AND released_at IS NULL`,
      [proposalId],
    );
  }

  /** The citizen's other open proposals whose periods overlap, locked (they become obsolete). */
  async lockOpenOverlapping(
    m: EntityManager,
    citizenId: string,
    exceptId: string,
    start: string,
    end: string,
  ): Promise<ProposalRow[]> {
    const ids = await m.query<{ id: string }[]>(
      `SELECT id FROM proposal WHERE citizen_id = $1 AND id <> $2 AND status = ANY($3::proposal_status[])
          AND period && daterange($4::date, $5::date, '[]') ORDER BY id FOR UPDATE`,
      [citizenId, exceptId, OPEN_STATUSES, start, end],
    );
    const rows: ProposalRow[] = [];
    for (const { id } of ids) {
      const row = await this.findById(id, m);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** Proposals that waited for an answer past their due time. */
  async dueForExpiry(now: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM proposal WHERE status IN ('proposed_to_citizen', 'proposed_to_employer') AND answer_due_at <= $1
        ORDER BY answer_due_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  async page(
    filter: ProposalListFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<{ rows: ProposalRow[]; totalCount: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.jobCentreId) add((n) => `p.job_centre_id = ${n}`, filter.jobCentreId);
    if (filter.companyId) add((n) => `p.company_id = ANY(${n}::uuid[])`, filter.companyId);
    if (filter.citizenId) add((n) => `p.citizen_id = ${n}`, filter.citizenId);
    if (filter.placementId) add((n) => `p.placement_id = ${n}`, filter.placementId);
    if (filter.statuses?.length)
      add((n) => `p.status = ANY(${n}::proposal_status[])`, filter.statuses);
    if (filter.reachedEmployer)
      add(
        (n) =>
          `(p.status = ANY(${n}::proposal_status[]) OR EXISTS (SELECT 1 FROM proposal_event e WHERE e.proposal_id = p.id AND e.to_status = 'proposed_to_employer'))`,
        EMPLOYER_VISIBLE,
      );
    const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const cursor: Cursor | null = decodeCursor(after);
    const pageParams = [...params];
    let cursorSql = '';
    if (cursor) {
      pageParams.push(cursor.at, cursor.id);
      cursorSql = `${base ? ' AND' : 'WHERE'} (p.created_at, p.id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`;
    }
    pageParams.push(first + 1);
    const [rows, [{ count }]] = await Promise.all([
      this.dataSource.query<ProposalRow[]>(
        `SELECT ${COLUMNS} FROM ${FROM} ${base}${cursorSql} ORDER BY p.created_at DESC, p.id DESC LIMIT $${pageParams.length}`,
        pageParams,
      ),
      this.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM proposal p ${base}`,
        params,
      ),
    ]);
    return { rows, totalCount: count };
  }

  /** What the citizen may choose to share, read when they accept (never needs' notes or limits). */
  async shareableProfile(citizenId: string, m: EntityManager): Promise<Required<SharedProfile>> {
    const [row] = await m.query<
      {
        firstName: string;
        ownWords: string | null;
        accommodations: string[] | null;
        hoursNow: number | null;
        hoursLater: number | null;
        earliestStart: string | null;
      }[]
    >(
      `SELECT c.first_name AS "firstName", g.own_words AS "ownWords", n.accommodations::text[] AS accommodations,
              g.hours_now::float8 AS "hoursNow", g.hours_later::float8 AS "hoursLater",
              to_char(g.earliest_start, 'YYYY-MM-DD') AS "earliestStart"
         FROM citizen c
         LEFT JOIN citizen_need n ON n.citizen_id = c.id
         LEFT JOIN LATERAL (SELECT * FROM job_goal g WHERE g.citizen_id = c.id ORDER BY g.priority, g.created_at, g.id LIMIT 1) g ON true
        WHERE c.id = $1`,
      [citizenId],
    );
    return {
      firstName: row.firstName,
      goalInOwnWords: row.ownWords ?? '',
      accommodations: row.accommodations ?? [],
      availability: {
        hoursNow: row.hoursNow,
        hoursLater: row.hoursLater,
        earliestStart: row.earliestStart,
      },
    };
  }

  /** The citizen's names (for staff; read only after the access check). */
  async citizenNames(ids: string[]): Promise<Map<string, { firstName: string; lastName: string }>> {
    const rows = await this.dataSource.query<{ id: string; firstName: string; lastName: string }[]>(
      `SELECT id, first_name AS "firstName", last_name AS "lastName" FROM citizen WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The citizen, if they can be mailed (an address, a login or an e-mail preference). */
  async citizenContact(citizenId: string, m: EntityManager): Promise<Contact | null> {
    const [row] = await m.query<Contact[]>(
      `SELECT c.user_id AS "userId", coalesce(u.email, c.email)::text AS email, c.first_name AS name,
              coalesce(u.preferred_language, 'da') AS language
         FROM citizen c LEFT JOIN app_user u ON u.id = c.user_id
        WHERE c.id = $1 AND c.contact_preference = 'email' AND coalesce(u.email, c.email) IS NOT NULL`,
      [citizenId],
    );
    return row ?? null;
  }

  async companyAdminContacts(companyId: string, m: EntityManager): Promise<Contact[]> {
    return m.query<Contact[]>(
      `SELECT u.id AS "userId", u.email::text AS email, u.display_name AS name, u.preferred_language AS language
         FROM company_admin a JOIN app_user u ON u.id = a.user_id
        WHERE a.company_id = $1 AND u.disabled_at IS NULL`,
      [companyId],
    );
  }

  async userContact(userId: string | null, m: EntityManager): Promise<Contact | null> {
    if (!userId) return null;
    const [row] = await m.query<Contact[]>(
      `SELECT id AS "userId", email::text AS email, display_name AS name, preferred_language AS language
         FROM app_user WHERE id = $1 AND disabled_at IS NULL`,
      [userId],
    );
    return row ?? null;
  }

  /**
   * The facts of a planned placement the rules read: the slot's type, company, site and sector;
   * the citizen's target group at the start and most recent employer; the persons in internship
   * or wage subsidy at the site in the period (held seats, this proposal left out); and whether
   * the citizen has paid work at the company in the period.
   */
  async placementFacts(
    planned: PlannedPlacement,
    m?: EntityManager,
  ): Promise<PlacementFactsRow | null> {
    const [row] = await (m ?? this.dataSource.manager).query<PlacementFactsRow[]>(
      `SELECT pl.type::text AS "placementType", pl.company_id AS "companyId", pl.site_id AS "siteId", co.sector,
              co.ordinary_employees::float8 AS "registeredEmployees",
              ${targetGroupOnSql('$1', '$3::date')} AS "targetGroup",
              ${mostRecentEmployerSql('$1')} AS "mostRecentEmployerCompanyId",
              (EXISTS (SELECT 1 FROM citizen_employment e WHERE e.citizen_id = $1)
                OR EXISTS (SELECT 1 FROM citizen_no_employment n WHERE n.citizen_id = $1)) AS "employmentHistoryKnown",
              (SELECT count(*)::int FROM booking b JOIN placement bp ON bp.id = b.placement_id
                WHERE b.released_at IS NULL AND bp.site_id = pl.site_id AND bp.type IN ('internship', 'wage_subsidy')
                  AND b.period && daterange($3::date, $4::date, '[]')
                  AND b.proposal_id IS DISTINCT FROM $5::uuid) AS "supportedPersons",
              EXISTS (SELECT 1 FROM citizen_employment e WHERE e.citizen_id = $1 AND e.company_id = pl.company_id
                        AND e.started_on <= $4::date AND (e.ended_on IS NULL OR e.ended_on >= $3::date)) AS "paidHoursAtSameWorkplace"
         FROM placement pl JOIN company co ON co.id = pl.company_id
        WHERE pl.id = $2`,
      [planned.citizenId, planned.placementId, planned.start, planned.end, planned.proposalId],
    );
    return row ?? null;
  }

  async overrides(proposalId: string, m?: EntityManager): Promise<RuleOverrideRow[]> {
    return (m ?? this.dataSource.manager).query<RuleOverrideRow[]>(
      `SELECT o.rule, o.reason, o.overridden_by AS "overriddenBy", u.display_name AS "overriddenByName", o.overridden_at AS "overriddenAt"
         FROM proposal_rule_override o LEFT JOIN app_user u ON u.id = o.overridden_by
        WHERE o.proposal_id = $1 ORDER BY o.rule`,
      [proposalId],
    );
  }

  /** Records (or replaces) the reason a warning was gone past. */
  async upsertOverride(
    m: EntityManager,
    o: { proposalId: string; rule: string; reason: string; by: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO proposal_rule_override (proposal_id, rule, reason, overridden_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (proposal_id, rule) DO UPDATE SET reason = EXCLUDED.reason, overridden_by = EXCLUDED.overridden_by,
         overridden_at = now()`,
      [o.proposalId, o.rule, o.reason, o.by],
    );
  }

  async extensionAssessed(proposalId: string, m?: EntityManager): Promise<boolean> {
    const [row] = await (m ?? this.dataSource.manager).query<{ assessed: boolean }[]>(
      `SELECT extension_assessed AS assessed FROM proposal WHERE id = $1`,
      [proposalId],
    );
    return row?.assessed ?? false;
  }

  /** For match results: the latest proposal of this citizen for each slot, and how it stands. */
  async latestFor(
    citizenId: string,
    placementIds: string[],
  ): Promise<Map<string, { id: string; status: ProposalStatus; at: Date; reason: string | null }>> {
    if (placementIds.length === 0) return new Map();
    const rows = await this.dataSource.query<
      { placementId: string; id: string; status: ProposalStatus; at: Date; reason: string | null }[]
    >(
      `SELECT DISTINCT ON (placement_id) placement_id AS "placementId", id, status, updated_at AS at, closing_reason AS reason
         FROM proposal WHERE citizen_id = $1 AND placement_id = ANY($2::uuid[])
        ORDER BY placement_id, created_at DESC`,
      [citizenId, placementIds],
    );
    return new Map(
      rows.map((r) => [r.placementId, { id: r.id, status: r.status, at: r.at, reason: r.reason }]),
    );
  }
}
