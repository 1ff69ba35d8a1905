import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { CompanyEntity, MentorEntity, PartnershipEntity, SiteEntity } from './company.entities';
import { PartnershipStatus } from './company.enums';
import { VISIBLE_PARTNERSHIP_STATUSES } from './rules/partnership-rules';

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
    changes: Partial<Pick<CompanyEntity, 'name' | 'industry' | 'ordinaryEmployees'>>,
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
       UNION SELECT company_id FROM mentor WHERE user_id = $1`,
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

  async isMentorAt(userId: string, companyId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM mentor WHERE user_id = $1 AND company_id = $2`,
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

  insertSite(site: Omit<SiteEntity, 'id' | 'createdAt'>): Promise<SiteEntity> {
    return this.sites.save(this.sites.create(site));
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
      .orderBy('s.name')
      .getMany();
  }

  /** Inserts a mentor; 'duplicate' if the company already has one with that email. */
  async insertMentor(
    mentor: Omit<MentorEntity, 'id' | 'createdAt'>,
  ): Promise<MentorEntity | 'duplicate'> {
    try {
      return await this.mentors.save(this.mentors.create(mentor));
    } catch (e) {
      if (isUniqueViolation(e, 'mentor_company_id_email_key')) return 'duplicate';
      throw e;
    }
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
