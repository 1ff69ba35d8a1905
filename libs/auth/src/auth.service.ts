import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppConfig, type Principal, Role } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import { AuthException } from './auth.exception';
import { AuthRepository } from './auth.repository';
import { dummyVerify, hashPassword, verifyPassword } from './password';
import type { JobCentreEntity, UserEntity } from './user.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface AccessTokenPayload {
  sub: string;
  role: Role;
  jc: string | null;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** Used by the local strategy: the user for these credentials, or INVALID_CREDENTIALS. */
  async validateCredentials(email: string, password: string): Promise<UserEntity> {
    const user = await this.repository.findUserWithPasswordByEmail(email.trim());
    if (!user?.passwordHash) {
      await dummyVerify(password);
      throw new AuthException('INVALID_CREDENTIALS');
    }
    const ok = await verifyPassword(user.passwordHash, password);
    if (!ok || user.disabledAt) throw new AuthException('INVALID_CREDENTIALS');
    return user;
  }

  issueTokens(user: UserEntity): Promise<TokenPair> {
    return this.issueInFamily(user, randomUUID());
  }

  /** Rotates a refresh token. Presenting a revoked token again revokes its whole family. */
  async refresh(refreshToken: string): Promise<{ user: UserEntity; tokens: TokenPair }> {
    // The new token is written in the same transaction that revokes the old one, so a logout that
    // locks the old row waits for it and then revokes the new token with the rest of the family.
    const outcome = await this.repository.transaction(async (manager) => {
      const row = await this.repository.lockRefreshToken(manager, sha256(refreshToken));
      if (!row) return null;
      if (row.revokedAt) {
        await this.repository.revokeFamily(manager, row.familyId);
        return null;
      }
      if (row.expiresAt.getTime() <= Date.now()) return null;
      const user = await this.repository.findUserById(row.userId);
      if (!user || user.disabledAt) return null;
      await this.repository.revokeRefreshToken(manager, row.id);
      return { user, tokens: await this.issueInFamily(user, row.familyId, manager) };
    });
    if (!outcome) throw new AuthException('INVALID_REFRESH_TOKEN');
    return outcome;
  }

  /** Signs out everywhere this session's refresh token family reaches. Unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    await this.repository.transaction(async (manager) => {
      const row = await this.repository.lockRefreshToken(manager, sha256(refreshToken));
      if (row) await this.repository.revokeFamily(manager, row.familyId);
    });
  }

  /** Self-service sign-up for employers; other roles are created by a job centre. */
  async signUpEmployer(input: {
    email: string;
    password: string;
    displayName: string;
  }): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    if (await this.repository.emailExists(email)) throw new AuthException('EMAIL_TAKEN');
    try {
      return await this.repository.insertUser({
        email,
        passwordHash: await hashPassword(input.password),
        displayName: input.displayName.trim(),
        role: Role.CompanyAdmin,
        jobCentreId: null,
      });
    } catch (e) {
      // Two sign-ups racing for one email: the unique index decides.
      if ((e as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw new AuthException('EMAIL_TAKEN');
      }
      throw e;
    }
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.repository.findUserById(id);
  }

  listJobCentres(): Promise<JobCentreEntity[]> {
    return this.repository.listJobCentres();
  }

  findJobCentresByIds(ids: readonly string[]): Promise<JobCentreEntity[]> {
    return this.repository.findJobCentresByIds(ids);
  }

  principalFromPayload(payload: AccessTokenPayload): Principal {
    return { userId: payload.sub, role: payload.role, jobCentreId: payload.jc };
  }

  private async issueInFamily(
    user: UserEntity,
    familyId: string,
    manager?: EntityManager,
  ): Promise<TokenPair> {
    const payload: AccessTokenPayload = { sub: user.id, role: user.role, jc: user.jobCentreId };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    const refreshToken = randomBytes(32).toString('base64url');
    await this.repository.insertRefreshToken(manager, {
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
    });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }
}
