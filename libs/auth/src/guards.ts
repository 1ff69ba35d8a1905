import {
  CommonException,
  isDatabaseUnavailable,
  type Principal,
  PUBLIC_KEY,
  requestOf,
  type Role,
  ROLES_KEY,
} from '@jobbro/core';
import { type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { clientIp } from './throttle/client-ip';
import { SignInLimiter } from './throttle/sign-in.limiter';

/**
 * The global guard. Fails closed: a handler marked neither @Public nor @Roles is refused
 * (and a test lists such handlers), a missing or bad token is UNAUTHENTICATED, a wrong role FORBIDDEN.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext): Request {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} has neither @Public nor @Roles`,
      );
      throw new CommonException('FORBIDDEN');
    }
    await super.canActivate(context);
    const user = requestOf(context).user as Principal;
    if (!roles.includes(user.role)) throw new CommonException('FORBIDDEN');
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // The session check reads PostgreSQL: a lost database is a 503, not a reason to sign out.
    if (isDatabaseUnavailable(err)) throw err;
    if (err || !user) throw new CommonException('UNAUTHENTICATED');
    return user;
  }
}

/**
 * Runs the local (email + password) strategy for the `login` mutation's arguments, inside the
 * sign-in limits: the attempt is counted (or refused with RATE_LIMITED) before the password hash
 * is verified, so a locked account costs an attacker's guesses no argon2 time, and even the right
 * password is refused while the account waits. See SignInLimiter for the numbers.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  constructor(private readonly signIns: SignInLimiter) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = this.getRequest(context);
    const { email } = req.body as { email: string };
    // A refusal is RATE_LIMITED with retryAfter; httpStatusPlugin answers 429 with Retry-After.
    const ticket = await this.signIns.begin(email, clientIp(req));
    try {
      await super.canActivate(context);
    } catch (e) {
      await this.signIns.failed(ticket);
      throw e;
    }
    await this.signIns.succeeded(ticket);
    return true;
  }

  override getRequest(context: ExecutionContext): Request {
    const req = GqlExecutionContext.create(context).getContext<{ req: Request }>().req;
    const args = GqlExecutionContext.create(context).getArgs<{
      input: { email: string; password: string };
    }>();
    req.body = { ...(req.body as object), email: args.input.email, password: args.input.password };
    return req;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // Not `instanceof Error`: errors made by Node itself (a refused connection) may come from
    // another realm (Jest's sandbox), and must still reach the filter, not become a bad input.
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrown as received
    if (err) throw err;
    if (!user) throw new CommonException('VALIDATION_FAILED');
    return user;
  }
}
