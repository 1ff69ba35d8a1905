import { AppConfig, type Language, normalizeEmail, Role } from '@jobbro/core';
import { MailOutbox, publicBaseUrl } from '@jobbro/notifications';
import { Injectable } from '@nestjs/common';
import { AuthException } from './auth.exception';
import { AuthRepository } from './auth.repository';
import { AuthService, type TokenPair } from './auth.service';
import { hashPassword, newToken, tokenHash } from './password';
import { SignUpRepository } from './sign-up.repository';
import type { UserEntity } from './user.entity';
import { SignUpLimiter } from './throttle/mail-request.limiter';

/** How long a sign-up confirmation link works. */
export const SIGN_UP_LINK_HOURS = 24;

/**
 * Employer self-service sign-up in two steps, so the answer never tells whether an address has an
 * account: `requestSignUp` always answers alike and mails the address what happened (a link to
 * confirm a new address, or "you already have an account" for a known one); `confirm` creates the
 * account from the link's single-use token and signs it in.
 */
@Injectable()
export class SignUpService {
  constructor(
    private readonly signUps: SignUpRepository,
    private readonly users: AuthRepository,
    private readonly auth: AuthService,
    private readonly mail: MailOutbox,
    private readonly config: AppConfig,
    private readonly limiter: SignUpLimiter,
  ) {}

  async requestSignUp(
    input: { email: string; password?: string; displayName: string },
    language: Language,
    ip: string,
  ): Promise<void> {
    const email = normalizeEmail(input.email);
    // Before the slow hash and the mail: a flood of requests for one inbox stops here.
    await this.limiter.count(email, ip);
    // Hashed whether or not the address is known, and whether or not a password was chosen: the
    // slow step is the same on every path. Without a password the account signs in by magic link.
    const hashed = await hashPassword(input.password ?? newToken());
    const passwordHash = input.password === undefined ? null : hashed;
    await this.users.transaction(async (m) => {
      await this.signUps.deleteExpired(m);
      const existing = await this.signUps.findAccountByEmail(m, email);
      if (existing) {
        await this.mail.enqueue(m, {
          kind: 'employer-sign-up-existing',
          to: existing.email,
          language: existing.preferredLanguage,
          userId: existing.id,
          jobCentreId: existing.jobCentreId,
          params: { displayName: existing.displayName, signInUrl: publicBaseUrl(this.config) },
        });
        return;
      }
      const token = newToken();
      await this.signUps.insert(m, {
        email,
        displayName: input.displayName.trim(),
        passwordHash,
        preferredLanguage: language,
        tokenHash: tokenHash(token),
        expiresAt: new Date(Date.now() + SIGN_UP_LINK_HOURS * 3_600_000),
      });
      await this.mail.enqueue(m, {
        kind: 'employer-sign-up-confirm',
        to: email,
        language,
        params: {
          // In the fragment, so the token never reaches a server log through the page's URL.
          confirmUrl: `${publicBaseUrl(this.config)}/tilmelding/bekraeft#token=${token}`,
          validHours: SIGN_UP_LINK_HOURS,
        },
      });
    });
  }

  /** Creates the employer account from a confirmation token and starts its first session. */
  async confirm(token: string): Promise<{ user: UserEntity; tokens: TokenPair }> {
    try {
      const outcome = await this.users.transaction(async (m) => {
        const signUp = await this.signUps.lockUsable(m, tokenHash(token));
        if (!signUp) return null;
        const user = await this.users.insertUser(
          {
            email: signUp.email,
            passwordHash: signUp.passwordHash,
            displayName: signUp.displayName,
            role: Role.CompanyAdmin,
            jobCentreId: null,
            preferredLanguage: signUp.preferredLanguage,
          },
          m,
        );
        await this.signUps.deleteForEmail(m, signUp.email);
        return { user, tokens: await this.auth.issueTokens(user, m) };
      });
      if (outcome) return outcome;
    } catch (e) {
      // The address got an account after the link was sent (another link, or staff): the link is spent.
      if ((e as { driverError?: { code?: string } }).driverError?.code !== '23505') throw e;
    }
    throw new AuthException('INVALID_SIGN_UP_TOKEN');
  }
}
