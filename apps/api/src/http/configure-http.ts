import type { AppConfig } from '@jobbro/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { useBodyParser } from './body-parsers';
import { Drain } from './drain';
import { useGraphqlSandbox } from './graphql-sandbox';
import { usePortal } from './portal';
import { useSecurityHeaders } from './security-headers';

/**
 * Everything the HTTP server does before a request reaches Nest's modules and GraphQL, in one
 * place used by both main.ts and the test app (so the tests exercise exactly this): security
 * headers, CORS, no X-Powered-By, the portal's files, and the one body parser with its limit.
 * Call after creating the app (with `bodyParser: false`) and before `init()`/`listen()`. The refusals and the drain are
 * answered by HttpModule's middleware, after the request logger.
 * Returns the drain that main.ts starts on SIGTERM.
 */
export function configureHttp(app: NestExpressApplication, config: AppConfig): Drain {
  // TRUST_PROXY decides what `req.ip` is: with `false` the TCP peer; with a hop count or the
  // proxies' addresses, the client address those proxies wrote into X-Forwarded-For. Every per-IP
  // limit counts `req.ip`, so trusting a hop that is not ours would let a client choose its IP.
  app.set('trust proxy', config.trustProxy);
  const drain = app.get(Drain);
  // First: a request still sending its body is already in flight for the drain.
  app.use(drain.track);
  useSecurityHeaders(app, config);
  // Development's offline query page at GET /graphql (Apollo's landing page is off everywhere).
  if (!config.isProduction) useGraphqlSandbox(app);
  // The portal at / and its deep links; the API's own paths pass through (portal.ts).
  usePortal(app, config);
  useBodyParser(app, config.bodyLimitBytes);
  return drain;
}
