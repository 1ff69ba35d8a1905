import { AppConfig, CommonException, isHealthPath, sendRefusal } from '@jobbro/core';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { clientIp } from './client-ip';
import { PgThrottlerStorage } from './pg-throttler.storage';
import { RateLimitKeys } from './rate-limit-keys';

const WINDOW_MS = 60_000;

/**
 * The general per-IP limit on the whole API: RATE_LIMIT_PER_MINUTE requests a minute from one
 * client IP, counted for every HTTP request (GraphQL, whatever it asks for, including
 * `{ __typename }`, introspection and requests that fail to parse, and REST routes), before any
 * token is checked. /health is not limited: load balancers and monitors poll it.
 *
 * A middleware rather than a guard: guards run only for requests that reach a resolver, so a
 * flood of requests that never do would go uncounted. Counts live in @nestjs/throttler's storage
 * contract, implemented on PostgreSQL so that every API process shares them.
 */
@Injectable()
export class ApiRateLimitMiddleware implements NestMiddleware {
  constructor(
    private readonly config: AppConfig,
    private readonly storage: PgThrottlerStorage,
    private readonly keys: RateLimitKeys,
  ) {}

  use = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const limit = this.config.rateLimitPerMinute;
    if (limit === 0 || isHealthPath(req.path)) return next();
    const record = await this.storage.increment(
      this.keys.of('throttle:api', clientIp(req)),
      WINDOW_MS,
      limit,
      0,
      'api',
    );
    if (!record.isBlocked) return next();
    sendRefusal(
      req,
      res,
      new CommonException('RATE_LIMITED', { retryAfter: Math.max(1, record.timeToBlockExpire) }),
    );
  };
}
