import { describe, expect, it } from 'vitest';
import { assertSnapshotId, isSnapshotId, MAX_SNAPSHOT_ID, randomSnapshotId } from './snapshot-id.js';

describe('snapshot ids', () => {
  it('are random, positive and fit a signed 64-bit long', () => {
    const ids = Array.from({ length: 2000 }, randomSnapshotId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isSnapshotId(id)).toBe(true);
      expect(BigInt(id) >= 1n && BigInt(id) <= MAX_SNAPSHOT_ID).toBe(true);
    }
    // 63 random bits: nearly all need more than the 53 bits a JavaScript number holds exactly.
    expect(ids.filter((id) => BigInt(id) > 2n ** 53n).length).toBeGreaterThan(1900);
  });

  it('accept only canonical decimals in 1..2^63-1', () => {
    for (const good of ['1', '9007199254740993', '9223372036854775807']) expect(assertSnapshotId(good)).toBe(good);
    for (const bad of ['0', '-1', '01', '1.0', '1e3', ' 1', '9223372036854775808', 12, null]) {
      expect(isSnapshotId(bad), String(bad)).toBe(false);
      expect(() => assertSnapshotId(bad)).toThrow(expect.objectContaining({ kind: 'input', code: 'MW8102' }));
    }
  });
});
