import { AppConfig } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { type AttemptSubject, AttemptLimiter, type AttemptTicket } from './attempt-limiter';
import { type AttemptPolicy, hourlyCap } from './attempt-policy';
import { RateLimitKeys } from './rate-limit-keys';

/**
 * The sign-in numbers (OWASP Authentication Cheat Sheet, ASVS 2.2.1: at most 100 failed attempts
 * per account per hour):
 * - per account (keyed hash of the normalized email, whether or not the account exists, so an
 *   unknown email is answered exactly like a known one): LOGIN_FAILURES_PER_HOUR (100) per hour;
 *   five attempts go through at once, then each further one must wait 1 s, 2 s, 4 s, ... capped
 *   at 5 minutes. In practice the delay allows about 25 guesses an hour; the hourly cap is the
 *   bound if the delay is ever tuned down. The cap of 5 minutes keeps what an attacker can do to a
 *   real user (lock them out) short: they wait at most 5 minutes after a correct password.
 * - per client IP, over all accounts (credential stuffing): LOGIN_FAILURES_PER_IP_PER_HOUR (1,000)
 *   per hour, no delay: a job centre's office shares one IP, and its staff mistype too.
 * A successful sign-in clears the account's count and gives the IP back its attempt.
 */
const ACCOUNT_DELAY = { freeFailures: 5, baseDelaySeconds: 1, maxDelaySeconds: 300 };

@Injectable()
export class SignInLimiter {
  private readonly account: AttemptPolicy | null;
  private readonly ip: AttemptPolicy;

  constructor(
    config: AppConfig,
    private readonly attempts: AttemptLimiter,
    private readonly keys: RateLimitKeys,
  ) {
    this.account =
      config.loginFailuresPerHour > 0
        ? { maxFailures: config.loginFailuresPerHour, windowSeconds: 3600, ...ACCOUNT_DELAY }
        : null;
    this.ip = hourlyCap(config.loginFailuresPerIpPerHour);
  }

  /** Counts a sign-in attempt before the password is checked; throws RATE_LIMITED when over. */
  async begin(email: string, ip: string): Promise<AttemptTicket> {
    if (!this.account) return { subjects: [], waits: [] };
    const subjects: AttemptSubject[] = [
      {
        scope: 'sign-in:account',
        key: this.keys.ofEmail('sign-in:account', email),
        policy: this.account,
        onSuccess: 'reset',
      },
      {
        scope: 'sign-in:ip',
        key: this.keys.of('sign-in:ip', ip),
        policy: this.ip,
        onSuccess: 'refund',
      },
    ];
    return this.attempts.begin(subjects);
  }

  failed(ticket: AttemptTicket): Promise<void> {
    return this.attempts.fail(ticket);
  }

  succeeded(ticket: AttemptTicket): Promise<void> {
    return this.attempts.settle(ticket);
  }
}
