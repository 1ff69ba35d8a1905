import { type AttemptPolicy, type AttemptState, decideAttempt } from './attempt-policy';

const policy: AttemptPolicy = {
  maxFailures: 100,
  windowSeconds: 3600,
  freeFailures: 5,
  baseDelaySeconds: 1,
  maxDelaySeconds: 300,
};
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);
const state = (failures: number, blockedUntil: Date | null = null): AttemptState => ({
  windowStart: t0,
  failures,
  blockedUntil,
});

describe('decideAttempt', () => {
  it('lets the first attempt in and counts it', () => {
    expect(decideAttempt(null, policy, t0)).toEqual({
      allowed: true,
      next: { windowStart: t0, failures: 1, blockedUntil: null },
      delaySeconds: 0,
    });
  });

  it.each([
    // failures so far -> the wait the attempt that makes one more failure sets
    [0, 0],
    [3, 0],
    [4, 1],
    [5, 2],
    [6, 4],
    [7, 8],
    [12, 256],
    [13, 300],
    [60, 300],
  ])('after %i failures the next attempt sets a wait of %i s', (failures, wait) => {
    const decision = decideAttempt(state(failures), policy, at(10));
    expect(decision).toEqual({
      allowed: true,
      next: { windowStart: t0, failures: failures + 1, blockedUntil: wait ? at(10 + wait) : null },
      delaySeconds: wait,
    });
  });

  it('refuses while a wait lasts, saying how long is left (rounded up)', () => {
    expect(decideAttempt(state(7, at(20)), policy, at(12.5))).toEqual({
      allowed: false,
      retryAfterSeconds: 8,
    });
  });

  it('refuses once the window holds the most failures allowed, until the window ends', () => {
    expect(decideAttempt(state(100), policy, at(600))).toEqual({
      allowed: false,
      retryAfterSeconds: 3000,
    });
  });

  it('starts a fresh window after an hour', () => {
    expect(decideAttempt(state(100), policy, at(3600))).toEqual({
      allowed: true,
      next: { windowStart: at(3600), failures: 1, blockedUntil: null },
      delaySeconds: 0,
    });
  });

  it('honours a wait that outlasts its window', () => {
    expect(decideAttempt(state(20, at(3700)), policy, at(3650))).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
    });
  });

  it('never delays where free failures are unlimited (per-IP counting)', () => {
    const perIp = { ...policy, maxFailures: 1000, freeFailures: Infinity };
    expect(decideAttempt(state(999), perIp, at(1))).toEqual({
      allowed: true,
      next: { windowStart: t0, failures: 1000, blockedUntil: null },
      delaySeconds: 0,
    });
    expect(decideAttempt(state(1000), perIp, at(1))).toEqual({
      allowed: false,
      retryAfterSeconds: 3599,
    });
  });
});
