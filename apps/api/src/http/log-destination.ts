import type { AppConfig, LogLevel } from '@jobbro/core';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative } from 'node:path';
import type { Writable } from 'node:stream';
import pino, { type DestinationStream, type TransportSingleOptions } from 'pino';
import pretty from 'pino-pretty';

/** A log file larger than this at start is moved aside to `<file>.1` (one generation kept). */
export const LOG_FILE_KEEP_BYTES = 10 * 1024 * 1024;

const PRETTY = { singleLine: true, ignore: 'pid,hostname,req,res' };

const SEVERITY: Record<LogLevel, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};

/** Where pino-http writes: one of `stream` or `transport`, or neither for JSON lines on stdout. */
export interface LogDestination {
  stream?: DestinationStream | Writable;
  transport?: TransportSingleOptions;
}

/**
 * Where the API's log lines go:
 * - a test's `logStream`, when given (to inspect every line);
 * - with LOG_FILE (development's default, `.data/logs/api.log`): JSON lines to that file, and
 *   warnings and errors also on the console, one readable line each, so the start banner is not
 *   buried under request and bootstrap lines but nothing that needs attention is hidden;
 * - otherwise stdout: readable lines on a developer's terminal, JSON lines everywhere else
 *   (production, containers, CI).
 */
export function logDestination(
  config: AppConfig,
  options: { logStream?: Writable; isTTY?: boolean; console?: Writable } = {},
): LogDestination {
  if (options.logStream) return { stream: options.logStream };
  const isTTY = options.isTTY ?? process.stdout.isTTY === true;
  if (config.logFile !== undefined) {
    const file = openLogFile(config.logFile);
    if (config.logLevel === 'silent') return { stream: file };
    const consoleLevel = SEVERITY[config.logLevel] > SEVERITY.warn ? config.logLevel : 'warn';
    const console = pretty({
      ...PRETTY,
      destination: options.console ?? 2,
      sync: true,
      colorize: isTTY,
    });
    return {
      stream: pino.multistream([
        { level: config.logLevel, stream: file },
        { level: consoleLevel, stream: console },
      ]),
    };
  }
  if (config.nodeEnv === 'development' && isTTY) {
    return { transport: { target: 'pino-pretty', options: PRETTY } };
  }
  return {};
}

/** The log file, appended to (synchronously, so the last lines before an exit are kept). */
function openLogFile(file: string): DestinationStream {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (existsSync(file) && statSync(file).size > LOG_FILE_KEEP_BYTES) {
    renameSync(file, `${file}.1`);
  }
  return pino.destination({ dest: file, sync: true, append: true, mode: 0o600 });
}

/** The log file as the banner names it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
