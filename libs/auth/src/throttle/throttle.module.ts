import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { ApiRateLimitMiddleware } from './api-rate-limit.middleware';
import { AttemptLimiter } from './attempt-limiter';
import { PgThrottlerStorage } from './pg-throttler.storage';
import { RateLimitKeys } from './rate-limit-keys';
import { RateLimitRepository } from './rate-limit.repository';
import { SignInAttemptRepository } from './sign-in-attempt.repository';
import { SignInLimiter } from './sign-in.limiter';
import { MagicLinkLimiter, SignUpLimiter } from './mail-request.limiter';
import { InvitationLimiter, TokenSignInLimiter } from './people.limiter';

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
    MagicLinkLimiter,
    InvitationLimiter,
    TokenSignInLimiter,
    ApiRateLimitMiddleware,
  ],
  exports: [
    RateLimitStoreModule,
    AttemptLimiter,
    SignInLimiter,
    SignUpLimiter,
    MagicLinkLimiter,
    InvitationLimiter,
    TokenSignInLimiter,
  ],
})
export class ThrottleModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ApiRateLimitMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
