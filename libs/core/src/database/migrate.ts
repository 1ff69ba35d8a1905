import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Applies pending migrations; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the most recent migration; returns false when there was none. */
export async function revertLastMigration(url: string): Promise<boolean> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM migration`)
      .catch(() => [{ n: 0 }]);
    if (applied[0].n === 0) return false;
    await dataSource.undoLastMigration({ transaction: 'each' });
    return true;
  } finally {
    await dataSource.destroy();
  }
}
