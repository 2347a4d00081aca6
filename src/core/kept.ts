/** A Map or WeakMap: where a value worked out once is kept. */
interface Keeper<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value kept under `key`, made by `make` and kept the first time it is asked for (a value may be null; only
 * undefined means not made yet). `make` should be a function defined once, not a closure made per call: this is on
 * every answer's path.
 */
export function kept<K, V>(keeper: Keeper<K, V>, key: K, make: (key: K) => V): V {
  let value = keeper.get(key);
  if (value === undefined) {
    value = make(key);
    keeper.set(key, value);
  }
  return value;
}
