import { describe, expect, it } from 'vitest';
import { decodeManifest, decodePointer, encodeManifest, encodePointer } from './manifest-json.js';
import { publishInputProblems } from './publish-input-validation.js';
import type { SnapshotColumnProfile, SnapshotManifest } from './snapshot-manifest.js';

const manifest: SnapshotManifest = {
  formatVersion: 1,
  snapshotId: '9007199254740993',
  parentSnapshotId: '9223372036854775807',
  sequenceNumber: 2,
  productId: 'sales.orders',
  port: 'orders',
  major: 1,
  runId: 'run-1',
  createdAt: '2025-03-01T10:00:00.000Z',
  contract: { id: 'orders', version: '1.0.0' },
  schema: [{ name: 'id', type: 'BIGINT', nullable: false }],
  rowCount: 3,
  files: [{ path: 'data/9007199254740993/part-00000.parquet', sizeBytes: 512, rowCount: 3 }],
  columnStats: [{ column: 'id', nullCount: 0, distinctCount: 3, min: '1', max: '3' }],
  checks: { passed: 2, failed: 0, warnings: 1 },
  audit: { snapshotId: 12, checks: [{ name: 'rowCount', observed: 3 }] },
};

describe('manifest and pointer files', () => {
  it('round-trip exactly, ids above 2^53 included', () => {
    const text = encodeManifest(manifest);
    expect(text).toContain('"snapshotId": 9007199254740993,');
    expect(text).toContain('"parentSnapshotId": 9223372036854775807,');
    expect(decodeManifest(text, 'snap.json')).toEqual(manifest);
    const pointer = { snapshotId: '9007199254740993', sequenceNumber: 2, updatedAt: manifest.createdAt };
    expect(decodePointer(encodePointer(pointer), 'current.json')).toEqual(pointer);
  });

  it('reports a damaged or foreign file as MW8104 naming it, whatever is wrong', () => {
    const broken = [
      '',
      '[]',
      '{"formatVersion": 2}',
      encodeManifest(manifest).replace('"snapshotId": 9007199254740993', '"snapshotId": 0'),
      encodeManifest(manifest).replace('"snapshotId": 9007199254740993', '"snapshotId": 1.5'),
      encodeManifest(manifest).replace('"rowCount": 3,\n  "files"', '"rowCount": -3,\n  "files"'),
      encodeManifest(manifest).replace('"nullable": false', '"nullable": "no"'),
    ];
    for (const text of broken) {
      expect(() => decodeManifest(text, '/w/snap-1.json'), text).toThrow(
        expect.objectContaining({
          kind: 'unavailable',
          code: 'MW8104',
          message: expect.stringContaining('/w/snap-1.json'),
        }),
      );
    }
    expect(() => decodePointer('{"snapshotId": "12", "sequenceNumber": 1}', 'current.json')).toThrow(
      expect.objectContaining({ code: 'MW8104' }),
    );
  });

  it('carry a data profile, and read manifests written before profiles as they were', () => {
    const profile: SnapshotColumnProfile[] = [
      { column: 'email', sampled: 2, matches: { email: 1, phone: 0 }, pattern: { regex: '.+@.+', matched: 0.5 } },
      { column: 'notes', sampled: 0, matches: { email: 0 } },
    ];
    const profiled: SnapshotManifest = { ...manifest, profile };
    const text = encodeManifest(profiled);
    expect(decodeManifest(text, 'snap.json')).toEqual(profiled);
    // The profile sits between checks and audit, so that equal manifests stay equal files.
    expect(Object.keys(JSON.parse(text) as object).slice(-3)).toEqual(['checks', 'profile', 'audit']);
    expect(encodeManifest(manifest)).not.toContain('"profile"');
    expect(decodeManifest(encodeManifest(manifest), 'snap.json')).not.toHaveProperty('profile');
  });

  it('report a damaged profile as MW8104, and refuse to publish one', () => {
    const damaged = [
      {},
      [{ sampled: 1, matches: {} }],
      [{ column: 'email', sampled: -1, matches: {} }],
      [{ column: 'email', sampled: 1, matches: { email: 1.5 } }],
      [{ column: 'email', sampled: 1, matches: { email: '1' } }],
      [{ column: 'email', sampled: 1, matches: {}, pattern: { regex: '', matched: 1 } }],
    ];
    for (const profile of damaged) {
      const text = encodeManifest({ ...manifest, profile } as unknown as SnapshotManifest);
      expect(() => decodeManifest(text, 'snap.json'), JSON.stringify(profile)).toThrow(
        expect.objectContaining({ code: 'MW8104', message: expect.stringContaining('bad profile') }),
      );
    }
    const input = {
      contract: manifest.contract,
      schema: manifest.schema,
      rowCount: 3,
      columnStats: [],
      checks: manifest.checks,
    };
    expect(publishInputProblems({ ...input, profile: [{ column: 'id', sampled: 3, matches: { email: 0 } }] })).toEqual(
      [],
    );
    expect(publishInputProblems({ ...input, profile: [{ column: 'id', sampled: 3, matches: { email: 2 } }] })).toEqual([
      'profile: matches of "id" must map detector names to fractions between 0 and 1',
    ]);
    expect(publishInputProblems({ ...input, profile: [{ column: 'other', sampled: 3, matches: {} }] })).toEqual([
      'profile of "other", which is not in the schema',
    ]);
  });
});
