import { AppConfig } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { type AttemptSubject, AttemptLimiter, type AttemptTicket } from './attempt-limiter';
import { type AttemptPolicy, hourlyCap } from './attempt-policy';
import { RateLimitKeys } from './rate-limit-keys';

const NO_TICKET: AttemptTicket = { subjects: [], waits: [] };

/** Invitations sent or re-sent per inviting user: INVITATIONS_PER_HOUR (default 50). */
@Injectable()
export class InvitationLimiter {
  private readonly policy: AttemptPolicy | null;

  constructor(
    config: AppConfig,
    private readonly attempts: AttemptLimiter,
    private readonly keys: RateLimitKeys,
  ) {
    this.policy = config.invitationsPerHour > 0 ? hourlyCap(config.invitationsPerHour) : null;
  }

  async count(inviterId: string): Promise<void> {
    if (!this.policy) return;
    await this.attempts.begin([
      {
        scope: 'invitation:inviter',
        key: this.keys.of('invitation:inviter', inviterId),
        policy: this.policy,
        onSuccess: 'keep',
      },
    ]);
  }
}

/**
 * Redeeming a magic link or accepting an invitation is a sign-in by token: each attempt is
 * counted against the client IP in the same bucket as password sign-ins (sign-in:ip,
 * LOGIN_FAILURES_PER_IP_PER_HOUR), and a successful one gives its attempt back. On and off with
 * the sign-in limits (LOGIN_FAILURES_PER_HOUR = 0 turns them off).
 */
@Injectable()
export class TokenSignInLimiter {
  private readonly ip: AttemptPolicy | null;

  constructor(
    config: AppConfig,
    private readonly attempts: AttemptLimiter,
    private readonly keys: RateLimitKeys,
  ) {
    this.ip = config.loginFailuresPerHour > 0 ? hourlyCap(config.loginFailuresPerIpPerHour) : null;
  }

  begin(ip: string): Promise<AttemptTicket> {
    if (!this.ip) return Promise.resolve(NO_TICKET);
    const subject: AttemptSubject = {
      scope: 'sign-in:ip',
      key: this.keys.of('sign-in:ip', ip),
      policy: this.ip,
      onSuccess: 'refund',
    };
    return this.attempts.begin([subject]);
  }

  succeeded(ticket: AttemptTicket): Promise<void> {
    return this.attempts.settle(ticket);
  }

  /** Runs `work` inside the limit: a failure keeps the attempt counted, a success refunds it. */
  async guard<T>(ip: string, work: () => Promise<T>): Promise<T> {
    const ticket = await this.begin(ip);
    const result = await work();
    await this.succeeded(ticket);
    return result;
  }
}
