import { CommonException } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { sendRefusal } from './http-error';

/** Seconds a client is told to wait before retrying: a restart takes a few seconds. */
export const SHUTDOWN_RETRY_AFTER_SECONDS = 5;

/**
 * Graceful shutdown of the HTTP server. After `begin()` the server keeps listening for as long as
 * requests are in flight: those complete, while each new request gets a clean 503
 * SERVICE_UNAVAILABLE with Retry-After and `Connection: close` (rather than a reset connection),
 * and /health/ready reports not ready so a load balancer stops sending traffic.
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

  /** Express middleware: first in the chain, so a refused request costs nothing else. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (this.draining) {
      res.setHeader('Connection', 'close');
      // Health endpoints answer for themselves: live stays up, ready says draining.
      if (!isHealthPath(req.path)) {
        sendRefusal(
          req,
          res,
          new CommonException('SHUTTING_DOWN', { retryAfter: SHUTDOWN_RETRY_AFTER_SECONDS }),
        );
        return;
      }
    }
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
}

export function isHealthPath(path: string): boolean {
  return path === '/health' || path.startsWith('/health/');
}
