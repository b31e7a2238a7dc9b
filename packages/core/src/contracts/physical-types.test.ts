import { describe, expect, it } from 'vitest';
import { numericFormatType, parsePhysicalType } from './physical-type-parse.js';
import { relatePhysicalTypes } from './physical-type-relation.js';
import { relateLogicalTypes } from './logical-types.js';

describe('parsePhysicalType', () => {
  it.each([
    ['VARCHAR(255)', { family: 'string', fixed: false, length: 255 }],
    ['varchar', { family: 'string', fixed: false }],
    ['varchar(max)', { family: 'string', fixed: false }],
    ['CHAR(2)', { family: 'string', fixed: true, length: 2 }],
    ['DECIMAL(12, 2)', { family: 'decimal', precision: 12, scale: 2 }],
    ['numeric', { family: 'decimal', scale: 0 }],
    ['int(11)', { family: 'integer', bits: 32, signed: true }],
    ['TINYINT UNSIGNED', { family: 'integer', bits: 8, signed: false }],
    ['double precision', { family: 'float', bits: 64 }],
    ['float(3,2)', { family: 'float' }],
    ['timestamp(3) with time zone', { family: 'timestamp', zoned: true, precision: 3 }],
    ['DATETIME', { family: 'timestamp', zoned: false }],
    ['timetz', { family: 'time', zoned: true }],
    ['STRUCT<a INT>', { family: 'other', text: 'struct<a int>' }],
  ])('reads %s', (written, expected) => {
    expect(parsePhysicalType(written)).toEqual(expected);
  });

  it('reads numeric formats as widths', () => {
    expect(numericFormatType('u16')).toEqual({ family: 'integer', bits: 16, signed: false });
    expect(numericFormatType('f32')).toEqual({ family: 'float', bits: 32 });
    expect(numericFormatType('f16')).toBeUndefined();
  });
});

describe('relatePhysicalTypes', () => {
  it.each([
    ['INTEGER', 'BIGINT', 'widened'],
    ['BIGINT', 'INTEGER', 'narrowed'],
    ['INTEGER', 'UINTEGER', 'narrowed'],
    ['UINTEGER', 'BIGINT', 'widened'],
    ['INTEGER', 'DECIMAL(10,0)', 'widened'],
    ['INTEGER', 'DECIMAL(9,0)', 'narrowed'],
    ['BIGINT', 'DOUBLE', 'narrowed'],
    ['INTEGER', 'DOUBLE', 'widened'],
    ['DECIMAL(9,0)', 'INTEGER', 'widened'],
    ['DECIMAL(12,2)', 'DECIMAL(12,4)', 'narrowed'],
    ['DECIMAL(12,2)', 'DECIMAL(14,4)', 'widened'],
    ['DECIMAL(12,2)', 'DOUBLE', 'narrowed'],
    ['REAL', 'DOUBLE', 'widened'],
    ['FLOAT', 'DOUBLE', 'unknown'],
    ['VARCHAR(10)', 'TEXT', 'widened'],
    ['TEXT', 'VARCHAR(10)', 'narrowed'],
    ['CHAR(10)', 'VARCHAR(10)', 'unknown'],
    ['DATE', 'TIMESTAMP', 'incompatible'],
    ['TIMESTAMP', 'DATE', 'narrowed'],
    ['TIMESTAMP', 'TIMESTAMPTZ', 'incompatible'],
    ['TIMESTAMP(3)', 'TIMESTAMP(6)', 'widened'],
    ['VARCHAR', 'INTEGER', 'narrowed'],
    ['INTEGER', 'VARCHAR', 'incompatible'],
    ['BOOLEAN', 'INTEGER', 'incompatible'],
    ['int', 'INT4', 'same'],
    ['GEOGRAPHY', 'GEOMETRY', 'unknown'],
  ])('%s to %s is %s', (before, after, expected) => {
    expect(relatePhysicalTypes(parsePhysicalType(before), parsePhysicalType(after))).toBe(expected);
  });
});

describe('relateLogicalTypes', () => {
  it.each([
    ['integer', 'number', 'widened'],
    ['number', 'integer', 'narrowed'],
    ['string', 'date', 'narrowed'],
    ['integer', 'string', 'incompatible'],
    ['date', 'timestamp', 'incompatible'],
    ['timestamp', 'date', 'narrowed'],
    ['boolean', 'integer', 'incompatible'],
    ['Integer', 'int', 'same'],
  ])('%s to %s is %s', (before, after, expected) => {
    expect(relateLogicalTypes(before, after)).toBe(expected);
  });
});
