import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming.strategy';

export interface PoolOptions {
  /**
   * PostgreSQL `statement_timeout` (ms) on every connection of the pool: no single statement, however
   * a request was built, holds a connection longer. The app sets it from config; absent (migrations,
   * scripts) means no limit.
   */
  statementTimeoutMs?: number;
}

/** Shared by the app, the migration CLI and the tests. Schema changes go through migrations only. */
export function dataSourceOptions(url: string, pool: PoolOptions = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: 20,
      application_name: 'jobbro',
      // A request waits at most this long for a free connection (pg-pool's default is forever);
      // past it the client gets 503 with Retry-After instead of a hanging request.
      connectionTimeoutMillis: 5000,
      ...(pool.statementTimeoutMs !== undefined && { statement_timeout: pool.statementTimeoutMs }),
    },
  };
}
