import { Role } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { JobCentreEntity, UserEntity } from './user.entity';

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

  emailExists(email: string): Promise<boolean> {
    return this.users.existsBy({ email });
  }

  insertUser(user: {
    email: string;
    passwordHash: string | null;
    displayName: string;
    role: Role;
    jobCentreId: string | null;
    preferredLanguage?: 'da' | 'en';
  }): Promise<UserEntity> {
    return this.users.save(this.users.create({ preferredLanguage: 'da', ...user }));
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

  async revokeFamily(manager: EntityManager | undefined, familyId: string): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
