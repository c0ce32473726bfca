import DataLoader from 'dataloader';

/**
 * The DataLoaders of one GraphQL request. Each feature's loader service asks for its loader by key;
 * the first ask creates it, so batching and caching last exactly one request.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** What every resolver finds in the GraphQL context. */
export interface GraphQLRequestContext {
  loaders: RequestLoaders;
}

/** Orders loaded rows as the keys asked for them, with null where a key has no row. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}

/** Groups loaded rows under the keys asked for them, with [] where a key has none. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}
