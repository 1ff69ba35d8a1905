import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isHealthPath } from '@jobbro/core';

/**
 * What the request logger may write about a request: its method, its path without the query
 * string, and a random id. URLs carry GraphQL variables (CPR numbers), tokens
 * (`?access_token=`) and search terms in the query string; headers carry tokens; bodies carry
 * personal data. None of them is logged, at any level.
 */
export const requestLogOptions = {
  // Random, so an error id shown to a client reveals nothing about traffic volume.
  genReqId: (): string => randomUUID(),
  serializers: {
    req: (req: { id?: unknown; method?: unknown; url?: unknown }) => ({
      id: req.id,
      method: req.method,
      path: loggablePath(req.url),
    }),
    res: (res: { statusCode?: unknown }) => ({ statusCode: res.statusCode }),
  },
  // Health probes every few seconds would drown the log.
  autoLogging: { ignore: (req: IncomingMessage) => isHealthPath(pathOf(req.url)) },
  // pino-http would otherwise attach the error of a failed response, message and all; the error
  // filter logs unexpected errors itself, with a correlation id and without data.
  customErrorObject: (
    _req: IncomingMessage,
    _res: ServerResponse,
    _error: Error,
    value: { res?: unknown; responseTime?: unknown },
  ) => ({ res: value.res, responseTime: value.responseTime }),
};

export function pathOf(url: unknown): string {
  if (typeof url !== 'string') return '';
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUTE_WORD = /^[a-z][a-z.-]{0,29}$/;

/**
 * The path as the log may show it: our routes are lower-case words and UUIDs. Anything else a
 * client put in a path (a CPR number or an email on an unknown route) becomes `:value`.
 */
export function loggablePath(url: unknown): string {
  return pathOf(url)
    .split('/')
    .map((segment) =>
      segment === '' || UUID.test(segment) || ROUTE_WORD.test(segment) ? segment : ':value',
    )
    .join('/');
}
