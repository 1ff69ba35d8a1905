import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  readonly demoData!: boolean;
  readonly migrateOnStart!: boolean;
  readonly runWorkerInProcess!: boolean;
  readonly graphqlIntrospection!: boolean;
  readonly graphqlMaxComplexity!: number;
  /** 32-byte key (hex) for encrypting CPR numbers at rest. */
  readonly cprEncryptionKey!: string;
  readonly auditRetentionDays!: number;
  /** Meilisearch for placement search; absent means PostgreSQL search only. */
  readonly meiliUrl!: string | undefined;
  readonly meiliKey!: string | undefined;

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
    demoData: r.bool('DEMO_DATA', databaseUrl === undefined),
    migrateOnStart: r.bool('MIGRATE_ON_START', databaseUrl === undefined),
    runWorkerInProcess: r.bool('RUN_WORKER_IN_PROCESS', true),
    graphqlIntrospection: r.bool('GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    graphqlMaxComplexity: r.int('GRAPHQL_MAX_COMPLEXITY', 1000, 10, 100000),
    auditRetentionDays: r.int('AUDIT_RETENTION_DAYS', 183, 1, 3650),
    meiliUrl: r.url('MEILI_URL', ['http:', 'https:']),
    meiliKey: r.raw('MEILI_KEY'),
  });

  if (r.problems.length > 0) throw new ConfigError(r.problems);
  jwtSecret ??= developmentSecret(dataDir, nodeEnv, 'jwt-secret');
  cprEncryptionKey ??= developmentSecret(dataDir, nodeEnv, 'cpr-key');
  return Object.assign(config, { jwtSecret, cprEncryptionKey });
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
