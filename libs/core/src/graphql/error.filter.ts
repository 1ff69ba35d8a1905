import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { type CommonErrorCode, CommonException } from '../errors/common.exception';
import { fromDatabaseError, loggableError } from '../errors/database-errors';
import { DomainException, type GraphqlErrorCode, HTTP_STATUS_OF } from '../errors/domain.exception';
import { type Language, languageFrom } from '../i18n/language';

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
  return fromDatabaseError(error);
}

/** The `extensions` a client sees for a domain error: code, reason, retryAfter, field messages. */
export function errorExtensions(
  domain: DomainException,
  language: Language,
): Record<string, unknown> & { code: GraphqlErrorCode } {
  return {
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
}

/** The GraphQL error for a domain error, in the caller's language. */
export function toGraphqlError(domain: DomainException, language: Language): GraphQLError {
  return new GraphQLError(domain.localizedMessage(language), {
    extensions: errorExtensions(domain, language),
  });
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
      // A random id that the log line below carries too; it tells nothing about traffic.
      const correlationId = randomUUID();
      const { summary, stack } = loggableError(exception);
      this.logger.error(`${summary} [correlationId=${correlationId}]`, stack);
      domain = new CommonException('INTERNAL', { correlationId });
    } else if (domain.code === 'DATABASE_UNAVAILABLE') {
      this.logger.warn(`Database unavailable: ${loggableError(exception).summary}`);
    }

    if (isGraphql) return toGraphqlError(domain, language);

    const res = host.switchToHttp().getResponse<Response>();
    if (typeof domain.params.retryAfter === 'number') {
      res.setHeader('Retry-After', String(domain.params.retryAfter));
    }
    res.status(HTTP_STATUS_OF[domain.graphqlCode]).json({
      error: { message: domain.localizedMessage(language), ...errorExtensions(domain, language) },
    });
    return undefined;
  }
}
