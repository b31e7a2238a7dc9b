/**
 * Secrets are compared in constant time: `secretMatches` goes through crypto.timingSafeEqual for
 * a right secret, a wrong one and an unknown token id alike. node:crypto is wrapped, not
 * replaced: the spy calls the real function.
 */
import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

const timingSafeEqual = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof Crypto>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      timingSafeEqual.calls += 1;
      return real.timingSafeEqual(a, b);
    },
  };
});

const { DUMMY_SECRET_HASH, hashSecret, secretMatches } = await import('./token-secret.js');
const { generateToken, parseToken } = await import('./token-format.js');

describe('token secrets', () => {
  it('hashes with SHA-256 and compares with timingSafeEqual, also for unknown ids', () => {
    const { secret } = generateToken();
    const stored = hashSecret(secret);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(secret);

    timingSafeEqual.calls = 0;
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}x`, stored)).toBe(false);
    expect(secretMatches(secret, DUMMY_SECRET_HASH)).toBe(false);
    expect(timingSafeEqual.calls).toBe(3);
    // A corrupted stored hash is a mismatch, not a crash.
    expect(secretMatches(secret, 'abc')).toBe(false);
  });

  it('generates distinct, well-formed tokens that parse back', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const { id, secret, token } = generateToken();
      expect(token).toBe(`mwt_${id}_${secret}`);
      expect(parseToken(token)).toEqual({ id, secret });
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
      seen.add(id);
    }
    expect(seen.size).toBe(500);
  });
});
