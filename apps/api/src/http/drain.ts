import { CommonException, isHealthPath, sendRefusal } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Seconds a client is told to wait before retrying: a restart takes a few seconds. */
export const SHUTDOWN_RETRY_AFTER_SECONDS = 5;

const ADMITTED = Symbol('admitted before the drain');
type Tracked = Request & { [ADMITTED]?: boolean };

/**
 * Graceful shutdown of the HTTP server. After `begin()` the server keeps listening for as long as
 * requests are in flight: those complete, while each new request gets a clean 503
 * SERVICE_UNAVAILABLE with Retry-After and `Connection: close` (rather than a reset connection),
 * and /health/ready reports not ready so a load balancer stops sending traffic.
 *
 * Two middlewares: `track` first of all (configureHttp), so a request still sending its body
 * counts as in flight; `refuse` after the request logger (HttpModule), so refusals are logged.
 */
@Injectable()
export class Drain {
  private draining = false;
  private readonly inFlight = new Set<Response>();
  private idle: (() => void)[] = [];

  get isDraining(): boolean {
    return this.draining;
  }

  get requestsInFlight(): number {
    return this.inFlight.size;
  }

  begin(): void {
    if (this.draining) return;
    this.draining = true;
    // Keep-alive connections would otherwise stay open and keep the server from closing.
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  }

  /** Resolves true once no request is in flight, false if `timeoutMs` passes first. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  readonly track = (req: Request, res: Response, next: NextFunction): void => {
    (req as Tracked)[ADMITTED] = !this.draining;
    if (this.draining) res.setHeader('Connection', 'close');
    this.inFlight.add(res);
    const done = (): void => {
      if (!this.inFlight.delete(res) || this.inFlight.size > 0) return;
      const waiting = this.idle;
      this.idle = [];
      for (const resolve of waiting) resolve();
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };

  readonly refuse = (req: Request, res: Response, next: NextFunction): void => {
    // Health endpoints answer for themselves: live stays up, ready says draining.
    if ((req as Tracked)[ADMITTED] === false && !isHealthPath(req.path)) {
      sendRefusal(
        req,
        res,
        new CommonException('SHUTTING_DOWN', { retryAfter: SHUTDOWN_RETRY_AFTER_SECONDS }),
      );
      return;
    }
    next();
  };
}
