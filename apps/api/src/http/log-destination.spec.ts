import { loadConfig } from '@jobbro/core';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { displayPath, LOG_FILE_KEEP_BYTES, logDestination } from './log-destination';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(40),
  CPR_ENCRYPTION_KEY: 'a'.repeat(64),
  SMTP_URL: 'smtp://127.0.0.1:9',
  MAIL_FROM: 'Jobbro <no-reply@example.dk>',
};

describe('where the API logs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jobbro-logs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const development = (env: Record<string, string> = {}) =>
    loadConfig({ NODE_ENV: 'development', DATA_DIR: dir, ...env });

  it('development logs to <DATA_DIR>/logs/api.log unless LOG_FILE says otherwise', () => {
    expect(development().logFile).toBe(join(dir, 'logs', 'api.log'));
    expect(development({ LOG_FILE: 'stdout' }).logFile).toBeUndefined();
    expect(development({ LOG_FILE: 'STDOUT' }).logFile).toBeUndefined();
    expect(development({ LOG_FILE: join(dir, 'x.log') }).logFile).toBe(join(dir, 'x.log'));
    expect(development({ LOG_FILE: 'tmp/x.log' }).logFile).toBe(resolve('tmp/x.log'));
  });

  it('production and tests log to stdout: JSON lines, no transport', () => {
    const production = loadConfig({ ...PRODUCTION, DATA_DIR: dir });
    expect(production.logFile).toBeUndefined();
    expect(logDestination(production, { isTTY: true })).toEqual({});
    expect(logDestination(production, { isTTY: false })).toEqual({});
    const test = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir });
    expect(test.logFile).toBeUndefined();
    expect(test.logLevel).toBe('silent');
    expect(logDestination(test)).toEqual({});
  });

  it("a test's stream wins over everything", () => {
    const stream = new Writable({ write: (_c, _e, done) => done() });
    expect(logDestination(development(), { logStream: stream })).toEqual({ stream });
  });

  it('development on a terminal with LOG_FILE=stdout gets readable lines', () => {
    const config = development({ LOG_FILE: 'stdout' });
    expect(logDestination(config, { isTTY: true }).transport?.target).toBe('pino-pretty');
    expect(logDestination(config, { isTTY: false })).toEqual({});
  });

  it('writes every line to the file and only warnings and errors to the console', () => {
    const config = development();
    const written: string[] = [];
    const console = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        written.push(chunk.toString());
        done();
      },
    });
    const { stream } = logDestination(config, { isTTY: false, console });
    const logger = pino({ level: config.logLevel }, stream as pino.DestinationStream);
    logger.info({ context: 'RouterExplorer' }, 'Mapped {/graphql, POST} route');
    logger.warn('slow query');
    logger.error('boom');
    const lines = readFileSync(config.logFile!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; level: number });
    expect(lines.map((l) => l.msg)).toEqual([
      'Mapped {/graphql, POST} route',
      'slow query',
      'boom',
    ]);
    const consoleText = written.join('');
    expect(consoleText).not.toContain('Mapped');
    expect(consoleText).toContain('slow query');
    expect(consoleText).toContain('boom');
    expect(consoleText).not.toContain('{"level"');
    // Only the owner may read it: request lines name paths and ids.
    expect(statSync(config.logFile!).mode & 0o077).toBe(0);
  });

  it('moves a log file over 10 MB aside at start', () => {
    const config = development();
    logDestination(config, { isTTY: false });
    writeFileSync(config.logFile!, 'x'.repeat(LOG_FILE_KEEP_BYTES + 1));
    logDestination(config, { isTTY: false });
    expect(statSync(`${config.logFile!}.1`).size).toBe(LOG_FILE_KEEP_BYTES + 1);
    expect(statSync(config.logFile!).size).toBe(0);
  });

  it('names the file relative to the working directory when inside it', () => {
    expect(displayPath('/work/main/.data/logs/api.log', '/work/main')).toBe('.data/logs/api.log');
    expect(displayPath('/var/log/jobbro.log', '/work/main')).toBe('/var/log/jobbro.log');
  });
});
