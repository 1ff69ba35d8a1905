import type { AppConfig } from '@jobbro/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The API serves JSON and PDF documents, nothing a browser should run or frame: its CSP allows
 * nothing. The one HTML page is Apollo's sandbox at GET /graphql outside production; it loads its
 * script from Apollo's CDN, frames sandbox.embed.apollographql.com and adds its own nonce-based
 * CSP in a meta tag (browsers enforce both, so 'unsafe-inline' here still needs that nonce).
 */
const NOTHING = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

const SANDBOX_PAGE = {
  ...NOTHING,
  scriptSrc: ["'self'", "'unsafe-inline'", 'https://embeddable-sandbox.cdn.apollographql.com'],
  styleSrc: [
    "'unsafe-inline'",
    'https://embeddable-sandbox.cdn.apollographql.com',
    'https://fonts.googleapis.com',
  ],
  fontSrc: ['https://fonts.gstatic.com'],
  imgSrc: ['https://apollo-server-landing-page.cdn.apollographql.com'],
  manifestSrc: ['https://apollo-server-landing-page.cdn.apollographql.com'],
  frameSrc: ['https://sandbox.embed.apollographql.com'],
  connectSrc: ["'self'"],
};

export function useSecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  const api = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: NOTHING },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const sandbox = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: SANDBOX_PAGE },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const servesSandbox = !config.isProduction;
  app.use((req: Request, res: Response, next: NextFunction) => {
    const sandboxPage =
      servesSandbox && req.method === 'GET' && req.path === '/graphql' && !('query' in req.query);
    return (sandboxPage ? sandbox : api)(req, res, next);
  });

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
