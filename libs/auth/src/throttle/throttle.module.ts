import { AppConfig } from '@jobbro/core';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AttemptLimiter } from './attempt-limiter';
import { PgThrottlerStorage } from './pg-throttler.storage';
import { RateLimitKeys } from './rate-limit-keys';
import { RateLimitRepository } from './rate-limit.repository';
import { SignInAttemptRepository } from './sign-in-attempt.repository';
import { SignInLimiter } from './sign-in.limiter';

/** The shared counters, in a module of their own so the throttler's options can take the store. */
@Module({
  providers: [RateLimitKeys, RateLimitRepository, PgThrottlerStorage],
  exports: [RateLimitKeys, PgThrottlerStorage],
})
class RateLimitStoreModule {}

/**
 * Rate limits: the general per-IP limit (ApiThrottlerGuard, registered as a global guard by
 * AuthModule ahead of AccessGuard) and attempt limits for sign-in and other guessable flows
 * (AttemptLimiter, SignInLimiter).
 */
@Module({
  imports: [
    RateLimitStoreModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStoreModule],
      inject: [AppConfig, PgThrottlerStorage],
      useFactory: (config: AppConfig, storage: PgThrottlerStorage) => ({
        throttlers: [{ name: 'api', ttl: 60_000, limit: config.rateLimitPerMinute }],
        storage,
        skipIf: () => config.rateLimitPerMinute === 0,
        // Only Retry-After, on refusals (set by the guard); no X-RateLimit-* on every response.
        setHeaders: false,
      }),
    }),
  ],
  providers: [SignInAttemptRepository, AttemptLimiter, SignInLimiter],
  exports: [RateLimitStoreModule, AttemptLimiter, SignInLimiter],
})
export class ThrottleModule implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /**
   * TRUST_PROXY becomes express's `trust proxy`, which decides what `req.ip` is: with `false`
   * the TCP peer; with a hop count or the proxies' addresses, the client address those proxies
   * wrote into X-Forwarded-For. Every per-IP limit counts `req.ip`, so trusting a hop that is not
   * ours would let any client choose its IP. Set here rather than in main.ts so that tests, which
   * build the app without main.ts, get the same behaviour.
   */
  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance<{
      set?: (k: string, v: unknown) => void;
    }>();
    app?.set?.('trust proxy', this.config.trustProxy);
  }
}
