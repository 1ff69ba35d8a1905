import { type Cursor, decodeCursor } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  Brackets,
  DataSource,
  type EntityManager,
  Repository,
  type SelectQueryBuilder,
} from 'typeorm';
import { PlacementEntity } from './company.entities';
import type { PlacementStatus, PlacementType } from './company.enums';
import { type PlacementVisibility, visiblePlacementsSql } from './placement-visibility';

export interface PlacementListFilter {
  companyId?: string;
  statuses?: PlacementStatus[];
  types?: PlacementType[];
  occupationId?: string;
  iscoCode?: string;
  municipalityCode?: number;
}

export type PlacementChangeAction = 'created' | 'updated' | 'published' | 'paused' | 'closed';

export interface NewPlacementChange {
  placementId: string;
  version: number;
  action: PlacementChangeAction;
  changedFields: string[];
  changedBy: string;
  /** The job centre a partner consultant acted for; null when the company's own people act. */
  jobCentreId: string | null;
}

export interface PlacementChangeRow extends Omit<NewPlacementChange, 'changedBy'> {
  changedBy: string | null;
  changedAt: Date;
}

@Injectable()
export class PlacementRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(PlacementEntity) private readonly placements: Repository<PlacementEntity>,
  ) {}

  transactional<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  insert(manager: EntityManager, placement: Partial<PlacementEntity>): Promise<PlacementEntity> {
    const repo = manager.getRepository(PlacementEntity);
    return repo.save(repo.create(placement));
  }

  /** The slot, if the caller may see it (see `visiblePlacementsSql`). */
  findVisible(visibility: PlacementVisibility, id: string): Promise<PlacementEntity | null> {
    return this.visible(visibility).andWhere('p.id = :id', { id }).getOne();
  }

  /** Those of the slots the caller may see. */
  findVisibleByIds(
    visibility: PlacementVisibility,
    ids: readonly string[],
  ): Promise<PlacementEntity[]> {
    return this.visible(visibility).andWhere('p.id = ANY(:ids)', { ids }).getMany();
  }

  /** Locks the row until the transaction ends: status changes and edits are serialized per slot. */
  lockForUpdate(manager: EntityManager, id: string): Promise<PlacementEntity | null> {
    return manager
      .getRepository(PlacementEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
  }

  /**
   * Published or paused slots that use the site or mentor, by title: what stops its removal.
   * Run after the site or mentor row is locked FOR UPDATE, so no slot can start using it meanwhile.
   */
  openPlacementsUsing(
    manager: EntityManager,
    column: 'site_id' | 'mentor_id',
    id: string,
  ): Promise<{ id: string; title: string; status: PlacementStatus }[]> {
    return manager.query(
      `SELECT id, title, status FROM placement
        WHERE ${column} = $1 AND status IN ('published', 'paused') ORDER BY title, id`,
      [id],
    );
  }

  /** Every slot at the site (a moved site moves them: the search index must hear of each). */
  placementsAtSite(
    manager: EntityManager,
    siteId: string,
  ): Promise<{ id: string; status: PlacementStatus }[]> {
    return manager.query(`SELECT id, status FROM placement WHERE site_id = $1`, [siteId]);
  }

  async insertChange(manager: EntityManager, change: NewPlacementChange): Promise<void> {
    await manager.query(
      `INSERT INTO placement_change (placement_id, version, action, changed_fields, changed_by, job_centre_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        change.placementId,
        change.version,
        change.action,
        change.changedFields,
        change.changedBy,
        change.jobCentreId,
      ],
    );
  }

  /** Every change of the slots, newest first. */
  changesOf(placementIds: readonly string[]): Promise<PlacementChangeRow[]> {
    return this.dataSource.query<PlacementChangeRow[]>(
      `SELECT placement_id AS "placementId", version, action, changed_fields AS "changedFields",
              changed_by AS "changedBy", job_centre_id AS "jobCentreId", changed_at AS "changedAt"
         FROM placement_change WHERE placement_id = ANY($1::uuid[]) ORDER BY id DESC`,
      [placementIds],
    );
  }

  async saveChanges(manager: EntityManager, placement: PlacementEntity): Promise<PlacementEntity> {
    return manager.getRepository(PlacementEntity).save(placement);
  }

  /** One page, newest first, of the placements the caller may see that match the filter. */
  async page(
    visibility: PlacementVisibility,
    filter: PlacementListFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<{ rows: PlacementEntity[]; totalCount: number }> {
    if (visibility.kind === 'none') return { rows: [], totalCount: 0 };
    const base = this.filtered(visibility, filter);
    const cursor: Cursor | null = decodeCursor(after);
    const pageQuery = base
      .clone()
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(first + 1);
    if (cursor)
      pageQuery.andWhere('(p.createdAt, p.id) < (:at, :id)', { at: cursor.at, id: cursor.id });
    const [rows, totalCount] = await Promise.all([pageQuery.getMany(), base.getCount()]);
    return { rows, totalCount };
  }

  /** The slots the caller may see, as a query to narrow further. */
  private visible(visibility: PlacementVisibility): SelectQueryBuilder<PlacementEntity> {
    const q = this.placements.createQueryBuilder('p');
    let n = 0;
    return q.where(
      visiblePlacementsSql(visibility, 'p', (value) => {
        const name = `visible${n++}`;
        q.setParameter(name, value);
        return `:${name}`;
      }),
    );
  }

  private filtered(
    visibility: PlacementVisibility,
    filter: PlacementListFilter,
  ): SelectQueryBuilder<PlacementEntity> {
    const q = this.visible(visibility);
    if (filter.companyId) q.andWhere('p.companyId = :companyId', { companyId: filter.companyId });
    if (filter.statuses?.length) {
      q.andWhere('p.status = ANY(:statuses::placement_status[])', { statuses: filter.statuses });
    }
    if (filter.types?.length)
      q.andWhere('p.type = ANY(:types::placement_type[])', { types: filter.types });
    if (filter.occupationId)
      q.andWhere('p.occupationId = :occupationId', { occupationId: filter.occupationId });
    if (filter.iscoCode)
      q.andWhere('p.iscoCode LIKE :iscoPrefix', { iscoPrefix: `${filter.iscoCode}%` });
    if (filter.municipalityCode !== undefined) {
      q.andWhere(
        new Brackets((b) =>
          b.where('p.siteId IN (SELECT id FROM site WHERE municipality_code = :municipalityCode)', {
            municipalityCode: filter.municipalityCode,
          }),
        ),
      );
    }
    return q;
  }
}
