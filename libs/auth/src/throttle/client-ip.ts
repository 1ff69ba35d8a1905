import { requestOf } from '@jobbro/core';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { normalizeIp } from '@nestjs/throttler';
import type { Request } from 'express';

/**
 * The client's IP as the limits count it. `req.ip` is the TCP peer unless TRUST_PROXY names the
 * proxies in front of us (then it is the address those proxies put in X-Forwarded-For); IPv6
 * clients are counted per /64, as one subscriber usually holds a whole /64.
 */
export function clientIp(req: Request): string {
  const ip = req.ip ?? req.socket.remoteAddress;
  return ip ? normalizeIp(ip, 64) : 'unknown';
}

/** The calling client's IP (as `clientIp` counts it), for a resolver or controller argument. */
export const ClientIp = createParamDecorator((_: unknown, context: ExecutionContext): string =>
  clientIp(requestOf(context)),
);
