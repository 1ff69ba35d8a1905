import { randomUUID } from 'node:crypto';
import { AppConfig, type Principal, type Role } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import { AuthException } from './auth.exception';
import { AuthRepository } from './auth.repository';
import { dummyVerify, newToken, tokenHash, verifyPassword } from './password';
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
  /** The session (refresh-token family) the token was issued in; checked on every request. */
  sid: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

  /** Starts a new session for the user and issues its first token pair. */
  async issueTokens(user: UserEntity, manager?: EntityManager): Promise<TokenPair> {
    const sessionId = randomUUID();
    await this.repository.insertSession(manager, sessionId, user.id);
    return this.issueInFamily(user, sessionId, manager);
  }

  /** Rotates a refresh token. Presenting a revoked token again revokes its whole family. */
  async refresh(refreshToken: string): Promise<{ user: UserEntity; tokens: TokenPair }> {
    // The new token is written in the same transaction that revokes the old one, so a logout that
    // locks the old row waits for it and then revokes the new token with the rest of the family.
    const outcome = await this.repository.transaction(async (manager) => {
      const row = await this.repository.lockRefreshToken(manager, tokenHash(refreshToken));
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
      const row = await this.repository.lockRefreshToken(manager, tokenHash(refreshToken));
      if (row) await this.repository.revokeFamily(manager, row.familyId);
    });
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

  /**
   * The caller of a verified access token, or null when its session has ended or its user is
   * disabled. Role and job centre come from the user row, so a change to them holds at once.
   * Tokens without a session id (issued before sessions existed) are refused.
   */
  async principalForToken(payload: Partial<AccessTokenPayload>): Promise<Principal | null> {
    const { sub, sid } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || !UUID.test(sub) || !UUID.test(sid))
      return null;
    const session = await this.repository.findActiveSession(sid, sub);
    return session ? { userId: sub, role: session.role, jobCentreId: session.jobCentreId } : null;
  }

  private async issueInFamily(
    user: UserEntity,
    familyId: string,
    manager?: EntityManager,
  ): Promise<TokenPair> {
    const payload: AccessTokenPayload = {
      sub: user.id,
      role: user.role,
      jc: user.jobCentreId,
      sid: familyId,
    };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    const refreshToken = newToken();
    await this.repository.insertRefreshToken(manager, {
      userId: user.id,
      familyId,
      tokenHash: tokenHash(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
    });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }
}
