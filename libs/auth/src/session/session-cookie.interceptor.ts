import { AppConfig } from '@jobbro/core';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { map, type Observable } from 'rxjs';
import { AUTH_PAYLOAD_TYPE, type AuthPayloadModel } from '../models/user.model';
import { isPortalRequest, setRefreshCookie } from './session-cookie';

/**
 * Every mutation that signs someone in answers an AuthPayload. For the portal (a request with
 * `X-Jobbro-Client: portal`) this moves the refresh token out of the reply into the HttpOnly
 * cookie, so page JavaScript never holds it. Keyed on the return type, so a new sign-in mutation
 * is covered without being listed anywhere. Other clients get the reply unchanged.
 */
@Injectable()
export class SessionCookieInterceptor implements NestInterceptor {
  constructor(private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (
      info.parentType.name !== 'Mutation' ||
      getNamedType(info.returnType).name !== AUTH_PAYLOAD_TYPE
    )
      return next.handle();
    const { req, res } = gql.getContext<{ req: Request; res: Response }>();
    if (!isPortalRequest(req)) return next.handle();
    return next.handle().pipe(
      map((payload: AuthPayloadModel) => {
        if (payload.refreshToken) setRefreshCookie(res, this.config, payload.refreshToken);
        return { ...payload, refreshToken: null };
      }),
    );
  }
}
