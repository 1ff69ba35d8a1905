import type { AppConfig } from '@jobbro/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

/**
 * The API serves JSON and PDF documents, nothing a browser should run or frame: its CSP allows
 * nothing. The few HTML pages (sign-in link, invitation, sign-up, /dev/mail and the development
 * query page at GET /graphql, see graphql-sandbox.ts) set their own narrow CSP.
 */
const NOTHING = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

export function useSecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  const api = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: NOTHING },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.use(api);

  // Browsers may call the API only from the configured origins (the portal's by default). Tokens
  // travel in the Authorization header, never in cookies, so credentials stay off.
  app.enableCors({
    origin: [...config.corsOrigins],
    credentials: false,
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'accept-language',
      'apollo-require-preflight',
      'x-apollo-operation-name',
    ],
    maxAge: 600,
  });
}
