/**
 * How two physical types relate (see type-relation.ts): within a family by capacity, across
 * numeric families by whether every old value is held exactly, otherwise like the logical
 * types they stand for.
 */
import type { PhysicalType } from './physical-type-parse.js';
import { byContainment, type TypeRelation } from './type-relation.js';
import { canonicalText } from './json-values.js';

type Of<F extends PhysicalType['family']> = Extract<PhysicalType, { family: F }>;

/** Decimal digits needed for every value of an integer type. */
const digits = (t: Of<'integer'>): number => Math.ceil((t.bits - (t.signed ? 1 : 0)) * Math.log10(2));
const intRange = (t: Of<'integer'>): readonly [bigint, bigint] => {
  const bits = BigInt(t.bits);
  return t.signed ? [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n] : [0n, 2n ** bits - 1n];
};
/** Binary digits a float holds exactly. */
const mantissa = (bits: number): number => (bits === 32 ? 24 : 53);

/** An absent bound is unbounded: a longer or unbounded length holds more. */
const holds = (wider: number | undefined, narrower: number | undefined): boolean =>
  wider === undefined || (narrower !== undefined && wider >= narrower);

function sameFamily(b: PhysicalType, a: PhysicalType): TypeRelation {
  switch (b.family) {
    case 'integer': {
      const [bl, bh] = intRange(b);
      const [al, ah] = intRange(a as Of<'integer'>);
      return byContainment(al <= bl && ah >= bh, bl <= al && bh >= ah);
    }
    case 'decimal': {
      const other = a as Of<'decimal'>;
      if (b.precision === undefined || other.precision === undefined)
        return b.precision === other.precision && b.scale === other.scale ? 'same' : 'unknown';
      const holdsOld = other.scale >= b.scale && other.precision - other.scale >= b.precision - b.scale;
      const oldHolds = b.scale >= other.scale && b.precision - b.scale >= other.precision - other.scale;
      return byContainment(holdsOld, oldHolds);
    }
    case 'float': {
      const other = a as Of<'float'>;
      if (b.bits === undefined || other.bits === undefined) return b.bits === other.bits ? 'same' : 'unknown';
      return byContainment(other.bits >= b.bits, b.bits >= other.bits);
    }
    case 'string': {
      const other = a as Of<'string'>;
      // CHAR pads with blanks, VARCHAR does not: the same text compares differently.
      if (b.fixed !== other.fixed) return 'unknown';
      return byContainment(holds(other.length, b.length), holds(b.length, other.length));
    }
    case 'binary':
      return byContainment(holds((a as Of<'binary'>).length, b.length), holds(b.length, (a as Of<'binary'>).length));
    case 'timestamp':
    case 'time': {
      const other = a as Of<'timestamp' | 'time'>;
      // With or without a zone, the same value stands for different instants.
      if (b.zoned !== other.zoned) return 'incompatible';
      if (b.precision === undefined || other.precision === undefined)
        return b.precision === other.precision ? 'same' : 'unknown';
      return byContainment(other.precision >= b.precision, b.precision >= other.precision);
    }
    case 'other':
      return canonicalText(b) === canonicalText(a) ? 'same' : 'unknown';
    default:
      return 'same';
  }
}

/** Integers into decimals and floats: wider when every integer is held exactly. */
function acrossNumbers(b: PhysicalType, a: PhysicalType): TypeRelation | undefined {
  if (b.family === 'integer' && a.family === 'decimal')
    return a.precision === undefined ? 'unknown' : a.precision - a.scale >= digits(b) ? 'widened' : 'narrowed';
  if (b.family === 'integer' && a.family === 'float')
    return a.bits === undefined ? 'unknown' : b.bits <= mantissa(a.bits) ? 'widened' : 'narrowed';
  if (b.family === 'decimal' && a.family === 'integer')
    return b.precision !== undefined && b.scale === 0 && b.precision < digits(a) ? 'widened' : 'narrowed';
  // Floats into anything exact, and decimals into floats, round values.
  if ((b.family === 'float' || b.family === 'decimal') && (a.family === 'integer' || a.family === 'decimal'))
    return 'narrowed';
  if (b.family === 'decimal' && a.family === 'float') return 'narrowed';
  return undefined;
}

export function relatePhysicalTypes(b: PhysicalType, a: PhysicalType): TypeRelation {
  if (b.family === a.family) return sameFamily(b, a);
  if (b.family === 'other' || a.family === 'other') return 'unknown';
  const numeric = acrossNumbers(b, a);
  if (numeric !== undefined) return numeric;
  if (b.family === 'timestamp' && a.family === 'date') return 'narrowed';
  if (b.family === 'string') return 'narrowed';
  return 'incompatible';
}
