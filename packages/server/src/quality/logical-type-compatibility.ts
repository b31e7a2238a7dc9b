/**
 * Which DuckDB types honour each ODCS `logicalType`. The table is the promise made to
 * consumers: a `date` column must be a DATE (not a TIMESTAMP — a time of day the contract
 * does not mention would surprise every consumer comparing it with a date), an `integer` may
 * be any integer width or a DECIMAL without fraction digits, a `number` any numeric type.
 */
import type { DuckType } from './duckdb-type-parser.js';

export const INTEGER_TYPES: ReadonlySet<string> = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'UHUGEINT',
  'BIGNUM',
]);

const TIMESTAMP_TYPES = new Set([
  'TIMESTAMP',
  'TIMESTAMP WITH TIME ZONE',
  'TIMESTAMP_S',
  'TIMESTAMP_MS',
  'TIMESTAMP_NS',
]);
const TIME_TYPES = new Set(['TIME', 'TIME_NS', 'TIME WITH TIME ZONE']);

/** Human wording of the table, for messages and docs. */
export const LOGICAL_TYPE_EXPECTATIONS: Readonly<Record<string, string>> = {
  string: 'VARCHAR, UUID or ENUM (BLOB when format is binary or byte)',
  integer: 'an integer type (TINYINT … HUGEINT, unsigned ones) or DECIMAL(p,0)',
  number: 'a numeric type (integers, FLOAT, DOUBLE, DECIMAL)',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP or TIMESTAMP WITH TIME ZONE (or TIMESTAMP_S/_MS/_NS)',
  time: 'TIME or TIME WITH TIME ZONE',
  object: 'STRUCT, MAP, JSON or VARIANT',
  array: 'a LIST (T[]) or ARRAY (T[n])',
};

/** Whether data of DuckDB type `type` honours `logicalType`; undefined for unknown logical types. */
export function logicalTypeAccepts(logicalType: string, type: DuckType, format?: string): boolean | undefined {
  const scalar = type.kind === 'scalar' ? type.name : undefined;
  switch (logicalType) {
    case 'string':
      return (
        type.kind === 'enum' ||
        scalar === 'VARCHAR' ||
        scalar === 'UUID' ||
        (scalar === 'BLOB' && (format === 'binary' || format === 'byte'))
      );
    case 'integer':
      return (scalar !== undefined && INTEGER_TYPES.has(scalar)) || (type.kind === 'decimal' && type.scale === 0);
    case 'number':
      return (
        type.kind === 'decimal' ||
        (scalar !== undefined && (INTEGER_TYPES.has(scalar) || scalar === 'FLOAT' || scalar === 'DOUBLE'))
      );
    case 'boolean':
      return scalar === 'BOOLEAN';
    case 'date':
      return scalar === 'DATE';
    case 'timestamp':
      return scalar !== undefined && TIMESTAMP_TYPES.has(scalar);
    case 'time':
      return scalar !== undefined && TIME_TYPES.has(scalar);
    case 'object':
      return type.kind === 'struct' || type.kind === 'map' || scalar === 'JSON' || scalar === 'VARIANT';
    case 'array':
      return type.kind === 'list' || type.kind === 'array';
    default:
      return undefined;
  }
}

/** Whether values of the type carry a time zone (for the `timezone` option). */
export function hasTimeZone(type: DuckType): boolean {
  return type.kind === 'scalar' && type.name.endsWith('WITH TIME ZONE');
}

export function isIntegerType(type: DuckType): boolean {
  return type.kind === 'scalar' && INTEGER_TYPES.has(type.name);
}

export function isNumericType(type: DuckType): boolean {
  return logicalTypeAccepts('number', type) === true;
}

/** Types whose min/max mean something in column statistics. */
export function isOrderableScalar(type: DuckType): boolean {
  if (type.kind === 'decimal' || type.kind === 'enum') return true;
  return type.kind === 'scalar' && !['BLOB', 'BIT', 'JSON', 'VARIANT', 'INTERVAL'].includes(type.name);
}
