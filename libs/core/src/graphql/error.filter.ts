import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { type CommonErrorCode, CommonException } from '../errors/common.exception';
import { DomainException, HTTP_STATUS_OF } from '../errors/domain.exception';
import { languageFrom } from '../i18n/language';

const PG_UNIQUE = '23505';
const PG_FOREIGN_KEY = '23503';
const PG_CHECK = '23514';
const PG_NOT_NULL = '23502';
const PG_SERIALIZATION = '40001';
const PG_INVALID_TEXT = '22P02';
const PG_TOO_LONG = '22001';

const HTTP_TO_COMMON: Record<number, CommonErrorCode | undefined> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

/** Turns anything thrown into a domain exception; null for what we did not expect. */
export function toDomainException(error: unknown): DomainException | null {
  if (error instanceof DomainException) return error;
  if (error instanceof HttpException) {
    const code = HTTP_TO_COMMON[error.getStatus()];
    return code ? new CommonException(code) : null;
  }
  // Safety net: the services check first, but the database has the last word.
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string }).code;
    if (code === PG_UNIQUE) return new CommonException('ALREADY_EXISTS');
    if (code === PG_FOREIGN_KEY) return new CommonException('REFERENCE_NOT_FOUND');
    if (
      code === PG_CHECK ||
      code === PG_NOT_NULL ||
      code === PG_TOO_LONG ||
      code === PG_INVALID_TEXT
    ) {
      return new CommonException('CONSTRAINT_VIOLATED');
    }
    if (code === PG_SERIALIZATION) return new CommonException('VERSION_CONFLICT');
  }
  return null;
}

/**
 * The one place errors become client responses: a localized message, a stable `extensions.code`,
 * the domain `reason` and field details. Unknown errors are logged with a correlation id and
 * reach the client as a generic internal error, without stack or SQL.
 */
@Catch()
export class GraphqlErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const isGraphql = host.getType<string>() === 'graphql';
    const req = isGraphql
      ? GqlArgumentsHost.create(host).getContext<{ req?: Request }>().req
      : host.switchToHttp().getRequest<Request>();
    const language = languageFrom(req?.headers['accept-language']);

    let domain = toDomainException(exception);
    if (
      !domain &&
      !isGraphql &&
      exception instanceof HttpException &&
      exception.getStatus() < 500
    ) {
      const res = host.switchToHttp().getResponse<Response>();
      res.status(exception.getStatus()).json(exception.getResponse());
      return undefined;
    }
    if (
      !domain &&
      !isGraphql &&
      exception instanceof HttpException &&
      exception.getStatus() === 503
    ) {
      // Health checks report an unavailable dependency with a body worth keeping.
      const res = host.switchToHttp().getResponse<Response>();
      res.status(503).json(exception.getResponse());
      return undefined;
    }
    if (!domain) {
      const requestId = (req as { id?: unknown } | undefined)?.id;
      const correlationId =
        typeof requestId === 'string' || typeof requestId === 'number'
          ? String(requestId)
          : randomUUID();
      // Name, message and stack only: driver errors can carry row values in `detail`/`parameters`.
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`${err.name}: ${err.message} [correlationId=${correlationId}]`, err.stack);
      domain = new CommonException('INTERNAL', { correlationId });
    }

    const message = domain.localizedMessage(language);
    const extensions = {
      code: domain.graphqlCode,
      reason: domain.code,
      ...(typeof domain.params.retryAfter === 'number' && { retryAfter: domain.params.retryAfter }),
      ...(domain.fields.length > 0 && {
        fields: domain.fields.map((f) => ({
          field: f.field,
          constraint: f.constraint,
          message: f.message[language],
        })),
      }),
    };
    if (isGraphql) return new GraphQLError(message, { extensions });

    const res = host.switchToHttp().getResponse<Response>();
    res.status(HTTP_STATUS_OF[domain.graphqlCode]).json({ error: { message, ...extensions } });
    return undefined;
  }
}
