/**
 * Sets a key of a cache that forgets everything once it holds `max` keys: what it caches depends on input
 * (codes, rule combinations), so a stream of distinct keys cannot grow it without bound.
 */
export function setBounded<K, V>(cache: Map<K, V>, key: K, value: V, max: number): void {
  if (cache.size >= max) cache.clear();
  cache.set(key, value);
}

/** Adds a value to the list under a key (creating it): how load-time indexes group rows by key. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}
