import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { CommonException } from '../errors/common.exception';
import { type Language, languageFrom } from '../i18n/language';
import type { Principal, Role } from './principal';

export const PUBLIC_KEY = 'jobbro:public';
export const ROLES_KEY = 'jobbro:roles';

/** Anyone, signed in or not, may call this. Every resolver needs this or @Roles. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Signed-in users with one of these roles may call this; finer checks live in the service. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

export function requestOf(context: ExecutionContext): Request {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: Request }>().req;
  }
  return context.switchToHttp().getRequest<Request>();
}

/** The signed-in user; throws UNAUTHENTICATED where a resolver is public and nobody signed in. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => {
    const user = requestOf(context).user as Principal | undefined;
    if (!user) throw new CommonException('UNAUTHENTICATED');
    return user;
  },
);

/** The caller's language, from Accept-Language (Danish unless English is preferred). */
export const Lang = createParamDecorator((_: unknown, context: ExecutionContext): Language =>
  languageFrom(requestOf(context)?.headers['accept-language']),
);

export const CITIZEN_ARGS_KEY = 'jobbro:citizen-args';

/**
 * Names the arguments (paths such as `id` or `input.id`) that hold a citizen's id, where the name
 * does not say so. Arguments named `citizenId` (at the top or one level down) need no marking.
 * A refusal by the role check of an operation that names a citizen is audited like a refusal by
 * the citizen access policy.
 */
export const CitizenArgs = (...paths: string[]): MethodDecorator =>
  SetMetadata(CITIZEN_ARGS_KEY, paths);

export const AUDIT_OPERATION_KEY = 'jobbro:audit-operation';

/**
 * The operation name the audit trail records for a REST route (GraphQL operations are recorded
 * by their field name), e.g. `planPdf` for the plan's PDF.
 */
export const AuditedAs = (operation: string): MethodDecorator =>
  SetMetadata(AUDIT_OPERATION_KEY, operation);
