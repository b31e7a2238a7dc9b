/**
 * A bounded least-recently-used cache on a Map (which keeps insertion order): a hit moves the
 * entry to the end, an insert past the limit drops the first. Decisions and entities are cached
 * per authorizer, so a new policy set or model starts with empty caches by construction.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`LRU limit must be a positive integer, got ${limit}`);
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.limit) this.#evict();
  }

  /**
   * Drops the oldest 1/16 of the entries at once. One at a time, a full cache under a sweep (the
   * mesh map asking about 100k products) paid for a fresh iterator per insert, each walking the
   * deleted slots V8's Map keeps at its front until it rehashes: most of a cold decision's time.
   */
  #evict(): void {
    // Never the entry just inserted (the last), whatever the limit.
    let excess = Math.min(this.#entries.size - 1, this.#entries.size - this.limit + (this.limit >> 4));
    for (const key of this.#entries.keys()) {
      if (excess-- <= 0) break;
      this.#entries.delete(key);
    }
  }

  /** The cached value, or the computed one (cached). */
  getOrCompute(key: K, compute: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    this.set(key, value);
    return value;
  }
}
