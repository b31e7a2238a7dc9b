import { describe, expect, it } from 'vitest';
import { parseIcebergJson, stringifyIcebergJson, toLong } from './iceberg-json.js';

describe('Iceberg JSON', () => {
  it('keeps 64-bit snapshot ids exact both ways', () => {
    const text = '{"current-snapshot-id":8656952484400131532,"refs":{"main":{"snapshot-id":9223372036854775807}}}';
    const parsed = parseIcebergJson(text) as {
      'current-snapshot-id': unknown;
      refs: { main: { 'snapshot-id': unknown } };
    };
    expect(parsed['current-snapshot-id']).toBe(8656952484400131532n);
    expect(parsed.refs.main['snapshot-id']).toBe(9223372036854775807n);
    expect(stringifyIcebergJson(parsed)).toBe(text);
  });

  it('reads small integers and fractions as numbers, so other fields keep their JSON meaning', () => {
    expect(parseIcebergJson('{"a":1,"b":-1,"c":1.5,"d":1e3}')).toEqual({ a: 1, b: -1, c: 1.5, d: 1000 });
  });

  it('turns any integer form of a long into a bigint and refuses the rest', () => {
    expect(toLong(1)).toBe(1n);
    expect(toLong(8656952484400131532n)).toBe(8656952484400131532n);
    expect(toLong('8656952484400131532')).toBe(8656952484400131532n);
    expect(toLong(1.5)).toBeUndefined();
    expect(toLong('x')).toBeUndefined();
  });
});
