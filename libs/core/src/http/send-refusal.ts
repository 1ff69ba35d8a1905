import { type DomainException, HTTP_STATUS_OF } from '../errors/domain.exception';
import { errorExtensions } from '../graphql/error.filter';
import { languageFrom } from '../i18n/language';
import type { Request, Response } from 'express';

/**
 * Answers a request that is refused before it reaches GraphQL (body too large, wrong media type,
 * malformed JSON, shutting down) in the same shape as a GraphQL request error, so a client reads
 * every refusal the same way: `{"errors":[{"message":...,"extensions":{"code":...}}]}`.
 */
export function sendRefusal(req: Request, res: Response, error: DomainException): void {
  const language = languageFrom(req.headers['accept-language']);
  const retryAfter = error.params.retryAfter;
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  res.status(HTTP_STATUS_OF[error.graphqlCode]).json({
    errors: [
      { message: error.localizedMessage(language), extensions: errorExtensions(error, language) },
    ],
  });
}
