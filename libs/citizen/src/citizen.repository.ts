import {
  CONTENT_WORDS_VERSION,
  contentWords,
  type Cursor,
  decodeCursor,
  type Role,
} from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AssignmentRole, ConsentScope } from './citizen.enums';
import type {
  AssessmentRow,
  AssignmentRow,
  CitizenRow,
  ConsentRow,
  JobGoalRow,
  MeetingRow,
  NeedRow,
  PlanRow,
  TargetGroupPeriodRow,
  TeamChangeRow,
} from './citizen.types';
import type { LatestTargetGroupPeriod } from './rules/target-group-periods';

const CITIZEN_COLUMNS = `c.id, c.job_centre_id AS "jobCentreId", c.first_name AS "firstName", c.last_name AS "lastName",
  c.email, c.phone, c.postal_code AS "postalCode", c.municipality_code AS "municipalityCode", c.latitude, c.longitude,
  c.cpr_encrypted AS "cprEncrypted", to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate", c.status, c.user_id AS "userId",
  c.contact_preference AS "contactPreference", c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;
const GOAL_COLUMNS = `id, citizen_id AS "citizenId", occupation_ids AS "occupationIds", own_words AS "ownWords",
  hours_now::float8 AS "hoursNow", hours_later::float8 AS "hoursLater", max_commute_km AS "maxCommuteKm",
  to_char(earliest_start, 'YYYY-MM-DD') AS "earliestStart", conditions, priority, created_at AS "createdAt", updated_at AS "updatedAt"`;
const MEETING_COLUMNS = `id, citizen_id AS "citizenId", kind, to_char(held_on, 'YYYY-MM-DD') AS "heldOn", participants, notes, decisions,
  to_char(next_follow_up_on, 'YYYY-MM-DD') AS "nextFollowUpOn", created_at AS "createdAt"`;

export interface CitizenListFilter {
  search?: string;
  assignedToMe?: boolean;
  status?: string;
  /** The target group in force on `today`. */
  targetGroup?: string;
  /** The period in force on `today` started more than this many months before it. */
  inCurrentGroupForMoreThanMonths?: number;
  /** The date the target-group filters are read at (YYYY-MM-DD). */
  today?: string;
}

/** All SQL of the citizen side. */
@Injectable()
export class CitizenRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insertCitizen(
    m: EntityManager,
    c: Omit<
      CitizenRow,
      'id' | 'version' | 'createdAt' | 'updatedAt' | 'status' | 'userId' | 'contactPreference'
    > & {
      createdBy: string;
    },
  ): Promise<string> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO citizen (job_centre_id, first_name, last_name, email, phone, postal_code, municipality_code,
         latitude, longitude, cpr_encrypted, birth_date, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        c.jobCentreId,
        c.firstName,
        c.lastName,
        c.email,
        c.phone,
        c.postalCode,
        c.municipalityCode,
        c.latitude,
        c.longitude,
        c.cprEncrypted,
        c.birthDate,
        c.createdBy,
      ],
    );
    return row.id;
  }

  async updateCitizen(
    m: EntityManager,
    id: string,
    changes: Record<string, unknown>,
  ): Promise<void> {
    const columns: Record<string, string> = {
      firstName: 'first_name',
      lastName: 'last_name',
      email: 'email',
      phone: 'phone',
      postalCode: 'postal_code',
      municipalityCode: 'municipality_code',
      latitude: 'latitude',
      longitude: 'longitude',
      cprEncrypted: 'cpr_encrypted',
      birthDate: 'birth_date',
      status: 'status',
      contactPreference: 'contact_preference',
    };
    const entries = Object.entries(changes).filter(([k, v]) => columns[k] && v !== undefined);
    const sets = entries.map(([k], i) => `${columns[k]} = $${i + 2}`);
    await m.query(
      `UPDATE citizen SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`,
      [id, ...entries.map(([, v]) => v)],
    );
  }

  async findCitizen(id: string, manager?: EntityManager): Promise<CitizenRow | null> {
    const rows = await this.q(manager).query<CitizenRow[]>(
      `SELECT ${CITIZEN_COLUMNS} FROM citizen c WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async lockCitizen(m: EntityManager, id: string): Promise<CitizenRow | null> {
    const rows = await m.query<CitizenRow[]>(
      `SELECT ${CITIZEN_COLUMNS} FROM citizen c WHERE c.id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * The inviter of a citizen as they are now, under row locks held to the end of the caller's
   * transaction (FOR SHARE: deactivating them or taking them off the team waits for it): their role
   * when they are an active user of this job centre, and their roles on the citizen's team; null
   * when they are not (any longer) an active user of the job centre.
   */
  async lockInviter(
    m: EntityManager,
    citizenId: string,
    jobCentreId: string,
    userId: string,
  ): Promise<{ role: Role; teamRoles: AssignmentRole[] } | null> {
    const [user] = await m.query<{ role: Role }[]>(
      `SELECT role FROM app_user WHERE id = $1 AND job_centre_id = $2 AND disabled_at IS NULL
          FOR SHARE`,
      [userId, jobCentreId],
    );
    if (!user) return null;
    const team = await m.query<{ role: AssignmentRole }[]>(
      `SELECT role FROM citizen_assignment WHERE citizen_id = $1 AND user_id = $2 FOR SHARE`,
      [citizenId, userId],
    );
    return { role: user.role, teamRoles: team.map((r) => r.role) };
  }

  /** Gives the citizen their login; false when they already had one (or the user is taken). */
  async linkUser(m: EntityManager, citizenId: string, userId: string): Promise<boolean> {
    // TypeORM answers a DELETE or UPDATE with [rows, affected].
    const [, affected] = await m.query<[unknown[], number]>(
      `UPDATE citizen SET user_id = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND user_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM citizen other WHERE other.user_id = $2)`,
      [citizenId, userId],
    );
    return affected > 0;
  }

  async findCitizenByUser(userId: string): Promise<CitizenRow | null> {
    const rows = await this.dataSource.query<CitizenRow[]>(
      `SELECT ${CITIZEN_COLUMNS} FROM citizen c WHERE c.user_id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** Staff list: citizens of one job centre, newest first, optionally only those on my team or matching a name. */
  async page(
    jobCentreId: string,
    userId: string,
    filter: CitizenListFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<{ rows: CitizenRow[]; totalCount: number }> {
    const cursor: Cursor | null = decodeCursor(after);
    const where = ['c.job_centre_id = $1'];
    const params: unknown[] = [jobCentreId];
    if (filter.assignedToMe) {
      params.push(userId);
      where.push(
        `EXISTS (SELECT 1 FROM citizen_assignment a WHERE a.citizen_id = c.id AND a.user_id = $${params.length})`,
      );
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`c.status = $${params.length}::citizen_status`);
    }
    if (
      filter.today &&
      (filter.targetGroup || filter.inCurrentGroupForMoreThanMonths !== undefined)
    ) {
      params.push(filter.today);
      const today = `$${params.length}::date`;
      const conditions = [
        `t.citizen_id = c.id`,
        `t.valid_from <= ${today}`,
        `(t.valid_to IS NULL OR t.valid_to >= ${today})`,
      ];
      if (filter.targetGroup) {
        params.push(filter.targetGroup);
        conditions.push(`t.target_group = $${params.length}`);
      }
      if (filter.inCurrentGroupForMoreThanMonths !== undefined) {
        params.push(filter.inCurrentGroupForMoreThanMonths);
        conditions.push(
          `t.valid_from < (${today} - make_interval(months => $${params.length}::int))::date`,
        );
      }
      where.push(`EXISTS (SELECT 1 FROM citizen_target_group t WHERE ${conditions.join(' AND ')})`);
    }
    if (filter.search) {
      params.push(`%${filter.search.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`);
      where.push(`lower(c.first_name || ' ' || c.last_name) LIKE $${params.length}`);
    }
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM citizen c WHERE ${where.join(' AND ')}`,
      params,
    );
    const pageParams = [...params];
    const pageWhere = [...where];
    if (cursor) {
      pageParams.push(cursor.at, cursor.id);
      pageWhere.push(
        `(c.created_at, c.id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`,
      );
    }
    pageParams.push(first + 1);
    const rows = await this.dataSource.query<CitizenRow[]>(
      `SELECT ${CITIZEN_COLUMNS} FROM citizen c WHERE ${pageWhere.join(' AND ')}
        ORDER BY c.created_at DESC, c.id DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    return { rows, totalCount: n };
  }

  /** Citizens who agreed to share something with one of these companies. */
  async consentedCitizenIds(companyIds: readonly string[]): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT DISTINCT citizen_id AS id FROM consent WHERE company_id = ANY($1) AND withdrawn_at IS NULL`,
      [companyIds],
    );
    return rows.map((r) => r.id);
  }

  async findCitizensByIds(ids: readonly string[]): Promise<CitizenRow[]> {
    return this.dataSource.query<CitizenRow[]>(
      `SELECT ${CITIZEN_COLUMNS} FROM citizen c WHERE c.id = ANY($1) ORDER BY c.last_name`,
      [ids],
    );
  }

  assignments(citizenId: string): Promise<AssignmentRow[]> {
    return this.dataSource.query<AssignmentRow[]>(
      `SELECT a.user_id AS "userId", a.role, u.display_name AS "displayName", u.email
         FROM citizen_assignment a JOIN app_user u ON u.id = a.user_id
        WHERE a.citizen_id = $1 ORDER BY a.role, u.display_name`,
      [citizenId],
    );
  }

  /** The roles this user has on the citizen's team (empty when not on it). */
  async teamRolesOf(citizenId: string, userId: string): Promise<AssignmentRole[]> {
    const rows = await this.dataSource.query<{ role: AssignmentRole }[]>(
      `SELECT role FROM citizen_assignment WHERE citizen_id = $1 AND user_id = $2`,
      [citizenId, userId],
    );
    return rows.map((r) => r.role);
  }

  /** Adds the member; false when they already had that role on the team. */
  async assign(
    m: EntityManager,
    citizenId: string,
    userId: string,
    role: AssignmentRole,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO citizen_assignment (citizen_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING citizen_id`,
      [citizenId, userId, role],
    );
    return rows.length > 0;
  }

  /** Removes the member; false when they did not have that role on the team. */
  async unassign(
    m: EntityManager,
    citizenId: string,
    userId: string,
    role: AssignmentRole,
  ): Promise<boolean> {
    // TypeORM answers a DELETE or UPDATE with [rows, affected].
    const [, affected] = await m.query<[unknown[], number]>(
      `DELETE FROM citizen_assignment WHERE citizen_id = $1 AND user_id = $2 AND role = $3`,
      [citizenId, userId, role],
    );
    return affected > 0;
  }

  /** Records who added or removed whom and why; the citizen reads it in their access log. */
  async insertTeamChange(
    m: EntityManager,
    change: {
      citizenId: string;
      memberUserId: string;
      role: AssignmentRole;
      kind: 'added' | 'removed';
      reason: string;
      changedBy: string;
      changedByRole: string;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO citizen_team_change (citizen_id, member_user_id, role, change, reason, changed_by, changed_by_role)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        change.citizenId,
        change.memberUserId,
        change.role,
        change.kind,
        change.reason,
        change.changedBy,
        change.changedByRole,
      ],
    );
  }

  /** The latest team changes of a citizen, newest first. */
  teamChanges(citizenId: string, limit: number): Promise<TeamChangeRow[]> {
    return this.dataSource.query<TeamChangeRow[]>(
      `SELECT t.occurred_at AS "occurredAt", t.change AS kind, t.role, t.reason,
              t.changed_by_role AS "changedByRole", by_user.display_name AS "changedByName",
              member.display_name AS "memberName"
         FROM citizen_team_change t
         LEFT JOIN app_user by_user ON by_user.id = t.changed_by
         LEFT JOIN app_user member ON member.id = t.member_user_id
        WHERE t.citizen_id = $1
        ORDER BY t.occurred_at DESC, t.id DESC
        LIMIT $2`,
      [citizenId, limit],
    );
  }

  /** A staff user of this job centre who may join a team, or null. */
  async findStaffUser(userId: string, jobCentreId: string): Promise<{ id: string } | null> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE id = $1 AND job_centre_id = $2 AND disabled_at IS NULL
          AND role IN ('job_consultant', 'caseworker', 'administrator', 'social_support_worker')`,
      [userId, jobCentreId],
    );
    return rows[0] ?? null;
  }

  targetGroups(citizenId: string): Promise<TargetGroupPeriodRow[]> {
    return this.dataSource.query<TargetGroupPeriodRow[]>(
      `SELECT p.id, p.target_group AS "targetGroup", t.label_da AS "labelDa", t.label_en AS "labelEn",
              to_char(p.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(p.valid_to, 'YYYY-MM-DD') AS "validTo"
         FROM citizen_target_group p JOIN target_group t ON t.code = p.target_group
        WHERE p.citizen_id = $1 ORDER BY p.valid_from DESC`,
      [citizenId],
    );
  }

  /** The target group code if it is in force on the date, else null. */
  async targetGroupInForce(code: string, on: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM target_group WHERE code = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)`,
      [code, on],
    );
    return rows.length > 0;
  }

  /** The citizen's period that starts last (the current one, or the last one that ended). */
  async latestTargetGroupPeriod(
    m: EntityManager,
    citizenId: string,
  ): Promise<LatestTargetGroupPeriod | null> {
    const rows = await m.query<LatestTargetGroupPeriod[]>(
      `SELECT id, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo"
         FROM citizen_target_group WHERE citizen_id = $1 ORDER BY valid_from DESC LIMIT 1`,
      [citizenId],
    );
    return rows[0] ?? null;
  }

  async replaceTargetGroup(m: EntityManager, periodId: string, code: string): Promise<void> {
    await m.query(`UPDATE citizen_target_group SET target_group = $2 WHERE id = $1`, [
      periodId,
      code,
    ]);
  }

  async endTargetGroupPeriod(m: EntityManager, periodId: string, validTo: string): Promise<void> {
    await m.query(`UPDATE citizen_target_group SET valid_to = $2 WHERE id = $1`, [
      periodId,
      validTo,
    ]);
  }

  async insertTargetGroupPeriod(
    m: EntityManager,
    citizenId: string,
    code: string,
    validFrom: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO citizen_target_group (citizen_id, target_group, valid_from) VALUES ($1, $2, $3)`,
      [citizenId, code, validFrom],
    );
  }

  allTargetGroups(): Promise<
    { code: string; labelDa: string; labelEn: string; validFrom: string; validTo: string | null }[]
  > {
    return this.dataSource.query(
      `SELECT code, label_da AS "labelDa", label_en AS "labelEn", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
              to_char(valid_to, 'YYYY-MM-DD') AS "validTo" FROM target_group ORDER BY label_da`,
    );
  }

  jobGoals(citizenId: string): Promise<JobGoalRow[]> {
    return this.dataSource.query<JobGoalRow[]>(
      `SELECT ${GOAL_COLUMNS} FROM job_goal WHERE citizen_id = $1 ORDER BY priority, created_at, id`,
      [citizenId],
    );
  }

  async findJobGoal(id: string): Promise<JobGoalRow | null> {
    const rows = await this.dataSource.query<JobGoalRow[]>(
      `SELECT ${GOAL_COLUMNS} FROM job_goal WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insertJobGoal(
    m: EntityManager,
    citizenId: string,
    g: Omit<JobGoalRow, 'id' | 'citizenId' | 'createdAt' | 'updatedAt'>,
  ): Promise<string> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO job_goal (citizen_id, occupation_ids, own_words, hours_now, hours_later, max_commute_km, earliest_start, conditions, priority, own_words_terms, own_words_terms_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        citizenId,
        g.occupationIds,
        g.ownWords,
        g.hoursNow,
        g.hoursLater,
        g.maxCommuteKm,
        g.earliestStart,
        g.conditions,
        g.priority,
        [...contentWords(g.ownWords)],
        CONTENT_WORDS_VERSION,
      ],
    );
    return row.id;
  }

  async updateJobGoal(
    m: EntityManager,
    id: string,
    g: Omit<JobGoalRow, 'id' | 'citizenId' | 'createdAt' | 'updatedAt'>,
  ): Promise<void> {
    await m.query(
      `UPDATE job_goal SET occupation_ids = $2, own_words = $3, hours_now = $4, hours_later = $5, max_commute_km = $6,
         earliest_start = $7, conditions = $8, priority = $9, own_words_terms = $10,
         own_words_terms_version = $11, updated_at = now() WHERE id = $1`,
      [
        id,
        g.occupationIds,
        g.ownWords,
        g.hoursNow,
        g.hoursLater,
        g.maxCommuteKm,
        g.earliestStart,
        g.conditions,
        g.priority,
        [...contentWords(g.ownWords)],
        CONTENT_WORDS_VERSION,
      ],
    );
  }

  async needs(citizenId: string): Promise<NeedRow | null> {
    const rows = await this.dataSource.query<NeedRow[]>(
      `SELECT accommodations::text[] AS accommodations, accommodation_notes AS "accommodationNotes", functional_limits AS "functionalLimits",
              support_needs AS "supportNeeds", updated_at AS "updatedAt" FROM citizen_need WHERE citizen_id = $1`,
      [citizenId],
    );
    return rows[0] ?? null;
  }

  async upsertNeeds(
    m: EntityManager,
    citizenId: string,
    n: Omit<NeedRow, 'updatedAt'>,
  ): Promise<void> {
    await m.query(
      `INSERT INTO citizen_need (citizen_id, accommodations, accommodation_notes, functional_limits, support_needs)
       VALUES ($1, $2::accommodation[], $3, $4, $5)
       ON CONFLICT (citizen_id) DO UPDATE SET accommodations = EXCLUDED.accommodations,
         accommodation_notes = EXCLUDED.accommodation_notes, functional_limits = EXCLUDED.functional_limits,
         support_needs = EXCLUDED.support_needs, updated_at = now()`,
      [citizenId, n.accommodations, n.accommodationNotes, n.functionalLimits, n.supportNeeds],
    );
  }

  async dimension(code: string): Promise<{ scaleMax: number; specialCategory: boolean } | null> {
    const rows = await this.dataSource.query<{ scaleMax: number; specialCategory: boolean }[]>(
      `SELECT scale_max AS "scaleMax", special_category AS "specialCategory" FROM assessment_dimension WHERE code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  dimensions(): Promise<
    {
      code: string;
      kind: string;
      labelDa: string;
      labelEn: string;
      scaleMax: number;
      specialCategory: boolean;
    }[]
  > {
    return this.dataSource.query(
      `SELECT code, kind, label_da AS "labelDa", label_en AS "labelEn", scale_max AS "scaleMax",
              special_category AS "specialCategory" FROM assessment_dimension ORDER BY position`,
    );
  }

  async insertAssessment(
    m: EntityManager,
    a: {
      citizenId: string;
      dimension: string;
      assessorRole: string;
      assessorUserId: string;
      score: number;
      assessedOn: string;
      note: string | null;
    },
  ): Promise<string> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO assessment (citizen_id, dimension, assessor_role, assessor_user_id, score, assessed_on, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [a.citizenId, a.dimension, a.assessorRole, a.assessorUserId, a.score, a.assessedOn, a.note],
    );
    return row.id;
  }

  assessments(citizenId: string): Promise<AssessmentRow[]> {
    return this.dataSource.query<AssessmentRow[]>(
      `SELECT a.id, a.dimension, d.label_da AS "labelDa", d.label_en AS "labelEn", d.scale_max AS "scaleMax",
              d.special_category AS "specialCategory", a.assessor_role AS "assessorRole", a.score,
              to_char(a.assessed_on, 'YYYY-MM-DD') AS "assessedOn", a.note
         FROM assessment a JOIN assessment_dimension d ON d.code = a.dimension
        WHERE a.citizen_id = $1 ORDER BY d.position, a.assessed_on, a.assessor_role`,
      [citizenId],
    );
  }

  async plan(citizenId: string, manager?: EntityManager, lock = false): Promise<PlanRow | null> {
    const rows = await this.q(manager).query<PlanRow[]>(
      `SELECT citizen_id AS "citizenId", long_term_goal AS "longTermGoal", milestones, activities, version,
              updated_at AS "updatedAt" FROM plan WHERE citizen_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [citizenId],
    );
    return rows[0] ?? null;
  }

  async savePlan(
    m: EntityManager,
    plan: PlanRow,
    userId: string,
    changedFields: string[],
  ): Promise<void> {
    await m.query(
      `INSERT INTO plan (citizen_id, long_term_goal, milestones, activities, version, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (citizen_id) DO UPDATE SET long_term_goal = EXCLUDED.long_term_goal, milestones = EXCLUDED.milestones,
         activities = EXCLUDED.activities, version = EXCLUDED.version, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        plan.citizenId,
        plan.longTermGoal,
        JSON.stringify(plan.milestones),
        JSON.stringify(plan.activities),
        plan.version,
        userId,
      ],
    );
    await m.query(
      `INSERT INTO plan_revision (citizen_id, version, content, changed_fields, changed_by) VALUES ($1, $2, $3, $4, $5)`,
      [
        plan.citizenId,
        plan.version,
        JSON.stringify({
          longTermGoal: plan.longTermGoal,
          milestones: plan.milestones,
          activities: plan.activities,
        }),
        changedFields,
        userId,
      ],
    );
  }

  planRevisions(
    citizenId: string,
  ): Promise<
    { version: number; changedFields: string[]; changedAt: Date; changedBy: string | null }[]
  > {
    return this.dataSource.query(
      `SELECT r.version, r.changed_fields AS "changedFields", r.changed_at AS "changedAt", u.display_name AS "changedBy"
         FROM plan_revision r LEFT JOIN app_user u ON u.id = r.changed_by
        WHERE r.citizen_id = $1 ORDER BY r.version DESC`,
      [citizenId],
    );
  }

  async insertMeeting(
    m: EntityManager,
    meeting: Omit<MeetingRow, 'id' | 'createdAt'>,
    userId: string,
  ): Promise<string> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO meeting (citizen_id, kind, held_on, participants, notes, decisions, next_follow_up_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        meeting.citizenId,
        meeting.kind,
        meeting.heldOn,
        JSON.stringify(meeting.participants),
        meeting.notes,
        meeting.decisions,
        meeting.nextFollowUpOn,
        userId,
      ],
    );
    return row.id;
  }

  meetings(citizenId: string): Promise<MeetingRow[]> {
    return this.dataSource.query<MeetingRow[]>(
      `SELECT ${MEETING_COLUMNS} FROM meeting WHERE citizen_id = $1 ORDER BY held_on DESC, created_at DESC`,
      [citizenId],
    );
  }

  /**
   * Citizens on this user's team whose latest meeting set a follow-up date on or before `today`
   * and who have had no meeting since.
   */
  followUpsDue(
    userId: string,
    today: string,
  ): Promise<{ citizenId: string; dueOn: string; lastMeetingId: string }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (m.citizen_id) m.citizen_id AS "citizenId", to_char(m.next_follow_up_on, 'YYYY-MM-DD') AS "dueOn",
              m.id AS "lastMeetingId"
         FROM meeting m
         JOIN citizen_assignment a ON a.citizen_id = m.citizen_id AND a.user_id = $1
         JOIN citizen c ON c.id = m.citizen_id AND c.status = 'active'
        WHERE NOT EXISTS (SELECT 1 FROM meeting later WHERE later.citizen_id = m.citizen_id
                            AND (later.held_on, later.created_at) > (m.held_on, m.created_at))
          AND m.next_follow_up_on <= $2::date
        ORDER BY m.citizen_id, m.next_follow_up_on`,
      [userId, today],
    );
  }

  async insertConsent(
    m: EntityManager,
    c: {
      citizenId: string;
      companyId: string;
      scopes: ConsentScope[];
      purpose: string;
      recordedBy: string;
    },
  ): Promise<string> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO consent (citizen_id, company_id, scopes, purpose, recorded_by) VALUES ($1, $2, $3::consent_scope[], $4, $5) RETURNING id`,
      [c.citizenId, c.companyId, c.scopes, c.purpose, c.recordedBy],
    );
    return row.id;
  }

  async findConsent(id: string): Promise<ConsentRow | null> {
    const rows = await this.consentQuery(`k.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async withdrawConsent(m: EntityManager, id: string): Promise<boolean> {
    // TypeORM answers a DELETE or UPDATE with [rows, affected].
    const [, affected] = await m.query<[unknown[], number]>(
      `UPDATE consent SET withdrawn_at = now() WHERE id = $1 AND withdrawn_at IS NULL`,
      [id],
    );
    return affected > 0;
  }

  consents(citizenId: string): Promise<ConsentRow[]> {
    return this.consentQuery(`k.citizen_id = $1`, [citizenId]);
  }

  /** Scopes a citizen currently shares with any of these companies. */
  async sharedScopes(citizenId: string, companyIds: readonly string[]): Promise<ConsentScope[]> {
    const rows = await this.dataSource.query<{ scope: ConsentScope }[]>(
      `SELECT DISTINCT unnest(scopes) AS scope FROM consent
        WHERE citizen_id = $1 AND company_id = ANY($2) AND withdrawn_at IS NULL`,
      [citizenId, companyIds],
    );
    return rows.map((r) => r.scope);
  }

  async companyIdsOfUser(userId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ companyId: string }[]>(
      `SELECT company_id AS "companyId" FROM company_admin WHERE user_id = $1
       UNION SELECT company_id FROM mentor WHERE user_id = $1`,
      [userId],
    );
    return rows.map((r) => r.companyId);
  }

  private consentQuery(where: string, params: unknown[]): Promise<ConsentRow[]> {
    return this.dataSource.query<ConsentRow[]>(
      `SELECT k.id, k.citizen_id AS "citizenId", k.company_id AS "companyId", co.name AS "companyName", k.scopes::text[] AS scopes,
              k.purpose, k.granted_at AS "grantedAt", k.withdrawn_at AS "withdrawnAt"
         FROM consent k JOIN company co ON co.id = k.company_id
        WHERE ${where} ORDER BY k.granted_at DESC`,
      params,
    );
  }
}
