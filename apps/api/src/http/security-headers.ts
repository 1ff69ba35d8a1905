import type { AppConfig } from '@jobbro/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

/**
 * The API serves JSON and PDF documents, nothing a browser should run or frame: its CSP allows
 * nothing. The HTML it serves sets its own narrow CSP: the portal (portal.ts), /dev/mail and the
 * development query page at GET /graphql (graphql-sandbox.ts).
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

  // Browsers may call the API only from the configured origins (the portal's by default). Access
  // tokens travel in the Authorization header; the one cookie (the portal's refresh token, see
  // libs/auth session-cookie.ts) is SameSite=Strict and same-origin only, so credentials stay off.
  // x-jobbro-client marks the portal's requests: a custom header, so a browser preflights it.
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
      'x-jobbro-client',
    ],
    maxAge: 600,
  });
}
