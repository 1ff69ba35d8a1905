import { CommonException, type DomainException, sendRefusal } from '@jobbro/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const JSON_TYPES = ['application/json', 'application/*+json'];
const REFUSAL = Symbol('refusal');
type MaybeRefused = Request & { [REFUSAL]?: DomainException };

/**
 * The one body parser of the API: JSON in UTF-8, uncompressed, at most `limitBytes`. Everything
 * the API accepts is JSON (GraphQL over HTTP), so any other media type, charset or content
 * encoding is refused with 415 before a byte is parsed, a larger body with 413, and a body that
 * is not JSON with 400. Refusals never log or echo the body (a parser error carries it).
 * Call before `init()`, and create the app with `bodyParser: false` so Nest adds no other parser.
 *
 * The parser runs before Nest's module middleware, so it only notes a refusal on the request;
 * `answerRefusals` (after the request logger, see HttpModule) sends it, so refusals are logged.
 */
export function useBodyParser(app: NestExpressApplication, limitBytes: number): void {
  app.use(refuseOtherMediaTypes);
  app.useBodyParser('json', {
    limit: limitBytes,
    // Compressed bodies are refused: inflating them is where decompression bombs live.
    inflate: false,
    strict: true,
    type: JSON_TYPES,
  });
  // Express passes a parser's error to the next error handler: this one, before any route.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction): void => {
    const type = (error as { type?: unknown } | undefined)?.type;
    if (typeof type !== 'string') {
      next(error);
      return;
    }
    const refusal = refusalFor(type, limitBytes);
    if (!refusal) {
      res.destroy(); // the client went away while sending
      return;
    }
    (req as MaybeRefused)[REFUSAL] = refusal;
    next();
  });
}

/** Sends the refusal the parser noted, if any. */
export function answerRefusals(req: Request, res: Response, next: NextFunction): void {
  const refusal = (req as MaybeRefused)[REFUSAL];
  if (refusal) sendRefusal(req, res, refusal);
  else next();
}

function refuseOtherMediaTypes(req: Request, _res: Response, next: NextFunction): void {
  if (hasContent(req) && !req.is(JSON_TYPES)) {
    (req as MaybeRefused)[REFUSAL] = new CommonException('UNSUPPORTED_MEDIA_TYPE');
  }
  next();
}

/** A body is on its way: chunked, or a length above zero (an empty POST is left to GraphQL). */
function hasContent(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isNaN(length) || length > 0;
}

function refusalFor(type: string, limitBytes: number): DomainException | undefined {
  switch (type) {
    case 'request.aborted':
      return undefined;
    case 'entity.too.large':
      return new CommonException('PAYLOAD_TOO_LARGE', {
        limit: `${Math.floor(limitBytes / 1024)} kB`,
      });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new CommonException('UNSUPPORTED_MEDIA_TYPE');
    default:
      // Malformed JSON, a wrong Content-Length, a broken stream: the client sent something wrong.
      return new CommonException('VALIDATION_FAILED');
  }
}
