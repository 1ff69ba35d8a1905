import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { projectRoot } from '../project-root';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * The one validated configuration. Built once from the environment; any bad variable stops the
 * boot with a message that names it, so a typo never turns into a half-working server.
 */
export class AppConfig {
  readonly nodeEnv!: NodeEnv;
  readonly host!: string;
  readonly port!: number;
  /** Absent means: start the embedded PostgreSQL under `dataDir`. */
  readonly databaseUrl!: string | undefined;
  readonly dataDir!: string;
  readonly embeddedPostgresPort!: number;
  readonly jwtSecret!: string;
  readonly accessTokenTtlSeconds!: number;
  readonly refreshTokenTtlDays!: number;
  readonly logLevel!: LogLevel;
  /**
   * Where the API's JSON log lines go (LOG_FILE): a file, or undefined for stdout. Development
   * defaults to `<DATA_DIR>/logs/api.log` so the start banner stays readable; production and tests
   * log to stdout. `LOG_FILE=stdout` keeps them on the console.
   */
  readonly logFile!: string | undefined;
  readonly demoData!: boolean;
  readonly migrateOnStart!: boolean;
  readonly runWorkerInProcess!: boolean;
  readonly graphqlIntrospection!: boolean;
  readonly graphqlMaxComplexity!: number;
  /** PostgreSQL statement_timeout on every pooled connection, and the GraphQL per-request budget. */
  readonly databaseStatementTimeoutMs!: number;
  readonly graphqlTimeBudgetMs!: number;
  /** 32-byte key (hex) for encrypting CPR numbers at rest. */
  readonly cprEncryptionKey!: string;
  readonly auditRetentionDays!: number;
  /** Meilisearch for placement search; absent means PostgreSQL search only. */
  readonly meiliUrl!: string | undefined;
  readonly meiliKey!: string | undefined;
  /** SMTP server for mail (smtp: or smtps:, credentials in the URL); absent: see mailDestination. */
  readonly smtpUrl!: string | undefined;
  readonly mailFrom!: string;
  /** Attempts to send one message before it becomes a dead letter (MAIL_MAX_ATTEMPTS). */
  readonly mailMaxAttempts!: number;
  /** The first retry of a failed message waits about this long, doubling up to mailRetryMaxMs. */
  readonly mailRetryBaseMs!: number;
  readonly mailRetryMaxMs!: number;
  /**
   * SMTP socket timeout (SMTP_TIMEOUT_MS); the transport's DNS, connection and greeting timeouts
   * are derived from it (smtpTimeouts), so a hanging server cannot hold a send.
   */
  readonly smtpTimeoutMs!: number;
  /**
   * How long a worker owns a claimed outbox event before another may take it over
   * (OUTBOX_LEASE_MS). A handler gets half of it; the SMTP timeouts must fit in that half.
   */
  readonly outboxLeaseMs!: number;
  /**
   * Express `trust proxy`: which hops in front of the API may name the client in
   * X-Forwarded-For. `false` (default) uses the TCP peer, right when clients connect directly.
   * Behind a load balancer set the number of proxies (`1`) or their addresses/subnets
   * (`10.0.0.0/8`, `loopback`); never trust every hop, or any client could pick its own IP and
   * walk around the per-IP limits.
   */
  readonly trustProxy!: number | string | false;
  /**
   * Requests per minute from one client IP to the whole API (GraphQL and REST, not /health); 0 =
   * off. 3,000 (50/s) because a job centre's office is many staff and citizens behind one NAT IP.
   */
  readonly rateLimitPerMinute!: number;
  /**
   * Failed sign-ins per account per hour (100, as OWASP and ASVS 2.2.1 advise); 0 = sign-in
   * limits off. After 5 failures each further attempt waits 1 s, 2 s, 4 s... up to 5 minutes.
   */
  readonly loginFailuresPerHour!: number;
  /** Sign-up mails per address an hour (0 = no limit). */
  readonly signUpMailsPerHour!: number;
  /** Failed sign-ins per client IP per hour, over all accounts (credential stuffing). */
  readonly loginFailuresPerIpPerHour!: number;
  /** How long a magic sign-in link works, in minutes (default 15). */
  readonly magicLinkTtlMinutes!: number;
  /** How long an invitation link works, in days (default 7). */
  readonly invitationTtlDays!: number;
  /** Magic-link mails per address an hour (0 = no limit); per client IP ten times that. */
  readonly magicLinkMailsPerHour!: number;
  /** Invitations (sent or re-sent) per inviting user an hour (0 = no limit). */
  readonly invitationsPerHour!: number;
  /** Largest request body accepted, in bytes (any content type); larger answers 413. */
  readonly bodyLimitBytes!: number;
  /** Origins a browser may call the API from (CORS); no other origin gets CORS headers. */
  readonly corsOrigins!: readonly string[];
  /** Where people open the portal; its origin is the default CORS origin. */
  readonly publicUrl!: string | undefined;
  /**
   * The portal's build (PORTAL_DIR, relative to the project; default `dist/portal`, written by
   * `npm run portal:build`), served by the API at `/`.
   */
  readonly portalDir!: string;
  /** Reminders go out from this hour (Danish time, 0-23) each day (REMINDER_HOUR, default 7). */
  readonly reminderHour!: number;
  /** How often the reminder job looks for due reminders (REMINDER_INTERVAL_MINUTES, default 15). */
  readonly reminderIntervalMinutes!: number;
  /** Days a party has to answer a proposal before it expires (PROPOSAL_ANSWER_DAYS, default 14). */
  readonly proposalAnswerDays!: number;

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  get usesEmbeddedDatabase(): boolean {
    return this.databaseUrl === undefined;
  }

  /** The URL to connect to; set once the embedded server (if any) is running. */
  connectionUrl(): string {
    const url = this.databaseUrl ?? this.embeddedUrl;
    if (!url)
      throw new Error('No database: set DATABASE_URL or start the embedded PostgreSQL first');
    return url;
  }

  embeddedUrl: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got '${value}')`);
    return fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got '${value}')`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got '${value}')`);
    return fallback;
  }

  /** A hop count or a comma list of addresses, subnets and express's names (loopback...). */
  trustProxy(name: string): number | string | false {
    const value = this.raw(name);
    if (value === undefined || value.toLowerCase() === 'false') return false;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    const named = ['loopback', 'linklocal', 'uniquelocal'];
    const bad = value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => {
        const [address, prefix, ...rest] = part.split('/');
        if (named.includes(part)) return false;
        return (
          rest.length > 0 || !isIP(address) || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))
        );
      });
    if (bad.length > 0) {
      this.problems.push(
        `${name} must be false, a number of proxies, or addresses/subnets (got '${value}')`,
      );
      return false;
    }
    return value;
  }

  url(name: string, protocols: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(
          `${name} must start with ${protocols.join(' or ')} (got '${parsed.protocol}')`,
        );
      }
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
    return value;
  }
}

/** Reads and validates the environment. Throws ConfigError listing every bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const nodeEnv = r.oneOf<NodeEnv>(
    'NODE_ENV',
    ['development', 'production', 'test'],
    'development',
  );
  const dataDir = resolve(projectRoot(), r.raw('DATA_DIR') ?? '.data');
  const databaseUrl = r.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const publicUrl = r.url('PUBLIC_URL', ['http:', 'https:']);

  let jwtSecret = r.raw('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    r.problems.push('JWT_SECRET must be at least 32 characters long');
  }
  if (jwtSecret === undefined && nodeEnv === 'production') {
    r.problems.push('JWT_SECRET is required when NODE_ENV=production');
  }
  let cprEncryptionKey = r.raw('CPR_ENCRYPTION_KEY');
  if (cprEncryptionKey !== undefined && !/^[0-9a-fA-F]{64}$/.test(cprEncryptionKey)) {
    r.problems.push('CPR_ENCRYPTION_KEY must be 64 hexadecimal characters (32 bytes)');
  }
  if (cprEncryptionKey === undefined && nodeEnv === 'production') {
    r.problems.push('CPR_ENCRYPTION_KEY is required when NODE_ENV=production');
  }

  const config = Object.assign(new AppConfig(), {
    nodeEnv,
    host: r.raw('HOST') ?? '0.0.0.0',
    port: r.int('PORT', 3000, 1, 65535),
    databaseUrl,
    dataDir,
    embeddedPostgresPort: r.int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    accessTokenTtlSeconds: r.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlDays: r.int('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    logLevel: r.oneOf<LogLevel>(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    // The demo accounts share a password printed in the README: never in production (see below).
    logFile: readLogFile(r, nodeEnv, dataDir),
    demoData: r.bool('DEMO_DATA', databaseUrl === undefined && nodeEnv !== 'production'),
    migrateOnStart: r.bool('MIGRATE_ON_START', databaseUrl === undefined),
    runWorkerInProcess: r.bool('RUN_WORKER_IN_PROCESS', true),
    graphqlIntrospection: r.bool('GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    graphqlMaxComplexity: r.int('GRAPHQL_MAX_COMPLEXITY', 1000, 10, 100000),
    databaseStatementTimeoutMs: r.int('DATABASE_STATEMENT_TIMEOUT_MS', 5000, 100, 600000),
    graphqlTimeBudgetMs: r.int('GRAPHQL_TIME_BUDGET_MS', 10000, 100, 600000),
    auditRetentionDays: r.int('AUDIT_RETENTION_DAYS', 183, 1, 3650),
    meiliUrl: r.url('MEILI_URL', ['http:', 'https:']),
    meiliKey: r.raw('MEILI_KEY'),
    smtpUrl: r.url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: readMailFrom(r, nodeEnv),
    mailMaxAttempts: r.int('MAIL_MAX_ATTEMPTS', 8, 1, 100),
    mailRetryBaseMs: r.int('MAIL_RETRY_BASE_MS', 60_000, 10, 86_400_000),
    mailRetryMaxMs: r.int('MAIL_RETRY_MAX_MS', 3_600_000, 10, 86_400_000),
    smtpTimeoutMs: r.int('SMTP_TIMEOUT_MS', 30_000, 100, 600_000),
    outboxLeaseMs: r.int('OUTBOX_LEASE_MS', 120_000, 1_000, 3_600_000),
    trustProxy: r.trustProxy('TRUST_PROXY'),
    // Off in tests unless a test turns them on, so no other suite trips over them.
    rateLimitPerMinute: r.int('RATE_LIMIT_PER_MINUTE', nodeEnv === 'test' ? 0 : 3000, 0, 1e7),
    loginFailuresPerHour: r.int('LOGIN_FAILURES_PER_HOUR', nodeEnv === 'test' ? 0 : 100, 0, 1e6),
    signUpMailsPerHour: r.int('SIGN_UP_MAILS_PER_HOUR', nodeEnv === 'test' ? 0 : 5, 0, 1e6),
    loginFailuresPerIpPerHour: r.int('LOGIN_FAILURES_PER_IP_PER_HOUR', 1000, 1, 1e7),
    magicLinkTtlMinutes: r.int('MAGIC_LINK_TTL_MINUTES', 15, 1, 1440),
    invitationTtlDays: r.int('INVITATION_TTL_DAYS', 7, 1, 90),
    magicLinkMailsPerHour: r.int('MAGIC_LINK_MAILS_PER_HOUR', nodeEnv === 'test' ? 0 : 5, 0, 1e6),
    invitationsPerHour: r.int('INVITATIONS_PER_HOUR', nodeEnv === 'test' ? 0 : 50, 0, 1e6),
    // The largest real request is updatePlan at its validation limits: a 2,000-character goal and
    // 50 milestones and 50 activities of up to ~550 characters each (title 300, responsible 200, id,
    // dates, keys), about 60,000 characters; at three UTF-8 bytes per character (Danish letters
    // take two, other scripts three) that is ~180 kB, plus the query text. 256 kB fits it with
    // room; createPlacement (~18,000 characters) and recordMeeting (~17,000) are smaller.
    bodyLimitBytes: r.int('BODY_LIMIT', 256 * 1024, 1024, 10 * 1024 * 1024),
    reminderHour: r.int('REMINDER_HOUR', 7, 0, 23),
    reminderIntervalMinutes: r.int('REMINDER_INTERVAL_MINUTES', 15, 1, 1440),
    proposalAnswerDays: r.int('PROPOSAL_ANSWER_DAYS', 14, 1, 365),
    publicUrl,
    corsOrigins: readCorsOrigins(r, nodeEnv, publicUrl),
    portalDir: resolve(projectRoot(), r.raw('PORTAL_DIR') ?? 'dist/portal'),
  });
  if (nodeEnv === 'production' && r.bool('DEMO_DATA', false)) {
    r.problems.push(
      'DEMO_DATA=true is not allowed when NODE_ENV=production: the demo accounts share a published ' +
        'password. Remove DEMO_DATA, or run without NODE_ENV=production to try Jobbro out.',
    );
  }

  checkSmtpTimeoutsFitLease(r, config.smtpTimeoutMs, config.outboxLeaseMs);

  if (r.problems.length > 0) throw new ConfigError(r.problems);
  jwtSecret ??= developmentSecret(dataDir, nodeEnv, 'jwt-secret');
  cprEncryptionKey ??= developmentSecret(dataDir, nodeEnv, 'cpr-key');
  return Object.assign(config, { jwtSecret, cprEncryptionKey });
}

/** LOG_FILE: a path (relative to the project), or `stdout`; see AppConfig.logFile. */
function readLogFile(r: Reader, nodeEnv: NodeEnv, dataDir: string): string | undefined {
  const value = r.raw('LOG_FILE');
  if (value === undefined) {
    return nodeEnv === 'development' ? resolve(dataDir, 'logs', 'api.log') : undefined;
  }
  if (value.toLowerCase() === 'stdout') return undefined;
  return resolve(projectRoot(), value);
}

/**
 * MAIL_FROM: `Name <address>` or a bare address, on one line. Required in production (with
 * SMTP_URL): mail from a made-up domain lands in spam or is refused.
 */
function readMailFrom(r: Reader, nodeEnv: NodeEnv): string {
  const value = r.raw('MAIL_FROM');
  if (nodeEnv === 'production') {
    if (r.raw('SMTP_URL') === undefined)
      r.problems.push(
        'SMTP_URL is required when NODE_ENV=production (e.g. smtps://user:password@smtp.example.dk:465): without it no mail can be sent',
      );
    if (value === undefined)
      r.problems.push(
        "MAIL_FROM is required when NODE_ENV=production (e.g. 'Jobbro <no-reply@jobcenter.example.dk>')",
      );
  }
  if (value === undefined) return 'Jobbro <no-reply@jobbro.local>';
  const address =
    /^(?:[^<>\r\n"]{1,100} <([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>|([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+))$/;
  if (!address.test(value)) {
    r.problems.push(
      `MAIL_FROM must be an address or 'Name <address>' on one line (got '${value.slice(0, 100)}')`,
    );
  }
  return value;
}

/**
 * The SMTP transport's timeouts (libs/notifications MailSender) from SMTP_TIMEOUT_MS: the socket
 * timeout as given, DNS, connection and greeting each at most 10 s.
 */
export function smtpTimeouts(smtpTimeoutMs: number): {
  dnsTimeout: number;
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
} {
  const setUp = Math.min(smtpTimeoutMs, 10_000);
  return {
    dnsTimeout: setUp,
    connectionTimeout: setUp,
    greetingTimeout: setUp,
    socketTimeout: smtpTimeoutMs,
  };
}

/**
 * The outbox relay gives up on a handler after half the lease and lets the message go; a send
 * still running then would reach the server beside the next worker's (the message twice, with no
 * crash at all). So a send's timeouts together must end within half of OUTBOX_LEASE_MS.
 */
function checkSmtpTimeoutsFitLease(r: Reader, smtpTimeoutMs: number, outboxLeaseMs: number): void {
  const t = smtpTimeouts(smtpTimeoutMs);
  const total = t.dnsTimeout + t.connectionTimeout + t.greetingTimeout + t.socketTimeout;
  if (total > outboxLeaseMs / 2) {
    r.problems.push(
      `SMTP_TIMEOUT_MS (${smtpTimeoutMs}) is too long for OUTBOX_LEASE_MS (${outboxLeaseMs}): a send's DNS, ` +
        `connection, greeting and socket timeouts together (${total} ms) must fit within half the lease ` +
        `(${outboxLeaseMs / 2} ms). Lower SMTP_TIMEOUT_MS or raise OUTBOX_LEASE_MS to at least ${total * 2}.`,
    );
  }
}

/** The portal's dev server (Vite) while the portal is developed beside the API. */
const DEVELOPMENT_PORTAL_ORIGIN = 'http://localhost:5173';

/**
 * CORS_ORIGINS is a comma-separated list of origins (scheme, host and port, no path). Without it:
 * the origin of PUBLIC_URL; outside production also the portal's dev server and the API's own
 * address. A wildcard is refused: the API takes bearer tokens, so every origin must be named.
 */
function readCorsOrigins(r: Reader, nodeEnv: NodeEnv, publicUrl: string | undefined): string[] {
  const listed = r.raw('CORS_ORIGINS');
  if (listed !== undefined) {
    const origins: string[] = [];
    for (const entry of listed
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)) {
      const origin = originOf(entry);
      if (origin === undefined || origin !== entry.replace(/\/$/, '')) {
        r.problems.push(
          `CORS_ORIGINS must list origins such as https://portal.example.dk, without paths (got '${entry}')`,
        );
      } else {
        origins.push(origin);
      }
    }
    return origins;
  }
  const portal = publicUrl === undefined ? undefined : originOf(publicUrl);
  const fromPublicUrl = portal === undefined ? [] : [portal];
  if (nodeEnv === 'production') return fromPublicUrl;
  const port = r.raw('PORT') ?? '3000';
  return [
    ...new Set([
      ...fromPublicUrl,
      DEVELOPMENT_PORTAL_ORIGIN,
      `http://localhost:${port}`,
      `http://127.0.0.1:${port}`,
    ]),
  ];
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.origin;
  } catch {
    return undefined;
  }
}

/**
 * Outside production a missing secret (JWT_SECRET, CPR_ENCRYPTION_KEY) gets a random one kept under
 * the data folder, so it survives restarts without anyone committing a secret.
 */
function developmentSecret(dataDir: string, nodeEnv: NodeEnv, name: string): string {
  if (nodeEnv === 'test') return randomBytes(32).toString('hex');
  const file = resolve(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
