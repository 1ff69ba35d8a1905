import {
  AUDIT_OPERATION_KEY,
  CITIZEN_ARGS_KEY,
  CommonException,
  isDatabaseUnavailable,
  loggableError,
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
import { type GraphQLResolveInfo, OperationTypeNode } from 'graphql';
import { type AuditAction, AuditService } from './audit.service';
import { clientIp } from './throttle/client-ip';
import { SignInLimiter } from './throttle/sign-in.limiter';

/**
 * The global guard. Fails closed: a handler marked neither @Public nor @Roles is refused
 * (and a test lists such handlers), a missing or bad token is UNAUTHENTICATED, a wrong role FORBIDDEN.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {
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
    if (!roles.includes(user.role)) {
      await this.auditRefusal(context, user);
      throw new CommonException('FORBIDDEN');
    }
    return true;
  }

  /**
   * A refusal by the role check of an operation whose arguments name a citizen (`citizenId`
   * anywhere in the top two levels, or paths marked with @CitizenArgs) is written to the audit
   * trail like a refusal by the citizen access policy: who, which operation, whose, denied.
   * Only ids of citizens that exist are recorded. Never fails the request beyond the refusal.
   */
  private async auditRefusal(context: ExecutionContext, principal: Principal): Promise<void> {
    const marked = this.reflector.get<string[] | undefined>(CITIZEN_ARGS_KEY, context.getHandler());
    let args: Record<string, unknown>;
    let operation: string;
    let action: AuditAction;
    if (context.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<GraphQLResolveInfo>();
      args = gql.getArgs<Record<string, unknown>>();
      operation = info.fieldName;
      action = info.operation.operation === OperationTypeNode.QUERY ? 'read' : 'update';
    } else {
      const req = context.switchToHttp().getRequest<Request>();
      args = { params: req.params, query: req.query };
      operation =
        this.reflector.get<string | undefined>(AUDIT_OPERATION_KEY, context.getHandler()) ??
        context.getHandler().name;
      action = req.method === 'GET' ? 'read' : 'update';
    }
    const citizenIds = citizenIdsIn(args, marked ?? []);
    if (citizenIds.length === 0) return;
    if (operation.startsWith('export')) action = 'export';
    try {
      await this.audit.recordForExistingCitizens({
        principal,
        citizenIds,
        action,
        operation,
        allowed: false,
      });
    } catch (e) {
      this.logger.error(`Could not audit a refused ${operation}: ${loggableError(e).summary}`);
    }
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // The session check reads PostgreSQL: a lost database is a 503, not a reason to sign out.
    if (isDatabaseUnavailable(err)) throw err;
    if (err || !user) throw new CommonException('UNAUTHENTICATED');
    return user;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The citizen ids an operation's arguments name: `citizenId` keys (two levels) and marked paths. */
export function citizenIdsIn(args: Record<string, unknown>, paths: readonly string[]): string[] {
  const found = new Set<string>();
  const take = (value: unknown): void => {
    if (typeof value === 'string' && UUID.test(value)) found.add(value.toLowerCase());
  };
  for (const [key, value] of Object.entries(args)) {
    if (key === 'citizenId') take(value);
    if (value && typeof value === 'object' && !Array.isArray(value))
      take((value as Record<string, unknown>).citizenId);
  }
  for (const path of paths) {
    let value: unknown = args;
    for (const part of path.split('.')) {
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : null;
    }
    take(value);
  }
  return [...found].slice(0, 20);
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
