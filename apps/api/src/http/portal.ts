import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@jobbro/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';

/**
 * The portal (apps/portal, built by `npm run portal:build` into PORTAL_DIR) served from the API's
 * own origin and port: its files as they are, and its index.html for every other GET that is not
 * the API's, so a deep link (`/borgere/123`, `/log-ind/link#token=…`) opens the right page.
 *
 * Served before Nest's middleware, like the development query page: a static file is not an API
 * request, so it is neither logged nor counted by the per-IP limit. Anything else (other methods,
 * the API's paths) goes on to Nest unchanged, 404 included.
 */

/**
 * The paths that belong to the API and that the portal never answers, in one place (the portal's
 * dev server proxies the same list, apps/portal/vite.config.mts). Case-insensitive and with an
 * optional trailing slash, as Express matches its routes.
 */
const API_PATHS: readonly RegExp[] = [
  /^\/graphql(\/|$)/i,
  /^\/health(\/|$)/i,
  /^\/dev\/mail(\/|$)/i,
  /^\/auth(\/|$)/i,
  /^\/me\/plan\.pdf\/?$/i,
  /^\/citizens\/[^/]+\/plan\.pdf\/?$/i,
];

export function isApiPath(path: string): boolean {
  return API_PATHS.some((pattern) => pattern.test(path));
}

/**
 * The portal's pages run only the portal's own scripts and styles and talk only to this origin
 * (the API is the same origin). It replaces the API's deny-all policy on portal responses.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite names every file under /assets by its content hash: it never changes under its name. */
const ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the unhashed files: a browser revalidates them, so a deploy shows at once. */
const REVALIDATE = 'no-cache';

export const PORTAL_BUILD_COMMAND = 'npm run portal:build';

const NOT_BUILT = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>Jobbro – portalen er ikke bygget</title>
</head>
<body>
<main>
<h1>Portalen er ikke bygget</h1>
<p>Byg den med <code>${PORTAL_BUILD_COMMAND}</code>, og genindlæs siden.</p>
<p lang="en">The portal is not built. Build it with <code>${PORTAL_BUILD_COMMAND}</code> and reload the page.</p>
</main>
</body>
</html>
`;

/** Whether PORTAL_DIR holds a built portal (for the start banner). */
export function portalBuilt(config: AppConfig): boolean {
  return existsSync(join(config.portalDir, 'index.html'));
}

/** The request's path as a file path, or undefined when it is not valid percent-encoding. */
function filePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

interface SendError extends Error {
  code?: string;
  status?: number;
  statusCode?: number;
}

/** Call after the security headers (this replaces their CSP on the portal's responses). */
export function usePortal(app: NestExpressApplication, config: AppConfig): void {
  const root = config.portalDir;

  const send = (
    res: Response,
    file: string,
    cacheControl: string,
    onMissing: () => void,
    next: NextFunction,
  ): void => {
    res.sendFile(
      file,
      {
        root,
        dotfiles: 'ignore',
        cacheControl: false,
        headers: { 'cache-control': cacheControl, 'content-security-policy': PORTAL_CSP },
      },
      (err?: SendError) => {
        if (!err || res.headersSent || err.code === 'ECONNABORTED') return;
        // No such file (or a directory, a name too long, a path outside the root): not an error.
        const status = err.status ?? err.statusCode ?? 500;
        if (status < 500 || err.code === 'EISDIR') return onMissing();
        next(err);
      },
    );
  };

  const sendIndex = (res: Response, next: NextFunction): void =>
    send(
      res,
      'index.html',
      REVALIDATE,
      () => {
        res.status(503).setHeader('cache-control', 'no-store');
        res.type('html').send(NOT_BUILT);
      },
      next,
    );

  // The portal's own files are compressed (gzip or brotli, as the browser asks). API answers are
  // not: a reply that mixes a secret with what a client sent must not be compressed (BREACH).
  const compress = compression();

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (isApiPath(req.path)) return next();
    const file = filePath(req.path);
    if (file === undefined) return next();
    compress(req, res, () => servePortal(res, next, file));
  });

  const servePortal = (res: Response, next: NextFunction, file: string): void => {
    if (file.endsWith('/')) return sendIndex(res, next);
    const asset = file.startsWith(ASSETS);
    send(
      res,
      file,
      asset ? IMMUTABLE : REVALIDATE,
      // A hashed file that is not there (an old page after a deploy) is a 404, not the index.
      () => (asset ? next() : sendIndex(res, next)),
      next,
    );
  };
}
