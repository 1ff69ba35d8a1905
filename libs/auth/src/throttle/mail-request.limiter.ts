import { AppConfig } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { AttemptLimiter } from './attempt-limiter';
import { type AttemptPolicy, hourlyCap } from './attempt-policy';
import { RateLimitKeys } from './rate-limit-keys';

/**
 * Requests that send a mail to an address anyone can type are limited per address (`perHour`:
 * enough to retry a lost mail, too few to flood an inbox) and per client IP (ten times that, a
 * shared office). Counted by keyed hash whether or not the address has an account, so a refusal
 * reveals nothing; every request counts (none "succeeds": the answer is the same either way).
 * Over the limit: RATE_LIMITED with the wait. 0 turns the limit off.
 */
export class MailRequestLimiter {
  private readonly address: AttemptPolicy | null;
  private readonly ip: AttemptPolicy | null;

  constructor(
    private readonly scope: string,
    perHour: number,
    private readonly attempts: AttemptLimiter,
    private readonly keys: RateLimitKeys,
  ) {
    this.address = perHour > 0 ? hourlyCap(perHour) : null;
    this.ip = perHour > 0 ? hourlyCap(perHour * 10) : null;
  }

  /** Counts one request; throws RATE_LIMITED when the address or the IP is over. */
  async count(email: string, ip: string): Promise<void> {
    if (!this.address || !this.ip) return;
    const byAddress = `${this.scope}:address`;
    const byIp = `${this.scope}:ip`;
    await this.attempts.begin([
      {
        scope: byAddress,
        key: this.keys.ofEmail(byAddress, email),
        policy: this.address,
        onSuccess: 'keep',
      },
      { scope: byIp, key: this.keys.of(byIp, ip), policy: this.ip, onSuccess: 'keep' },
    ]);
  }
}

/** Employer sign-up requests: SIGN_UP_MAILS_PER_HOUR (default 5) per address. */
@Injectable()
export class SignUpLimiter extends MailRequestLimiter {
  constructor(config: AppConfig, attempts: AttemptLimiter, keys: RateLimitKeys) {
    super('sign-up', config.signUpMailsPerHour, attempts, keys);
  }
}

/** Magic-link requests: MAGIC_LINK_MAILS_PER_HOUR (default 5) per address. */
@Injectable()
export class MagicLinkLimiter extends MailRequestLimiter {
  constructor(config: AppConfig, attempts: AttemptLimiter, keys: RateLimitKeys) {
    super('magic-link', config.magicLinkMailsPerHour, attempts, keys);
  }
}
