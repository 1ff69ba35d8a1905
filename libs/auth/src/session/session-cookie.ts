import type { AppConfig } from '@jobbro/core';
import type { CookieOptions, Request, Response } from 'express';

/**
 * The portal keeps its refresh token where its own JavaScript cannot read it: in an HttpOnly
 * cookie that only the refresh and sign-out routes receive (Path=/auth/session), never sent from
 * another site (SameSite=Strict), only over HTTPS outside development and tests (Secure). The
 * access token stays in the page's memory and travels in the Authorization header as before.
 *
 * A request is the portal's when it carries `X-Jobbro-Client: portal`. That header is not one a
 * form or a plain cross-site request can send: a browser asks the API first (CORS preflight), and
 * the API allows only its configured origins. Other clients (scripts, apps) leave it out and keep
 * getting the refresh token in the GraphQL reply.
 */
export const REFRESH_COOKIE = 'jobbro_refresh';
export const REFRESH_COOKIE_PATH = '/auth/session';
export const CLIENT_HEADER = 'x-jobbro-client';
export const PORTAL_CLIENT = 'portal';

export function isPortalRequest(req: Request): boolean {
  return req.headers[CLIENT_HEADER] === PORTAL_CLIENT;
}

/** The cookie's attributes; Max-Age is the refresh token's own lifetime (REFRESH_TOKEN_TTL_DAYS). */
export function refreshCookieOptions(config: AppConfig): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    secure: config.nodeEnv !== 'development' && config.nodeEnv !== 'test',
    maxAge: config.refreshTokenTtlDays * 86_400_000,
  };
}

export function setRefreshCookie(res: Response, config: AppConfig, refreshToken: string): void {
  res.cookie(REFRESH_COOKIE, refreshToken, refreshCookieOptions(config));
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  const { maxAge: _, ...attributes } = refreshCookieOptions(config);
  res.clearCookie(REFRESH_COOKIE, attributes);
}

/** The refresh token the cookie carries (parsed by cookie-parser), if any. */
export function refreshCookieOf(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
