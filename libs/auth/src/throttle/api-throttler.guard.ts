import { CommonException, requestOf } from '@jobbro/core';
import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request } from 'express';
import { clientIp } from './client-ip';
import { RateLimitKeys } from './rate-limit-keys';

/**
 * The general per-IP limit on the whole API (RATE_LIMIT_PER_MINUTE requests a minute from one
 * client IP), a global guard registered before AccessGuard so that floods are refused before any
 * token is checked. /health is not limited (load balancers and monitors poll it).
 *
 * Counted once per HTTP request: Nest runs guards once per root field of a GraphQL operation, so
 * the first root field's decision is kept for the request's others. A GraphQL request that
 * reaches no resolver at all (`{ __typename }`, introspection, a parse or validation error) never
 * meets a guard and is not counted; it does no work beyond parsing a body of bounded size.
 */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  private readonly decided = new WeakMap<Request, Promise<boolean>>();
  private readonly recentKeys = new Map<string, string>();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly keys: RateLimitKeys,
  ) {
    super(options, storage, reflector);
  }

  override canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    let decision = this.decided.get(req);
    if (!decision) {
      decision = super.canActivate(context);
      this.decided.set(req, decision);
    }
    return decision;
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(
      context.getType<string>() === 'http' && requestOf(context).path.startsWith('/health'),
    );
  }

  protected override getRequestResponse(context: ExecutionContext): {
    req: Record<string, unknown>;
    res: Record<string, unknown>;
  } {
    const req = requestOf(context);
    return {
      req: req as unknown as Record<string, unknown>,
      res: req.res as unknown as Record<string, unknown>,
    };
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    return Promise.resolve(clientIp(req as unknown as Request));
  }

  /** One bucket per client IP for the whole API (not per handler), stored as a keyed hash. */
  protected override generateKey(_: ExecutionContext, tracker: string, name: string): string {
    const id = `${name}\0${tracker}`;
    let key = this.recentKeys.get(id);
    if (key === undefined) {
      // The HMAC was a quarter of the guard's cost per request; recent clients keep theirs.
      if (this.recentKeys.size >= 10_000) this.recentKeys.clear();
      key = this.keys.of(`throttle:${name}`, tracker);
      this.recentKeys.set(id, key);
    }
    return key;
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    requestOf(context).res?.setHeader('Retry-After', String(retryAfter));
    throw new CommonException('RATE_LIMITED', { retryAfter });
  }
}
