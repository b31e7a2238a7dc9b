/**
 * Each `logicalTypeOptions` entry as a SQL predicate that is true for a violating (non-null)
 * value, or as a result known from the column type alone. Text from the contract is bound
 * as a parameter (`bind`); numbers are inlined only after checking they are finite.
 *
 * Bounds follow both ODCS versions: v3.1.0 `exclusiveMinimum: 5` is a bound of its own;
 * v3.0.x `exclusiveMinimum: true` makes `minimum` exclusive. Date and time bounds are strings,
 * cast to the column's own type by DuckDB (so `2024-01-01` compares as a DATE).
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { RawRecord } from './contract-table-spec.js';
import { formatDuckType } from './duckdb-type-parser.js';
import { hasTimeZone, isIntegerType } from './logical-type-compatibility.js';
import type { StagedColumn } from './staged-columns.js';
import { quoteIdentifier } from './sql-quoting.js';
import { jdkPatternToStrptime, stringFormatPattern } from './value-formats.js';

export type OptionCheck =
  | { readonly kind: 'predicate'; readonly sql: string }
  | { readonly kind: 'settled'; readonly passed: boolean; readonly observed: string; readonly message: string }
  | { readonly kind: 'recorded'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly reason: string };

export interface OptionInput {
  readonly option: string;
  readonly value: unknown;
  readonly options: RawRecord;
  readonly logicalType?: string;
  readonly column: StagedColumn;
  readonly bind: (value: DuckDBValue) => string;
}

/** Integer formats (Rust names) and their ranges; 128-bit ones are any DuckDB integer. */
const INTEGER_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  i8: [-(2n ** 7n), 2n ** 7n - 1n],
  i16: [-(2n ** 15n), 2n ** 15n - 1n],
  i32: [-(2n ** 31n), 2n ** 31n - 1n],
  i64: [-(2n ** 63n), 2n ** 63n - 1n],
  u8: [0n, 2n ** 8n - 1n],
  u16: [0n, 2n ** 16n - 1n],
  u32: [0n, 2n ** 32n - 1n],
  u64: [0n, 2n ** 64n - 1n],
};

/** The check for one option; undefined when the option has nothing to check on its own. */
export function optionCheck(input: OptionInput): OptionCheck | undefined {
  const { option, value, column } = input;
  const v = column.sql;
  switch (option) {
    case 'pattern':
      return typeof value === 'string'
        ? predicate(`NOT regexp_full_match(${asText(column)}, ${input.bind(value)})`)
        : invalid('pattern must be a string');
    case 'minLength':
      return count(value, (n) => `length(${asText(column)}) < ${n}`);
    case 'maxLength':
      return count(value, (n) => `length(${asText(column)}) > ${n}`);
    case 'minimum':
      return bound(input, input.options.exclusiveMinimum === true ? '<=' : '<');
    case 'maximum':
      return bound(input, input.options.exclusiveMaximum === true ? '>=' : '>');
    case 'exclusiveMinimum':
      return typeof value === 'boolean' ? undefined : bound(input, '<=');
    case 'exclusiveMaximum':
      return typeof value === 'boolean' ? undefined : bound(input, '>=');
    case 'multipleOf':
      return multipleOf(column, value);
    case 'format':
      return format(input);
    case 'minItems':
      return count(value, (n) => `len(${v}) < ${n}`);
    case 'maxItems':
      return count(value, (n) => `len(${v}) > ${n}`);
    case 'uniqueItems':
      // Duplicates among the non-null items; `false` asks for nothing.
      return value === true ? predicate(`list_unique(${v}) <> list_aggregate(${v}, 'count')`) : undefined;
    case 'minProperties':
    case 'maxProperties':
      return properties(column, value, option === 'minProperties' ? '<' : '>');
    case 'required':
      return requiredProperties(input);
    case 'timezone':
      return timezone(column, value);
    default:
      return { kind: 'recorded', reason: `logicalTypeOptions.${option} is not checked by Meshwork` };
  }
}

function predicate(sql: string): OptionCheck {
  return { kind: 'predicate', sql };
}

function invalid(reason: string): OptionCheck {
  return { kind: 'invalid', reason };
}

function asText(column: StagedColumn): string {
  return column.type?.kind === 'scalar' && column.type.name === 'VARCHAR'
    ? column.sql
    : `CAST(${column.sql} AS VARCHAR)`;
}

function count(value: unknown, sql: (n: number) => string): OptionCheck {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? predicate(sql(value))
    : invalid(`must be a non-negative integer, not ${JSON.stringify(value)}`);
}

/** A finite number as a SQL literal. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

function bound(input: OptionInput, violatingOperator: string): OptionCheck {
  const { value, column } = input;
  if (typeof value === 'number' && Number.isFinite(value)) {
    return predicate(`${column.sql} ${violatingOperator} ${numberLiteral(value)}`);
  }
  if (typeof value === 'string' && column.type) {
    return predicate(`${column.sql} ${violatingOperator} CAST(${input.bind(value)} AS ${formatDuckType(column.type)})`);
  }
  return invalid(`must be a number (or, for dates and times, a string), not ${JSON.stringify(value)}`);
}

function multipleOf(column: StagedColumn, value: unknown): OptionCheck {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return invalid(`must be a positive number, not ${JSON.stringify(value)}`);
  }
  const m = numberLiteral(value);
  if (column.type && isIntegerType(column.type) && Number.isInteger(value))
    return predicate(`${column.sql} % ${m} <> 0`);
  // Binary fractions make 0.3 / 0.1 = 2.9999999999999996: compare with a tolerance.
  const ratio = `CAST(${column.sql} AS DOUBLE) / ${m}`;
  return predicate(`abs(${ratio} - round(${ratio})) > 1e-9`);
}

function format(input: OptionInput): OptionCheck {
  const { value, column, logicalType } = input;
  if (typeof value !== 'string') return invalid('format must be a string');
  const isText = column.type?.kind === 'scalar' && column.type.name === 'VARCHAR';
  if (logicalType === 'integer') {
    const range = INTEGER_RANGES[value];
    if (!range) return { kind: 'recorded', reason: `format ${value}: any DuckDB integer fits, nothing to check` };
    return predicate(`(${column.sql} < ${range[0]} OR ${column.sql} > ${range[1]})`);
  }
  if (logicalType === 'date' || logicalType === 'timestamp' || logicalType === 'time') {
    if (!isText) return { kind: 'recorded', reason: `format ${value} describes the text form; the column is typed` };
    const strptime = jdkPatternToStrptime(value);
    if (!strptime) return { kind: 'recorded', reason: `format ${value} uses pattern letters Meshwork does not check` };
    return predicate(`try_strptime(${column.sql}, ${input.bind(strptime)}) IS NULL`);
  }
  if (logicalType === 'number') return { kind: 'recorded', reason: `format ${value} describes storage width` };
  const pattern = stringFormatPattern(value);
  if (!pattern) return { kind: 'recorded', reason: `format ${value} is descriptive or unknown; not checked` };
  return predicate(`NOT regexp_full_match(${asText(column)}, ${input.bind(pattern)})`);
}

/** The number of properties of a MAP, JSON or STRUCT value, as SQL. */
function propertyCount(column: StagedColumn): string | undefined {
  const type = column.type;
  if (type?.kind === 'map') return `cardinality(${column.sql})`;
  if (type?.kind === 'scalar' && type.name === 'JSON') return `len(json_keys(${column.sql}))`;
  if (type?.kind === 'struct') {
    // A struct has every field; a NULL field counts as an absent property.
    const present = type.fields.map((f) => `CAST(${column.sql}.${quoteIdentifier(f.name)} IS NOT NULL AS INTEGER)`);
    return present.length > 0 ? `(${present.join(' + ')})` : '0';
  }
  return undefined;
}

function properties(column: StagedColumn, value: unknown, violatingOperator: '<' | '>'): OptionCheck {
  const size = propertyCount(column);
  if (!size) return invalid(`applies to MAP, JSON or STRUCT columns, not ${column.typeText}`);
  return count(value, (n) => `${size} ${violatingOperator} ${n}`);
}

function requiredProperties(input: OptionInput): OptionCheck {
  const { value, column } = input;
  if (!Array.isArray(value) || !value.every((name): name is string => typeof name === 'string')) {
    return invalid('required must be a list of property names');
  }
  const type = column.type;
  if (type?.kind === 'struct') {
    const absent = value.filter((name) => !type.fields.some((field) => field.name === name));
    if (absent.length > 0) {
      return {
        kind: 'settled',
        passed: false,
        observed: column.typeText,
        message: `the struct has no field(s) ${absent.join(', ')}`,
      };
    }
    return predicate(value.map((name) => `${column.sql}.${quoteIdentifier(name)} IS NULL`).join(' OR ') || 'false');
  }
  const keys =
    type?.kind === 'map'
      ? `map_keys(${column.sql})`
      : type?.kind === 'scalar' && type.name === 'JSON'
        ? `json_keys(${column.sql})`
        : undefined;
  if (!keys) return invalid(`applies to MAP, JSON or STRUCT columns, not ${column.typeText}`);
  return predicate(value.map((name) => `NOT list_contains(${keys}, ${input.bind(name)})`).join(' OR ') || 'false');
}

function timezone(column: StagedColumn, value: unknown): OptionCheck {
  if (typeof value !== 'boolean') return invalid('timezone must be true or false');
  const zoned = column.type !== undefined && hasTimeZone(column.type);
  return {
    kind: 'settled',
    passed: zoned === value,
    observed: column.typeText,
    message:
      zoned === value
        ? `${column.typeText} ${value ? 'carries' : 'carries no'} time zone, as declared`
        : `timezone: ${value} needs ${value ? 'a WITH TIME ZONE type' : 'a type without time zone'}, the data is ${column.typeText}`,
  };
}
