import type { AppConfig } from '@jobbro/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { useBodyParser } from './body-parsers';
import { Drain } from './drain';
import { useSecurityHeaders } from './security-headers';

/**
 * Everything the HTTP server does before a request reaches Nest's routes and GraphQL, in one
 * place used by both main.ts and the test app (so the tests exercise exactly this). Call after
 * creating the app (with `bodyParser: false`) and before `init()`/`listen()`.
 * Returns the drain that main.ts starts on SIGTERM.
 */
export function configureHttp(app: NestExpressApplication, config: AppConfig): Drain {
  const drain = app.get(Drain);
  // Headers and CORS first, so even a refusal is readable by the portal and carries them.
  useSecurityHeaders(app, config);
  app.use(drain.middleware);
  useBodyParser(app, config.bodyLimitBytes);
  return drain;
}
