import { BIGINT, BLOB, INTEGER } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { BackendWriter } from '../protocol/backend-writer.js';
import { numericBinary } from './binary-encoding.js';
import { decodeParameters, needsInferredTypes } from './parameter-decoding.js';

const text = (value: string) => Buffer.from(value, 'utf8');

describe('decodeParameters', () => {
  it('keeps untyped text as text for DuckDB to cast', () => {
    expect(decodeParameters([text('42'), null], [], { declared: [] })).toEqual(['42', null]);
  });

  it('converts text by the declared type', () => {
    expect(
      decodeParameters([text('42'), text('9007199254740993'), text('t'), text('1.5')], [], {
        declared: [23, 20, 16, 701],
      }),
    ).toEqual([42, 9_007_199_254_740_993n, true, 1.5]);
    expect(() => decodeParameters([text('x')], [], { declared: [23] })).toThrow(
      /invalid input syntax for type integer/,
    );
  });

  it('decodes binary values by declared or inferred type', () => {
    const int4 = Buffer.alloc(4);
    int4.writeInt32BE(-7);
    const int8 = Buffer.alloc(8);
    int8.writeBigInt64BE(5n);
    expect(decodeParameters([int4, int8], [1], { declared: [23, 0], inferred: [INTEGER, BIGINT] })).toEqual([-7, 5n]);
    expect(decodeParameters([Buffer.from([1, 2])], [1], { declared: [], inferred: [BLOB] })).toEqual([
      new Uint8Array([1, 2]),
    ]);
    expect(() => decodeParameters([Buffer.from([1, 2, 3])], [1], { declared: [23] })).toThrow(/binary data/);
  });

  it('asks for inferred types only for binary values without a declared type', () => {
    expect(needsInferredTypes(2, [], [0])).toBe(false);
    expect(needsInferredTypes(2, [23], [1])).toBe(true);
    expect(needsInferredTypes(1, [23], [1])).toBe(false);
  });
});

describe('numeric binary format', () => {
  const encode = (value: string): number[] => {
    let out = Buffer.alloc(0);
    const writer = new BackendWriter({
      write: (chunk, done) => {
        out = Buffer.from(chunk);
        done();
        return true;
      },
      drained: async () => undefined,
    });
    numericBinary(writer, value);
    void writer.flush();
    const words: number[] = [];
    for (let i = 4; i < out.length; i += 2) words.push(out.readInt16BE(i));
    return words;
  };

  it('writes base-10000 digits, weight, sign and scale', () => {
    // ndigits, weight, sign, dscale, digits…
    expect(encode('12345.678')).toEqual([3, 1, 0, 3, 1, 2345, 6780]);
    expect(encode('-0.05')).toEqual([1, -1, 0x4000, 2, 500]);
    expect(encode('0')).toEqual([0, 0, 0, 0]);
    expect(encode('10000')).toEqual([1, 1, 0, 0, 1]);
  });
});
