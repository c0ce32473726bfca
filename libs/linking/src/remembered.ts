/**
 * f with its last results kept (up to `size` keys, then forgotten at once): a claim's text is read
 * against every query whose pool it joins, and a query against every text of its pool. The result
 * is shared between callers: they must not change it.
 */
export function remembered<T>(f: (key: string) => T, size = 20000): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) {
      if (results.size >= size) results.clear();
      result = f(key);
      results.set(key, result);
    }
    return result;
  };
}

/**
 * make(owner) kept per object (a table, a reader of places), made on first use and dropped with
 * the object: for readers whose results depend on an object as well as on a key.
 */
export function perObject<O extends object, R>(make: (owner: O) => R): (owner: O) => R {
  const made = new WeakMap<O, R>();
  return (owner) => {
    let result = made.get(owner);
    if (result === undefined) made.set(owner, (result = make(owner)));
    return result;
  };
}
