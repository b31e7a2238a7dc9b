import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('never holds more than its limit, and keeps the entry just inserted even at a limit of one', () => {
    const cache = new LruCache<number, string>(1);
    cache.set(1, 'a');
    cache.set(2, 'b');
    expect(cache.size).toBe(1);
    expect(cache.get(2)).toBe('b');
    expect(cache.get(1)).toBeUndefined();
  });

  it('evicts the least recently used first, a sixteenth of the limit at a time', () => {
    const cache = new LruCache<number, number>(64);
    for (let i = 0; i < 64; i++) cache.set(i, i);
    expect(cache.get(0)).toBe(0); // now the most recently used
    cache.set(64, 64);
    // 1 over the limit + 64/16: entries 1–5 go, 0 (just read) and 64 (just inserted) stay.
    expect(cache.size).toBe(60);
    expect([1, 2, 3, 4, 5].map((k) => cache.get(k))).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect([0, 6, 63, 64].map((k) => cache.get(k))).toEqual([0, 6, 63, 64]);
  });

  it('computes a missing value once and serves it from the cache after', () => {
    const cache = new LruCache<string, number>(8);
    let computed = 0;
    const value = () => cache.getOrCompute('k', () => ++computed);
    expect([value(), value(), value()]).toEqual([1, 1, 1]);
    expect(computed).toBe(1);
  });
});
