import { AppConfig } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { AttemptLimiter } from './attempt-limiter';
import { type AttemptPolicy, hourlyCap } from './attempt-policy';
import { RateLimitKeys } from './rate-limit-keys';

/**
 * Sign-up requests send a mail to an address anyone can type, so they are limited per address
 * (SIGN_UP_MAILS_PER_HOUR, default 5: enough to retry a lost mail, too few to flood an inbox)
 * and per client IP (ten times that, a shared office). Counted by keyed hash whether or not the
 * address has an account, so the refusal reveals nothing; every request counts (none "succeeds"
 * here: the answer is the same either way). Over the limit: RATE_LIMITED with the wait.
 */
@Injectable()
export class SignUpLimiter {
  private readonly address: AttemptPolicy | null;
  private readonly ip: AttemptPolicy | null;

  constructor(
    config: AppConfig,
    private readonly attempts: AttemptLimiter,
    private readonly keys: RateLimitKeys,
  ) {
    const perHour = config.signUpMailsPerHour;
    this.address = perHour > 0 ? hourlyCap(perHour) : null;
    this.ip = perHour > 0 ? hourlyCap(perHour * 10) : null;
  }

  /** Counts one sign-up request; throws RATE_LIMITED when the address or the IP is over. */
  async count(email: string, ip: string): Promise<void> {
    if (!this.address || !this.ip) return;
    await this.attempts.begin([
      {
        scope: 'sign-up:address',
        key: this.keys.ofEmail('sign-up:address', email),
        policy: this.address,
        onSuccess: 'keep',
      },
      {
        scope: 'sign-up:ip',
        key: this.keys.of('sign-up:ip', ip),
        policy: this.ip,
        onSuccess: 'keep',
      },
    ]);
  }
}
