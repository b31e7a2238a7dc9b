import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'é' }], c: true }, u: undefined })).toBe(
      '{"a":{"c":true,"d":[3,{"y":"é","z":null}]},"b":1}',
    );
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    // U+1F600 is the surrogate pair D83D DE00, so it sorts before U+FB33 although its code point is higher.
    expect(canonicalJson({ b: 0, B: 0, _: 0, ä: 0, '\u20ac': 0, '\ufb33': 0, '\u{1f600}': 0 })).toBe(
      '{"B":0,"_":0,"b":0,"ä":0,"\u20ac":0,"\u{1f600}":0,"\ufb33":0}',
    );
  });

  it('writes numbers as ECMAScript does', () => {
    expect(canonicalJson([-0, 1e21, 0.1 + 0.2, 1.5e-7, 100])).toBe('[0,1e+21,0.30000000000000004,1.5e-7,100]');
  });

  it('refuses what is not plain JSON, naming where it is', () => {
    expect(() => canonicalJson({ a: [1, Infinity] })).toThrow(/\$\.a\[1\] is Infinity/);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/\$\.when is Date/);
    expect(() => canonicalJson([undefined])).toThrow(/\$\[0\] is undefined/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
  });

  it('is a function of the value alone: key order does not matter and it parses back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        // Equal to the value after a plain JSON round trip (which, like RFC 8785, writes -0 as 0).
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)) as JsonValue);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
      }),
    );
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}
