import { AppConfig } from '@jobbro/core';
import {
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnModuleInit,
  RequestMethod,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiRateLimitMiddleware } from './api-rate-limit.middleware';
import { AttemptLimiter } from './attempt-limiter';
import { PgThrottlerStorage } from './pg-throttler.storage';
import { RateLimitKeys } from './rate-limit-keys';
import { RateLimitRepository } from './rate-limit.repository';
import { SignInAttemptRepository } from './sign-in-attempt.repository';
import { SignInLimiter } from './sign-in.limiter';
import { SignUpLimiter } from './sign-up.limiter';

/** The shared counters (PostgreSQL behind an in-memory count), used by the middleware and by tests. */
@Module({
  providers: [RateLimitKeys, RateLimitRepository, PgThrottlerStorage],
  exports: [RateLimitKeys, PgThrottlerStorage],
})
class RateLimitStoreModule {}

/**
 * Rate limits: the general per-IP limit (ApiRateLimitMiddleware, on every route; as module
 * middleware it runs after the request logger, so refusals are logged with their status) and
 * attempt limits for sign-in and other guessable flows (AttemptLimiter, SignInLimiter).
 */
@Module({
  imports: [RateLimitStoreModule],
  providers: [
    SignInAttemptRepository,
    AttemptLimiter,
    SignInLimiter,
    SignUpLimiter,
    ApiRateLimitMiddleware,
  ],
  exports: [RateLimitStoreModule, AttemptLimiter, SignInLimiter, SignUpLimiter],
})
export class ThrottleModule implements OnModuleInit, NestModule {
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
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ApiRateLimitMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance<{
      set?: (k: string, v: unknown) => void;
    }>();
    app?.set?.('trust proxy', this.config.trustProxy);
  }
}
