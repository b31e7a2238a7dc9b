/**
 * How a token's secret is stored and checked. Only SHA-256(secret) is stored.
 *
 * Why a fast hash and not bcrypt/scrypt/argon2: slow hashes exist to make guessing low-entropy
 * passwords expensive. A token secret is 256 bits from the OS CSPRNG, so there is nothing to
 * guess — a stolen hash cannot be reversed by brute force at any speed — and a slow hash would
 * only add tens of milliseconds to every authenticated request.
 *
 * Why timingSafeEqual: comparing digests with `===` stops at the first differing byte, and the
 * time it takes could tell an attacker how much of a forged hash prefix is right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Whether `secret` hashes to `storedHash`, in time independent of where they differ. Callers
 * pass a dummy hash for unknown token ids so that an unknown id costs the same as a wrong secret.
 */
export function secretMatches(secret: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = createHash('sha256').update(secret, 'utf8').digest();
  // A stored hash is always 32 bytes; the length check only guards against a corrupted row.
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Hash of no real secret: compared against when the token id is unknown. */
export const DUMMY_SECRET_HASH = hashSecret('meshwork: no token has this secret');
