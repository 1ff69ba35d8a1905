import type { PlacementRequirement, Weekday, WorkingTimes } from '@jobbro/reference';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface QualificationRow {
  qualification: PlacementRequirement;
  confirmedOn: string;
  confirmedBy: string | null;
  note: string | null;
}

export interface EmploymentRow {
  id: string;
  companyId: string | null;
  employerName: string;
  cvr: string | null;
  startedOn: string;
  endedOn: string | null;
  recordedBy: string | null;
  recordedAt: Date;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** What an employment says (as recorded or corrected). */
export interface EmploymentFields {
  companyId: string | null;
  employerName: string | null;
  cvr: string | null;
  startedOn: string;
  endedOn: string | null;
}

export interface NoEmploymentRow {
  confirmedOn: string;
  confirmedBy: string | null;
}

/** A citizen's qualifications, availability and employments: what matching needs beyond the goal. */
@Injectable()
export class WorkProfileRepository {
  constructor(private readonly dataSource: DataSource) {}

  qualifications(citizenId: string): Promise<QualificationRow[]> {
    return this.dataSource.query<QualificationRow[]>(
      `SELECT q.qualification, to_char(q.confirmed_on, 'YYYY-MM-DD') AS "confirmedOn",
              u.display_name AS "confirmedBy", q.note
         FROM citizen_qualification q LEFT JOIN app_user u ON u.id = q.confirmed_by
        WHERE q.citizen_id = $1 ORDER BY q.qualification`,
      [citizenId],
    );
  }

  /** Records or re-confirms one qualification. */
  async upsertQualification(
    citizenId: string,
    q: { qualification: PlacementRequirement; confirmedOn: string; note: string | null },
    confirmedBy: string,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO citizen_qualification (citizen_id, qualification, confirmed_on, confirmed_by, note)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (citizen_id, qualification) DO UPDATE
         SET confirmed_on = EXCLUDED.confirmed_on, confirmed_by = EXCLUDED.confirmed_by,
             note = EXCLUDED.note, recorded_at = now()`,
      [citizenId, q.qualification, q.confirmedOn, confirmedBy, q.note],
    );
  }

  /** True when there was one to remove. */
  async deleteQualification(
    citizenId: string,
    qualification: PlacementRequirement,
  ): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM citizen_qualification WHERE citizen_id = $1 AND qualification = $2`,
      [citizenId, qualification],
    );
    return affected > 0;
  }

  async availability(citizenId: string): Promise<WorkingTimes | null> {
    const [row] = await this.dataSource.query<
      { weekdays: Weekday[] | null; from: string | null; until: string | null }[]
    >(
      `SELECT available_days::text[] AS weekdays, to_char(available_from, 'HH24:MI') AS "from",
              to_char(available_until, 'HH24:MI') AS until
         FROM citizen_need WHERE citizen_id = $1
          AND num_nonnulls(available_days, available_from, available_until) > 0`,
      [citizenId],
    );
    return row ?? null;
  }

  /** Sets the availability beside the needs (a needs row with no accommodations if none yet). */
  async setAvailability(citizenId: string, times: WorkingTimes | null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO citizen_need (citizen_id, available_days, available_from, available_until)
       VALUES ($1, $2::weekday[], $3::time, $4::time)
       ON CONFLICT (citizen_id) DO UPDATE
         SET available_days = EXCLUDED.available_days, available_from = EXCLUDED.available_from,
             available_until = EXCLUDED.available_until, updated_at = now()`,
      [citizenId, times?.weekdays ?? null, times?.from ?? null, times?.until ?? null],
    );
  }

  /** Most recent first: ongoing jobs, then by end, then by start (as matching picks the last one). */
  employments(citizenId: string): Promise<EmploymentRow[]> {
    return this.dataSource.query<EmploymentRow[]>(
      `SELECT e.id, e.company_id AS "companyId", coalesce(co.name, e.employer_name) AS "employerName",
              coalesce(co.cvr, e.cvr) AS cvr,
              to_char(e.started_on, 'YYYY-MM-DD') AS "startedOn", to_char(e.ended_on, 'YYYY-MM-DD') AS "endedOn",
              u.display_name AS "recordedBy", e.recorded_at AS "recordedAt",
              v.display_name AS "updatedBy", e.updated_at AS "updatedAt"
         FROM citizen_employment e
         LEFT JOIN company co ON co.id = e.company_id
         LEFT JOIN app_user u ON u.id = e.recorded_by
         LEFT JOIN app_user v ON v.id = e.updated_by
        WHERE e.citizen_id = $1
        ORDER BY e.ended_on DESC NULLS FIRST, e.started_on DESC, e.recorded_at DESC, e.id DESC`,
      [citizenId],
    );
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Serializes changes to the citizen's employment history (an employment and "none" exclude
   * each other; the trigger clears "none", this lock keeps "none" from being set beside one).
   */
  async lockEmploymentHistory(m: EntityManager, citizenId: string): Promise<void> {
    await m.query(`SELECT 1 FROM citizen WHERE id = $1 FOR NO KEY UPDATE`, [citizenId]);
  }

  /** The citizen an employment belongs to, or null for an unknown id. */
  async employmentCitizen(id: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ citizenId: string }[]>(
      `SELECT citizen_id AS "citizenId" FROM citizen_employment WHERE id = $1`,
      [id],
    );
    return row?.citizenId ?? null;
  }

  /** False when the employment is gone. */
  async updateEmployment(id: string, e: EmploymentFields, updatedBy: string): Promise<boolean> {
    // UPDATE and DELETE answer [rows, affected] through TypeORM's query().
    const [, affected] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE citizen_employment
          SET company_id = $2, employer_name = $3, cvr = $4, started_on = $5, ended_on = $6,
              updated_at = now(), updated_by = $7
        WHERE id = $1`,
      [id, e.companyId, e.employerName, e.cvr, e.startedOn, e.endedOn, updatedBy],
    );
    return affected > 0;
  }

  async deleteEmployment(id: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM citizen_employment WHERE id = $1`,
      [id],
    );
    return affected > 0;
  }

  async noEmployment(citizenId: string): Promise<NoEmploymentRow | null> {
    const [row] = await this.dataSource.query<NoEmploymentRow[]>(
      `SELECT to_char(n.confirmed_on, 'YYYY-MM-DD') AS "confirmedOn", u.display_name AS "confirmedBy"
         FROM citizen_no_employment n LEFT JOIN app_user u ON u.id = n.confirmed_by
        WHERE n.citizen_id = $1`,
      [citizenId],
    );
    return row ?? null;
  }

  /** Marks "no employment" unless one is recorded; false when one is. */
  async markNoEmployment(
    m: EntityManager,
    citizenId: string,
    confirmedOn: string,
    confirmedBy: string,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO citizen_no_employment (citizen_id, confirmed_on, confirmed_by)
       SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM citizen_employment WHERE citizen_id = $1)
       ON CONFLICT (citizen_id) DO UPDATE
         SET confirmed_on = EXCLUDED.confirmed_on, confirmed_by = EXCLUDED.confirmed_by, recorded_at = now()
       RETURNING citizen_id`,
      [citizenId, confirmedOn, confirmedBy],
    );
    return rows.length > 0;
  }

  async unmarkNoEmployment(citizenId: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM citizen_no_employment WHERE citizen_id = $1`,
      [citizenId],
    );
    return affected > 0;
  }

  async insertEmployment(
    m: EntityManager,
    citizenId: string,
    e: EmploymentFields,
    recordedBy: string,
  ): Promise<string> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO citizen_employment (citizen_id, company_id, employer_name, cvr, started_on, ended_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [citizenId, e.companyId, e.employerName, e.cvr, e.startedOn, e.endedOn, recordedBy],
    );
    return row.id;
  }
}
