import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '@jobbro/core';
import { MailOutbox, publicBaseUrl } from '@jobbro/notifications';
import { Injectable } from '@nestjs/common';
import { AuthException } from '../auth.exception';
import { AuthService, type TokenPair } from '../auth.service';
import { newToken, tokenHash } from '../password';
import { MagicLinkLimiter } from '../throttle/mail-request.limiter';
import { TokenSignInLimiter } from '../throttle/people.limiter';
import { UserEntity } from '../user.entity';
import { MagicLinkRepository } from './magic-link.repository';

/**
 * Every request answers after at least this long, whether or not the address has an account, so
 * the time taken (writing the link and the mail, or not) does not tell which it was.
 */
export const MAGIC_LINK_MIN_REPLY_MS = 150;

/**
 * Sign-in by link (password-less): `request` mails an active user a single-use link valid
 * MAGIC_LINK_TTL_MINUTES (default 15) and answers every address alike; `redeem` trades the
 * link's token for the same token pair as password sign-in. Opening the link only shows a page;
 * its button sends `redeem` (mail scanners open links, and must not use them up).
 */
@Injectable()
export class MagicLinkService {
  constructor(
    private readonly links: MagicLinkRepository,
    private readonly auth: AuthService,
    private readonly mail: MailOutbox,
    private readonly config: AppConfig,
    private readonly requestLimiter: MagicLinkLimiter,
    private readonly tokenLimiter: TokenSignInLimiter,
  ) {}

  /** `email` as RequestMagicLinkInput gives it (@NormalizeEmail: trimmed, lower case). */
  async request(email: string, ip: string): Promise<void> {
    const started = Date.now();
    await this.requestLimiter.count(email, ip);
    await this.links.transaction(async (m) => {
      await this.links.deleteStale(m);
      const user = await this.links.findActiveUserByEmail(m, email);
      if (!user) return;
      const token = newToken();
      await this.links.insert(m, user.id, tokenHash(token), this.config.magicLinkTtlMinutes);
      await this.mail.enqueue(m, {
        kind: 'magic-link',
        to: email,
        language: user.language,
        userId: user.id,
        jobCentreId: user.jobCentreId,
        params: {
          displayName: user.displayName,
          // In the fragment, so the token never reaches a server log through the page's URL.
          signInUrl: `${publicBaseUrl(this.config)}/log-ind/link#token=${token}`,
          validMinutes: this.config.magicLinkTtlMinutes,
        },
      });
    });
    await this.padReply(Date.now() - started);
  }

  /**
   * Waits out the rest of MAGIC_LINK_MIN_REPLY_MS after `workMs` of real work (the seam the
   * timing test measures: the floor hides the difference only while the work stays below it).
   */
  protected async padReply(workMs: number): Promise<void> {
    const left = MAGIC_LINK_MIN_REPLY_MS - workMs;
    if (left > 0) await sleep(left);
  }

  /** Signs in with a link's token, once: MAGIC_LINK_INVALID, _EXPIRED or _USED otherwise. */
  async redeem(token: string, ip: string): Promise<{ user: UserEntity; tokens: TokenPair }> {
    return this.tokenLimiter.guard(ip, () =>
      this.links.transaction(async (m) => {
        const link = await this.links.lock(m, tokenHash(token));
        if (!link || !link.userActive) throw new AuthException('MAGIC_LINK_INVALID');
        if (link.usedAt) throw new AuthException('MAGIC_LINK_USED');
        if (link.expired) throw new AuthException('MAGIC_LINK_EXPIRED');
        // The user's other unused links die with this one: one sign-in per mail round.
        await this.links.markAllUsed(m, link.userId);
        const user = await m.getRepository(UserEntity).findOneByOrFail({ id: link.userId });
        return { user, tokens: await this.auth.issueTokens(user, m) };
      }),
    );
  }
}
