import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonWithIntegerKeys, stringifyWithIntegerKeys } from './integer-json.js';

const IDS: ReadonlySet<string> = new Set(['snapshotId', 'parentSnapshotId']);
const id = fc.bigInt({ min: 1n, max: (1n << 63n) - 1n }).map(String);

describe('JSON with exact 64-bit integers', () => {
  it('writes the named top-level values as bare numbers and reads them back as exact strings', () => {
    const text = stringifyWithIntegerKeys({ snapshotId: '9223372036854775807', parentSnapshotId: null, n: 1 }, IDS);
    expect(text).toBe('{\n  "snapshotId": 9223372036854775807,\n  "parentSnapshotId": null,\n  "n": 1\n}');
    expect(parseJsonWithIntegerKeys(text, IDS)).toEqual({
      snapshotId: '9223372036854775807',
      parentSnapshotId: null,
      n: 1,
    });
    // What plain JSON.parse would do to it:
    expect(String((JSON.parse(text) as { snapshotId: number }).snapshotId)).not.toBe('9223372036854775807');
  });

  it('round-trips any id, leaves nested keys of the same name and look-alike strings alone (property)', () => {
    fc.assert(
      fc.property(id, fc.option(id, { nil: null }), fc.jsonValue(), fc.string(), (snapshotId, parent, extra, text) => {
        const value = {
          snapshotId,
          note: `"snapshotId": ${text}`,
          audit: { snapshotId: 5, nested: [{ snapshotId: '7' }], extra },
          parentSnapshotId: parent,
        };
        const written = stringifyWithIntegerKeys(value, IDS);
        expect(written).toContain(`"snapshotId": ${snapshotId},`);
        expect(parseJsonWithIntegerKeys(written, IDS)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 8101, numRuns: 300 },
    );
  });

  it('reads compact JSON and escaped key spellings too', () => {
    expect(parseJsonWithIntegerKeys('{"snap\\u0073hotId":18446744073709551615,"x":[1,{"snapshotId":2}]}', IDS)).toEqual(
      {
        snapshotId: '18446744073709551615',
        x: [1, { snapshotId: 2 }],
      },
    );
  });

  it('leaves invalid JSON for JSON.parse to reject', () => {
    expect(() => parseJsonWithIntegerKeys('{"snapshotId" 1}', IDS)).toThrow(SyntaxError);
    expect(() => parseJsonWithIntegerKeys('{"snapshotId": 1', IDS)).toThrow(SyntaxError);
  });
});
