/**
 * Snapshot ids: random 63-bit positive integers, as Iceberg's signed `long` snapshot ids are.
 * They travel as decimal strings because a JavaScript number loses digits above 2^53.
 */
import { randomBytes } from 'node:crypto';
import { InputError } from '@meshwork/core';

export const MAX_SNAPSHOT_ID = (1n << 63n) - 1n;

const DECIMAL = /^[1-9][0-9]{0,18}$/;

export function isSnapshotId(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value) && BigInt(value) <= MAX_SNAPSHOT_ID;
}

/** Throws InputError MW8102 unless `value` is a snapshot id in canonical decimal form. */
export function assertSnapshotId(value: unknown): string {
  if (isSnapshotId(value)) return value;
  throw new InputError(
    'MW8102',
    `Invalid snapshot id ${JSON.stringify(value)}: expected an integer 1..${MAX_SNAPSHOT_ID}.`,
  );
}

/** A fresh id from the system's cryptographic random source; never 0. */
export function randomSnapshotId(): string {
  for (;;) {
    const id = randomBytes(8).readBigUInt64BE() & MAX_SNAPSHOT_ID;
    if (id !== 0n) return id.toString();
  }
}
