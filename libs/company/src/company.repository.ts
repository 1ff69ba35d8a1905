import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, Repository } from 'typeorm';
import { CompanyEntity, MentorEntity, PartnershipEntity, SiteEntity } from './company.entities';
import { PartnershipStatus } from './company.enums';
import { VISIBLE_PARTNERSHIP_STATUSES } from './rules/partnership-rules';

export interface CompanyAdminRow {
  companyId: string;
  userId: string;
  displayName: string;
  email: string;
  addedAt: Date;
}

export interface RegistrationInvite {
  jobCentreId: string;
  invitedBy: string | null;
  cvr: string | null;
  invitationId: string;
}

export interface ActorRow {
  id: string;
  displayName: string;
  role: string;
}

const isUniqueViolation = (e: unknown, constraint?: string): boolean => {
  const driver = (e as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driver?.code === '23505' && (!constraint || driver.constraint === constraint);
};

@Injectable()
export class CompanyRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(CompanyEntity) private readonly companies: Repository<CompanyEntity>,
    @InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>,
    @InjectRepository(MentorEntity) private readonly mentors: Repository<MentorEntity>,
    @InjectRepository(PartnershipEntity)
    private readonly partnerships: Repository<PartnershipEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Inserts the company and makes `adminUserId` its administrator; 'duplicate' if the CVR is taken. */
  async insertCompanyWithAdmin(
    manager: EntityManager,
    company: Pick<CompanyEntity, 'cvr' | 'name' | 'industry' | 'ordinaryEmployees' | 'createdBy'>,
    adminUserId: string,
  ): Promise<CompanyEntity | 'duplicate'> {
    try {
      const saved = await manager
        .getRepository(CompanyEntity)
        .save(manager.create(CompanyEntity, company));
      await manager.query(`INSERT INTO company_admin (company_id, user_id) VALUES ($1, $2)`, [
        saved.id,
        adminUserId,
      ]);
      return saved;
    } catch (e) {
      if (isUniqueViolation(e, 'company_cvr_key')) return 'duplicate';
      throw e;
    }
  }

  async updateCompany(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<CompanyEntity, 'name' | 'industry' | 'ordinaryEmployees' | 'sector'>>,
  ): Promise<CompanyEntity> {
    const repo = manager.getRepository(CompanyEntity);
    if (Object.keys(changes).length > 0) await repo.update({ id }, changes);
    return repo.findOneByOrFail({ id });
  }

  cvrExists(cvr: string): Promise<boolean> {
    return this.companies.existsBy({ cvr });
  }

  findCompany(id: string): Promise<CompanyEntity | null> {
    return this.companies.findOneBy({ id });
  }

  findCompaniesByIds(ids: readonly string[]): Promise<CompanyEntity[]> {
    return this.companies.createQueryBuilder('c').where('c.id = ANY(:ids)', { ids }).getMany();
  }

  /** Companies a company admin administers or a mentor works at. */
  async companyIdsOfUser(userId: string): Promise<string[]> {
    const rows: { companyId: string }[] = await this.dataSource.query(
      `SELECT company_id AS "companyId" FROM company_admin WHERE user_id = $1
       UNION SELECT company_id FROM mentor WHERE user_id = $1 AND deactivated_at IS NULL`,
      [userId],
    );
    return rows.map((r) => r.companyId);
  }

  async isCompanyAdmin(userId: string, companyId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM company_admin WHERE user_id = $1 AND company_id = $2`,
      [userId, companyId],
    );
    return rows.length > 0;
  }

  /** A deactivated mentor's login gives no access through the company. */
  async isMentorAt(userId: string, companyId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM mentor WHERE user_id = $1 AND company_id = $2 AND deactivated_at IS NULL`,
      [userId, companyId],
    );
    return rows.length > 0;
  }

  async hasPartnershipIn(
    jobCentreId: string,
    companyId: string,
    statuses: readonly PartnershipStatus[],
  ): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM partnership WHERE job_centre_id = $1 AND company_id = $2 AND status = ANY($3::partnership_status[])`,
      [jobCentreId, companyId, statuses],
    );
    return rows.length > 0;
  }

  /** Staff may read a company that partners with their job centre or has itself proposed to it. */
  async isPartnerOrInvitedBy(jobCentreId: string, companyId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM partnership WHERE job_centre_id = $1 AND company_id = $2
          AND (status = ANY($3::partnership_status[]) OR (status = 'proposed' AND proposed_by_side = 'company'))`,
      [jobCentreId, companyId, VISIBLE_PARTNERSHIP_STATUSES],
    );
    return rows.length > 0;
  }

  insertSite(
    site: Omit<SiteEntity, 'id' | 'createdAt' | 'updatedAt' | 'removedAt' | 'removedBy'>,
  ): Promise<SiteEntity> {
    return this.sites.save(this.sites.create(site));
  }

  async updateSite(
    manager: EntityManager,
    id: string,
    changes: Partial<
      Pick<
        SiteEntity,
        | 'name'
        | 'streetAddress'
        | 'postalCode'
        | 'municipalityCode'
        | 'latitude'
        | 'longitude'
        | 'pNumber'
      >
    >,
  ): Promise<SiteEntity | null> {
    const repo = manager.getRepository(SiteEntity);
    if (Object.keys(changes).length > 0)
      await repo
        .createQueryBuilder()
        .update()
        .set(changes)
        .where('id = :id AND removed_at IS NULL', { id })
        .execute();
    return repo.findOne({ where: { id, removedAt: IsNull() } });
  }

  /**
   * Locks the site against removal (FOR KEY SHARE) while a slot is saved with it: removal takes the
   * row FOR UPDATE, so a slot published with the site and the site's removal cannot both succeed.
   * KEY SHARE does not wait for an edit of the site (FOR NO KEY UPDATE), whose trigger moves the
   * site's slots: a stronger lock here could deadlock with it.
   */
  lockSiteForUse(manager: EntityManager, id: string): Promise<SiteEntity | null> {
    return manager
      .getRepository(SiteEntity)
      .createQueryBuilder('s')
      .setLock('for_key_share')
      .where('s.id = :id', { id })
      .getOne();
  }

  /** FOR UPDATE: waits for every slot save using the site (see `lockSiteForUse`). */
  lockSiteForRemoval(manager: EntityManager, id: string): Promise<SiteEntity | null> {
    return manager
      .getRepository(SiteEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
  }

  async markSiteRemoved(manager: EntityManager, id: string, by: string): Promise<SiteEntity> {
    await manager.query(
      `UPDATE site SET removed_at = now(), removed_by = $2, updated_at = now() WHERE id = $1`,
      [id, by],
    );
    return manager.getRepository(SiteEntity).findOneByOrFail({ id });
  }

  findSite(id: string): Promise<SiteEntity | null> {
    return this.sites.findOneBy({ id });
  }

  findSitesByIds(ids: readonly string[]): Promise<SiteEntity[]> {
    return this.sites.createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).getMany();
  }

  findSitesOfCompanies(companyIds: readonly string[]): Promise<SiteEntity[]> {
    return this.sites
      .createQueryBuilder('s')
      .where('s.companyId = ANY(:companyIds)', { companyIds })
      .andWhere('s.removedAt IS NULL')
      .orderBy('s.name')
      .getMany();
  }

  /** Inserts a mentor; 'duplicate' if the company already has an active one with that email. */
  async insertMentor(
    manager: EntityManager,
    mentor: Omit<
      MentorEntity,
      'id' | 'createdAt' | 'updatedAt' | 'deactivatedAt' | 'deactivatedBy'
    >,
  ): Promise<MentorEntity | 'duplicate'> {
    // A savepoint, so that a duplicate leaves the caller's transaction usable.
    try {
      return await manager.transaction((inner) =>
        inner.getRepository(MentorEntity).save(inner.create(MentorEntity, mentor)),
      );
    } catch (e) {
      if (isUniqueViolation(e, 'mentor_company_id_email_key')) return 'duplicate';
      throw e;
    }
  }

  /** Changes a mentor; 'duplicate' if another active mentor of the company has the email. */
  async updateMentor(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<MentorEntity, 'name' | 'email' | 'phone' | 'capacity' | 'siteId'>>,
  ): Promise<MentorEntity | 'duplicate'> {
    const repo = manager.getRepository(MentorEntity);
    try {
      if (Object.keys(changes).length > 0)
        await manager.transaction((inner) =>
          inner.getRepository(MentorEntity).update({ id }, changes),
        );
    } catch (e) {
      if (isUniqueViolation(e, 'mentor_company_id_email_key')) return 'duplicate';
      throw e;
    }
    return repo.findOneByOrFail({ id });
  }

  /** Locks the mentor against deactivation (FOR KEY SHARE) while a slot is saved with them. */
  lockMentorForUse(manager: EntityManager, id: string): Promise<MentorEntity | null> {
    return manager
      .getRepository(MentorEntity)
      .createQueryBuilder('m')
      .setLock('for_key_share')
      .where('m.id = :id', { id })
      .getOne();
  }

  /** FOR UPDATE ('retire', which waits for every slot save using the mentor) or FOR NO KEY UPDATE. */
  lockMentor(
    manager: EntityManager,
    id: string,
    mode: 'retire' | 'edit' = 'edit',
  ): Promise<MentorEntity | null> {
    return manager
      .getRepository(MentorEntity)
      .createQueryBuilder('m')
      .setLock(mode === 'retire' ? 'pessimistic_write' : 'for_no_key_update')
      .where('m.id = :id', { id })
      .getOne();
  }

  async markMentorDeactivated(
    manager: EntityManager,
    id: string,
    by: string,
  ): Promise<MentorEntity> {
    await manager.query(
      `UPDATE mentor SET deactivated_at = now(), deactivated_by = $2, updated_at = now() WHERE id = $1`,
      [id, by],
    );
    return manager.getRepository(MentorEntity).findOneByOrFail({ id });
  }

  /**
   * Links an invited mentor to the user who accepted: 'taken' if the mentor has another login or
   * the user already mentors at the company under another mentor row.
   */
  async linkMentorUser(
    manager: EntityManager,
    mentorId: string,
    userId: string,
  ): Promise<'linked' | 'taken'> {
    try {
      const [rows] = await manager.transaction((inner) =>
        inner.query<[unknown[], number]>(
          `UPDATE mentor SET user_id = $2, updated_at = now()
            WHERE id = $1 AND (user_id IS NULL OR user_id = $2) RETURNING id`,
          [mentorId, userId],
        ),
      );
      return rows.length > 0 ? 'linked' : 'taken';
    } catch (e) {
      if (isUniqueViolation(e, 'mentor_company_user')) return 'taken';
      throw e;
    }
  }

  async isCompanyAdminIn(
    manager: EntityManager,
    userId: string,
    companyId: string,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM company_admin WHERE user_id = $1 AND company_id = $2`,
      [userId, companyId],
    );
    return rows.length > 0;
  }

  /** Locks the company row: admin removals serialize on it, so the last admin always stays. */
  async lockCompany(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM company WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    );
    return rows.length > 0;
  }

  /**
   * Whether the job centre's partnership with the company is active, locked (FOR SHARE) so that it
   * stays so until the caller's transaction ends (a pause or end waits).
   */
  async lockActivePartnership(
    manager: EntityManager,
    jobCentreId: string,
    companyId: string,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM partnership
        WHERE job_centre_id = $1 AND company_id = $2 AND status = 'active' FOR SHARE`,
      [jobCentreId, companyId],
    );
    return rows.length > 0;
  }

  async countAdmins(manager: EntityManager, companyId: string): Promise<number> {
    const [{ n }] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM company_admin WHERE company_id = $1`,
      [companyId],
    );
    return n;
  }

  async deleteAdmin(manager: EntityManager, companyId: string, userId: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `DELETE FROM company_admin WHERE company_id = $1 AND user_id = $2 RETURNING user_id`,
      [companyId, userId],
    );
    return rows.length > 0;
  }

  async insertAdmin(
    manager: EntityManager,
    companyId: string,
    userId: string,
    addedBy: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO company_admin (company_id, user_id, added_by) VALUES ($1, $2, $3)
       ON CONFLICT (company_id, user_id) DO NOTHING`,
      [companyId, userId, addedBy],
    );
  }

  /** The administrators of the companies, with the name and email of their login. */
  adminsOfCompanies(companyIds: readonly string[]): Promise<CompanyAdminRow[]> {
    return this.dataSource.query<CompanyAdminRow[]>(
      `SELECT a.company_id AS "companyId", a.user_id AS "userId", u.display_name AS "displayName",
              u.email, a.created_at AS "addedAt"
         FROM company_admin a JOIN app_user u ON u.id = a.user_id
        WHERE a.company_id = ANY($1::uuid[])
        ORDER BY u.display_name, a.user_id`,
      [companyIds],
    );
  }

  /** Remembers, for a company admin invited to register a new company, who invited them. */
  async saveRegistrationInvite(
    manager: EntityManager,
    invite: RegistrationInvite & { userId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO company_registration_invite (user_id, job_centre_id, invited_by, cvr, invitation_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET job_centre_id = EXCLUDED.job_centre_id,
         invited_by = EXCLUDED.invited_by, cvr = EXCLUDED.cvr,
         invitation_id = EXCLUDED.invitation_id, created_at = now()`,
      [invite.userId, invite.jobCentreId, invite.invitedBy, invite.cvr, invite.invitationId],
    );
  }

  async findRegistrationInvite(userId: string): Promise<RegistrationInvite | null> {
    const [row] = await this.dataSource.query<RegistrationInvite[]>(
      `SELECT job_centre_id AS "jobCentreId", invited_by AS "invitedBy", cvr,
              invitation_id AS "invitationId"
         FROM company_registration_invite WHERE user_id = $1`,
      [userId],
    );
    return row ?? null;
  }

  /** Reads and forgets the invite, in the registering transaction. */
  async takeRegistrationInvite(
    manager: EntityManager,
    userId: string,
  ): Promise<RegistrationInvite | null> {
    const [rows] = await manager.query<[RegistrationInvite[], number]>(
      `DELETE FROM company_registration_invite WHERE user_id = $1
       RETURNING job_centre_id AS "jobCentreId", invited_by AS "invitedBy", cvr,
                 invitation_id AS "invitationId"`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** Starts an active partnership agreed on both sides (the job centre invited, the company registered). */
  /**
   * The partnership a job centre's registration invite starts: 'active' when the admin registered
   * the CVR the job centre named, else 'proposed' by the job centre for the company to accept.
   */
  async insertInvitedPartnership(
    manager: EntityManager,
    companyId: string,
    jobCentreId: string,
    proposedBy: string | null,
    status: 'active' | 'proposed',
  ): Promise<void> {
    await manager.query(
      `INSERT INTO partnership (company_id, job_centre_id, status, starts_on, proposed_by, proposed_by_side)
       VALUES ($1, $2, $4::partnership_status, (now() AT TIME ZONE 'Europe/Copenhagen')::date, $3, 'job_centre')
       ON CONFLICT DO NOTHING`,
      [companyId, jobCentreId, proposedBy, status],
    );
  }

  /** Display names and job centres of users who changed slots, for the change log. */
  actorsByIds(ids: readonly string[]): Promise<ActorRow[]> {
    return this.dataSource.query<ActorRow[]>(
      `SELECT id, display_name AS "displayName", role::text AS role FROM app_user WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  findMentor(id: string): Promise<MentorEntity | null> {
    return this.mentors.findOneBy({ id });
  }

  findMentorsByIds(ids: readonly string[]): Promise<MentorEntity[]> {
    return this.mentors.createQueryBuilder('m').where('m.id = ANY(:ids)', { ids }).getMany();
  }

  findMentorsOfCompanies(companyIds: readonly string[]): Promise<MentorEntity[]> {
    return this.mentors
      .createQueryBuilder('m')
      .where('m.companyId = ANY(:companyIds)', { companyIds })
      .orderBy('m.name')
      .getMany();
  }

  async insertPartnership(
    partnership: Omit<PartnershipEntity, 'id' | 'createdAt' | 'updatedAt' | 'status'>,
  ): Promise<PartnershipEntity | 'duplicate'> {
    try {
      return await this.partnerships.save(
        this.partnerships.create({ ...partnership, status: PartnershipStatus.Proposed }),
      );
    } catch (e) {
      if (isUniqueViolation(e, 'partnership_one_open')) return 'duplicate';
      throw e;
    }
  }

  findPartnership(id: string): Promise<PartnershipEntity | null> {
    return this.partnerships.findOneBy({ id });
  }

  lockPartnership(manager: EntityManager, id: string): Promise<PartnershipEntity | null> {
    return manager
      .getRepository(PartnershipEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
  }

  async updatePartnershipStatus(
    manager: EntityManager,
    id: string,
    status: PartnershipStatus,
    endsOn: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE partnership
          SET status = $2, updated_at = now(),
              ends_on = CASE WHEN $3::date IS NULL THEN ends_on ELSE GREATEST(starts_on, $3::date) END
        WHERE id = $1`,
      [id, status, endsOn],
    );
  }

  /** Companies whose slots the job centre's staff see (see `VISIBLE_PARTNERSHIP_STATUSES`). */
  async partnerCompanyIds(jobCentreId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT DISTINCT company_id AS id FROM partnership
        WHERE job_centre_id = $1 AND status = ANY($2::partnership_status[])`,
      [jobCentreId, VISIBLE_PARTNERSHIP_STATUSES],
    );
    return rows.map((r) => r.id);
  }

  findPartnershipsOfJobCentre(jobCentreId: string): Promise<PartnershipEntity[]> {
    return this.partnerships
      .createQueryBuilder('p')
      .where('p.jobCentreId = :jobCentreId', { jobCentreId })
      .orderBy('p.createdAt', 'DESC')
      .getMany();
  }

  findPartnershipsOfCompanies(companyIds: readonly string[]): Promise<PartnershipEntity[]> {
    return this.partnerships
      .createQueryBuilder('p')
      .where('p.companyId = ANY(:companyIds)', { companyIds })
      .orderBy('p.createdAt', 'DESC')
      .getMany();
  }
}
