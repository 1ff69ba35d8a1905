/**
 * How many attempts of one kind (signing in, and later requesting a magic link or an invitation)
 * one subject (an account, an email, an IP) may make. A pure rule over the stored state, so the
 * numbers are tested without a database and every flow limits the same way.
 *
 * Every attempt is counted as a failure when it starts (under a row lock, see
 * AttemptLimiter): a burst of parallel guesses cannot all slip in before the first one is counted,
 * and the wait it imposes starts at once. When the attempt has failed, the wait starts again from
 * then (AttemptLimiter.fail), so the time spent checking the password does not eat into it. A
 * sign-in that succeeds takes its count back (AttemptLimiter.settle).
 */
export interface AttemptPolicy {
  /** Failures allowed per window; further attempts are refused until the window ends. */
  maxFailures: number;
  windowSeconds: number;
  /** Failures before the growing delay starts; Infinity for none. */
  freeFailures: number;
  /** The wait after the first delayed failure; it doubles with each further failure. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

/** At most `maxFailures` an hour, no growing delay (for IPs and mail requests). */
export const hourlyCap = (maxFailures: number): AttemptPolicy => ({
  maxFailures,
  windowSeconds: 3600,
  freeFailures: Infinity,
  baseDelaySeconds: 0,
  maxDelaySeconds: 0,
});

export interface AttemptState {
  windowStart: Date;
  failures: number;
  blockedUntil: Date | null;
}

export type AttemptDecision =
  /** `delaySeconds`: the wait this attempt imposes, restarted when it has failed (see fail()). */
  | { allowed: true; next: AttemptState; delaySeconds: number }
  | { allowed: false; retryAfterSeconds: number };

const secondsUntil = (then: number, now: Date): number =>
  Math.max(1, Math.ceil((then - now.getTime()) / 1000));

/** Whether an attempt may start now, and the state that counts it (as a failure until settled). */
export function decideAttempt(
  state: AttemptState | null,
  policy: AttemptPolicy,
  now: Date,
): AttemptDecision {
  // A delay can outlast the window it started in; it is honoured either way.
  if (state?.blockedUntil && state.blockedUntil.getTime() > now.getTime()) {
    return { allowed: false, retryAfterSeconds: secondsUntil(state.blockedUntil.getTime(), now) };
  }
  const windowMs = policy.windowSeconds * 1000;
  const current = state !== null && state.windowStart.getTime() + windowMs > now.getTime();
  const windowStart = current ? state.windowStart : now;
  const failures = current ? state.failures : 0;
  if (failures >= policy.maxFailures) {
    return {
      allowed: false,
      retryAfterSeconds: secondsUntil(windowStart.getTime() + windowMs, now),
    };
  }
  const counted = failures + 1;
  const delaySeconds =
    counted >= policy.freeFailures
      ? Math.min(
          policy.baseDelaySeconds * 2 ** (counted - policy.freeFailures),
          policy.maxDelaySeconds,
        )
      : 0;
  return {
    allowed: true,
    next: {
      windowStart,
      failures: counted,
      blockedUntil: delaySeconds > 0 ? new Date(now.getTime() + delaySeconds * 1000) : null,
    },
    delaySeconds,
  };
}
