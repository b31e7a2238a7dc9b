import { describe, expect, it } from 'vitest';
import {
  truncateBinaryLower,
  truncateBinaryUpper,
  truncateStringLower,
  truncateStringUpper,
} from './bound-truncation.js';
import { boundKind, encodeLowerBound, encodeUpperBound, parseBound, type BoundKind } from './single-value-bounds.js';

const kind = (type: string): BoundKind => boundKind(type)!;
const lower = (type: string, text: string) => encodeLowerBound(kind(type), parseBound(kind(type), text)!);
const upper = (type: string, text: string) => encodeUpperBound(kind(type), parseBound(kind(type), text)!);

describe('string and binary bound truncation', () => {
  it('keeps values of 16 code points or fewer whole, however many bytes they take', () => {
    const sixteen = '😀'.repeat(16);
    expect(truncateStringLower(sixteen)).toBe(sixteen);
    expect(truncateStringUpper(sixteen)).toBe(sixteen);
  });

  it('cuts at a code point, never inside a UTF-8 sequence or a surrogate pair', () => {
    const text = 'é😀'.repeat(10);
    const low = truncateStringLower(text);
    const high = truncateStringUpper(text)!;
    expect(Array.from(low)).toHaveLength(16);
    expect(low).toBe('é😀'.repeat(8));
    expect(high).toBe(`${'é😀'.repeat(7)}é😁`);
    for (const bound of [low, high]) expect(Buffer.from(bound).toString('utf8')).toBe(bound);
    expect(Buffer.compare(Buffer.from(high), Buffer.from(text))).toBe(1);
  });

  it('carries the increment past U+10FFFF and over the surrogate range, or gives no upper bound', () => {
    const top = '\u{10FFFF}';
    expect(truncateStringUpper(`ab${top.repeat(20)}`)).toBe('ac');
    expect(truncateStringUpper(top.repeat(17))).toBeUndefined();
    expect(truncateStringUpper(`${'a'.repeat(15)}\uD7FFz`)).toBe(`${'a'.repeat(15)}\uE000`);
  });

  it('truncates binary to 16 bytes, the upper bound incremented past 0xFF bytes', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => (i >= 14 ? 0xff : i));
    expect([...truncateBinaryLower(bytes)]).toEqual([...bytes.subarray(0, 16)]);
    expect([...truncateBinaryUpper(bytes)!]).toEqual([...bytes.subarray(0, 13), 14]);
    expect(truncateBinaryUpper(new Uint8Array(17).fill(0xff))).toBeUndefined();
  });
});

describe('binary single-value serialization', () => {
  it('writes ints, dates, longs and timestamps little-endian in 4 and 8 bytes', () => {
    expect([...lower('int', '-2')!]).toEqual([0xfe, 0xff, 0xff, 0xff]);
    expect([...lower('date', '19000')!]).toEqual([0x38, 0x4a, 0, 0]);
    expect(lower('timestamptz', '1577836800123000')!.readBigInt64LE()).toBe(1577836800123000n);
    expect(lower('time', '36000500000')).toHaveLength(8);
    expect([...upper('boolean', 'true')!]).toEqual([1]);
  });

  it('refuses text that is not exactly a value of the type: no bound rather than a wrong one', () => {
    expect(parseBound(kind('int'), '2147483648')).toBeUndefined();
    expect(parseBound(kind('long'), '1.5')).toBeUndefined();
    expect(parseBound(kind('double'), 'nan')).toBeUndefined();
    expect(parseBound(kind('double'), 'inf')).toBeUndefined();
    expect(parseBound(kind('decimal(9,2)'), '1.234')).toBeUndefined();
    expect(parseBound(kind('boolean'), 'yes')).toBeUndefined();
    expect(boundKind('uuid')).toBeUndefined();
    expect(boundKind('fixed[16]')).toBeUndefined();
  });

  it('writes floats and doubles IEEE 754 little-endian, a zero lower bound as -0.0 and upper as +0.0', () => {
    expect(lower('double', '1.5')!.readDoubleLE()).toBe(1.5);
    expect(lower('float', '0.10000000149011612')!.readFloatLE()).toBe(Math.fround(0.1));
    expect(lower('float', '0.10000000149011612')).toHaveLength(4);
    expect(Object.is(lower('double', '0.0')!.readDoubleLE(), -0)).toBe(true);
    expect(Object.is(upper('double', '-0.0')!.readDoubleLE(), 0)).toBe(true);
    expect(Object.is(upper('float', '-0.0')!.readFloatLE(), 0)).toBe(true);
  });

  it('writes decimals as the unscaled value, big-endian two’s complement in the fewest bytes', () => {
    const bytes = (text: string) => [...lower('decimal(38,2)', text)!];
    expect(bytes('1.27')).toEqual([0x7f]);
    expect(bytes('1.28')).toEqual([0x00, 0x80]);
    expect(bytes('-1.28')).toEqual([0x80]);
    expect(bytes('-1.29')).toEqual([0xff, 0x7f]);
    expect(bytes('0.00')).toEqual([0x00]);
    expect(bytes('-0.5')).toEqual([0xce]);
    expect(bytes('99999999999999999999999999999999999.99')).toHaveLength(16);
  });

  it('writes strings as UTF-8 and binary as its bytes', () => {
    expect(lower('string', 'ñandú')!.toString('utf8')).toBe('ñandú');
    expect([...upper('binary', '00ff5c')!]).toEqual([0x00, 0xff, 0x5c]);
  });
});
