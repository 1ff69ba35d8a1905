import { AppConfig, Public, sendRefusal } from '@jobbro/core';
import { Controller, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthException } from '../auth.exception';
import { AuthService } from '../auth.service';
import {
  clearRefreshCookie,
  isPortalRequest,
  refreshCookieOf,
  setRefreshCookie,
} from './session-cookie';

/**
 * The portal's session routes, which alone receive the refresh cookie (see session-cookie.ts):
 * - POST /auth/session/refresh rotates the cookie's refresh token (AuthService.refresh, with its
 *   reuse rule: a token presented twice ends its whole session) and answers a new access token;
 * - POST /auth/session/logout ends the cookie's session and clears the cookie.
 * Both require `X-Jobbro-Client: portal`; refusals have the API's JSON error shape.
 */
@Controller('auth/session')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('refresh')
  async refresh(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.fromPortal(req, res)) return;
    res.setHeader('cache-control', 'no-store');
    const token = refreshCookieOf(req);
    if (!token) return this.refuse(req, res, new AuthException('NO_SESSION'));
    let tokens;
    try {
      ({ tokens } = await this.auth.refresh(token));
    } catch (e) {
      // Expired, unknown or reused: the cookie is worth nothing any more. Anything else (the
      // database is down) goes to the error filter and leaves the cookie for a retry.
      if (e instanceof AuthException) return this.refuse(req, res, e);
      throw e;
    }
    setRefreshCookie(res, this.config, tokens.refreshToken);
    res.status(200).json({ accessToken: tokens.accessToken, expiresIn: tokens.expiresIn });
  }

  @Public()
  @Post('logout')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.fromPortal(req, res)) return;
    const token = refreshCookieOf(req);
    if (token) await this.auth.logout(token);
    clearRefreshCookie(res, this.config);
    res.status(204).end();
  }

  private fromPortal(req: Request, res: Response): boolean {
    if (isPortalRequest(req)) return true;
    sendRefusal(req, res, new AuthException('PORTAL_CLIENT_REQUIRED'));
    return false;
  }

  private refuse(req: Request, res: Response, error: AuthException): void {
    clearRefreshCookie(res, this.config);
    sendRefusal(req, res, error);
  }
}
