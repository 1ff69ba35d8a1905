import { CommonException } from '@jobbro/core';
import { Injectable, Logger } from '@nestjs/common';
import { type AttemptPolicy, decideAttempt } from './attempt-policy';
import { SignInAttemptRepository } from './sign-in-attempt.repository';

/** One thing an attempt is counted against: a keyed subject (see RateLimitKeys) and its policy. */
export interface AttemptSubject {
  /** What is counted, e.g. `sign-in:account`; part of the primary key. */
  scope: string;
  key: string;
  policy: AttemptPolicy;
  /** What a successful attempt does to the count: clear it, or take this one attempt back. */
  onSuccess: 'reset' | 'refund' | 'keep';
}

/** An attempt under way: what it was counted against, and the waits it imposed. */
export interface AttemptTicket {
  subjects: readonly AttemptSubject[];
  waits: readonly { subject: AttemptSubject; seconds: number }[];
}

/** Stale rows are swept now and then; no policy's window or delay is longer than a day. */
const SWEEP_EVERY_MS = 10 * 60_000;
const STALE_AFTER_SECONDS = 86_400;

/**
 * Limits attempts of any kind (sign-in now; magic-link and invitation requests next) against
 * several subjects at once, e.g. the account and the client IP. State lives in PostgreSQL under
 * row locks, so the limits hold across API processes and parallel requests.
 */
@Injectable()
export class AttemptLimiter {
  private readonly logger = new Logger(AttemptLimiter.name);
  private lastSweep = 0;

  constructor(private readonly repository: SignInAttemptRepository) {}

  /**
   * Counts one attempt against every subject, or throws RATE_LIMITED (with the longest wait of
   * the subjects that refuse) and counts nothing. Call it before any expensive work; then call
   * fail() or settle() with the ticket it returns.
   */
  async begin(subjects: readonly AttemptSubject[]): Promise<AttemptTicket> {
    this.sweepNowAndThen();
    const waits: { subject: AttemptSubject; seconds: number }[] = [];
    const retryAfter = await this.repository.transaction(async (manager) => {
      const { now, attempts } = await this.repository.lock(manager, subjects);
      const decisions = attempts.map((attempt) => {
        const subject = subjects.find((s) => s.scope === attempt.scope && s.key === attempt.key);
        if (!subject) throw new Error(`Locked an attempt row nobody asked for (${attempt.scope})`);
        return { attempt, subject, decision: decideAttempt(attempt.state, subject.policy, now) };
      });
      const refusals = decisions.flatMap(({ decision }) =>
        decision.allowed ? [] : [decision.retryAfterSeconds],
      );
      if (refusals.length > 0) return Math.max(...refusals);
      for (const { attempt, subject, decision } of decisions) {
        if (!decision.allowed) continue;
        await this.repository.save(manager, { ...attempt, state: decision.next });
        if (decision.delaySeconds > 0) waits.push({ subject, seconds: decision.delaySeconds });
      }
      return null;
    });
    if (retryAfter !== null) throw new CommonException('RATE_LIMITED', { retryAfter });
    return { subjects, waits };
  }

  /** The attempt failed: the waits it imposed start again from now. */
  async fail(ticket: AttemptTicket): Promise<void> {
    for (const { subject, seconds } of ticket.waits) {
      await this.repository.restartWait(subject, seconds);
    }
  }

  /** The attempt succeeded: each subject's count is cleared or given back, as it asks. */
  async settle(ticket: AttemptTicket): Promise<void> {
    for (const subject of ticket.subjects) {
      if (subject.onSuccess === 'reset') await this.repository.reset(subject);
      if (subject.onSuccess === 'refund') await this.repository.refund(subject);
    }
  }

  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.repository.deleteStale(STALE_AFTER_SECONDS).catch((e: unknown) => {
      this.logger.warn(`Could not sweep old sign-in attempts: ${(e as Error).message}`);
    });
  }
}
