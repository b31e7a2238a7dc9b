/**
 * How DCS field types map to ODCS v3.1.0 logical types, and which DCS constraints each ODCS
 * logical type can hold in `logicalTypeOptions` (ODCS closes that object per logical type).
 */
import { isFiniteNumber, isInteger, isString } from './dcs-values.js';

export type OdcsLogicalType =
  'string' | 'date' | 'timestamp' | 'time' | 'number' | 'integer' | 'object' | 'array' | 'boolean';

/**
 * Every DCS field type. `undefined` marks types ODCS has no logical type for (bytes, variant,
 * json, null): they keep only their physicalType.
 */
export const DCS_FIELD_TYPES: Readonly<Record<string, OdcsLogicalType | undefined>> = {
  string: 'string',
  text: 'string',
  varchar: 'string',
  number: 'number',
  decimal: 'number',
  numeric: 'number',
  double: 'number',
  float: 'number',
  int: 'integer',
  integer: 'integer',
  long: 'integer',
  bigint: 'integer',
  boolean: 'boolean',
  timestamp: 'timestamp',
  timestamp_tz: 'timestamp',
  timestamp_ntz: 'timestamp',
  date: 'date',
  time: 'time',
  array: 'array',
  object: 'object',
  record: 'object',
  struct: 'object',
  map: 'object',
  bytes: undefined,
  variant: undefined,
  json: undefined,
  null: undefined,
};

export function isKnownDcsType(type: string): boolean {
  return Object.hasOwn(DCS_FIELD_TYPES, type.toLowerCase());
}

export function logicalTypeOf(type: string): OdcsLogicalType | undefined {
  return isKnownDcsType(type) ? DCS_FIELD_TYPES[type.toLowerCase()] : undefined;
}

type OptionCheck = (value: unknown) => boolean;

const nonNegativeInteger: OptionCheck = (v) => isInteger(v) && v >= 0;
const anyString: OptionCheck = isString;
const finiteNumber: OptionCheck = isFiniteNumber;
const oneOf =
  (...values: string[]): OptionCheck =>
  (v) =>
    isString(v) && values.includes(v);

const temporal: Record<string, OptionCheck> = {
  format: anyString,
  minimum: anyString,
  maximum: anyString,
  exclusiveMinimum: anyString,
  exclusiveMaximum: anyString,
};

const numeric: Record<string, OptionCheck> = {
  minimum: finiteNumber,
  maximum: finiteNumber,
  exclusiveMinimum: finiteNumber,
  exclusiveMaximum: finiteNumber,
};

/** The DCS constraint keys each logical type accepts as `logicalTypeOptions`, with their checks. */
export const LOGICAL_TYPE_OPTIONS: Readonly<Record<OdcsLogicalType, Readonly<Record<string, OptionCheck>>>> = {
  string: { minLength: nonNegativeInteger, maxLength: nonNegativeInteger, pattern: anyString, format: anyString },
  date: temporal,
  timestamp: temporal,
  time: temporal,
  integer: { ...numeric, format: oneOf('i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128') },
  number: { ...numeric, format: oneOf('f32', 'f64') },
  object: {},
  array: {},
  boolean: {},
};

/** The DCS keys that are constraints (candidates for `logicalTypeOptions`). */
export const DCS_CONSTRAINT_KEYS = [
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
] as const;
