import { Role } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { JobCentreEntity, UserEntity } from './user.entity';

/** What an authenticated request may act as: read from the session's user, not the token. */
export interface ActiveSessionRow {
  role: Role;
  jobCentreId: string | null;
}

export interface RefreshTokenRow {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

@Injectable()
export class AuthRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(JobCentreEntity) private readonly jobCentres: Repository<JobCentreEntity>,
  ) {}

  findUserWithPasswordByEmail(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  }

  findUserById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  insertUser(
    user: {
      email: string;
      passwordHash: string | null;
      displayName: string;
      role: Role;
      jobCentreId: string | null;
      preferredLanguage?: 'da' | 'en';
    },
    manager?: EntityManager,
  ): Promise<UserEntity> {
    const users = manager ? manager.getRepository(UserEntity) : this.users;
    return users.save(users.create({ preferredLanguage: 'da', ...user }));
  }

  findJobCentre(id: string): Promise<JobCentreEntity | null> {
    return this.jobCentres.findOneBy({ id });
  }

  listJobCentres(): Promise<JobCentreEntity[]> {
    return this.jobCentres.find({ order: { name: 'ASC' } });
  }

  findJobCentresByIds(ids: readonly string[]): Promise<JobCentreEntity[]> {
    return this.jobCentres.createQueryBuilder('j').where('j.id = ANY(:ids)', { ids }).getMany();
  }

  async insertSession(
    manager: EntityManager | undefined,
    id: string,
    userId: string,
  ): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO auth_session (id, user_id) VALUES ($1, $2)`,
      [id, userId],
    );
  }

  /**
   * The one query behind every authenticated request: two primary-key lookups. Null when the
   * session is unknown, belongs to someone else, was revoked, or its user is disabled.
   */
  async findActiveSession(sessionId: string, userId: string): Promise<ActiveSessionRow | null> {
    const rows: ActiveSessionRow[] = await this.dataSource.query(
      `SELECT u.role, u.job_centre_id AS "jobCentreId"
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [sessionId, userId],
    );
    return rows[0] ?? null;
  }

  insertRefreshToken(
    manager: EntityManager | undefined,
    token: { userId: string; familyId: string; tokenHash: string; expiresAt: Date },
  ): Promise<unknown> {
    return (manager ?? this.dataSource.manager).query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [token.userId, token.familyId, token.tokenHash, token.expiresAt],
    );
  }

  /** Locks the token row so two concurrent refreshes with one token cannot both succeed. */
  async lockRefreshToken(
    manager: EntityManager,
    tokenHash: string,
  ): Promise<RefreshTokenRow | null> {
    const rows: RefreshTokenRow[] = await manager.query(
      `SELECT id, user_id AS "userId", family_id AS "familyId", expires_at AS "expiresAt", revoked_at AS "revokedAt"
         FROM refresh_token WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async revokeRefreshToken(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
  }

  /** Ends a session: its access tokens stop working and none of its refresh tokens can be used. */
  async revokeFamily(manager: EntityManager | undefined, familyId: string): Promise<void> {
    const m = manager ?? this.dataSource.manager;
    await m.query(
      `UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
    await m.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
