import DataLoader from 'dataloader';

const perRequest = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

/**
 * A DataLoader that lives as long as one GraphQL request (keyed by its context object), so field
 * resolvers batch their lookups and never share cached data between users.
 */
export function requestLoader<K, V>(
  context: object,
  name: string,
  batch: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V> {
  let loaders = perRequest.get(context);
  if (!loaders) {
    loaders = new Map();
    perRequest.set(context, loaders);
  }
  let loader = loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>((keys) => batch(keys), { maxBatchSize: 500 });
    loaders.set(name, loader);
  }
  return loader;
}

/** Orders rows by the requested ids; null where a row is missing. */
export function byIds<T>(ids: readonly string[], rows: T[], id: (row: T) => string): (T | null)[] {
  const map = new Map(rows.map((r) => [id(r), r]));
  return ids.map((k) => map.get(k) ?? null);
}

/** Groups rows under the requested keys (one-to-many). */
export function groupedBy<T>(keys: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(key(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
}
