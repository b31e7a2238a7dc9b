/**
 * Reads a `physicalType` as written in a contract (`VARCHAR(255)`, `DECIMAL(12,2)`, `bigint`,
 * `timestamp(3) with time zone`, `int unsigned`) into what matters for comparing two of them:
 * the family and its capacity. Spellings of the common SQL dialects are understood; anything
 * else (arrays, structs, vendor types) stays `other` and is compared as text.
 */
export type PhysicalType =
  | { readonly family: 'integer'; readonly bits: number; readonly signed: boolean }
  | { readonly family: 'decimal'; readonly precision?: number; readonly scale: number }
  /** `bits` is absent for `float`, which is 4 bytes in some databases and 8 in others. */
  | { readonly family: 'float'; readonly bits?: number }
  /** `length` absent: unbounded. `fixed`: CHAR, blank-padded. */
  | { readonly family: 'string'; readonly length?: number; readonly fixed: boolean }
  | { readonly family: 'binary'; readonly length?: number }
  | { readonly family: 'timestamp' | 'time'; readonly zoned: boolean; readonly precision?: number }
  | { readonly family: 'date' | 'boolean' | 'uuid' | 'json' | 'interval' }
  | { readonly family: 'other'; readonly text: string };

const INTEGER_NAMES: readonly (readonly [names: readonly string[], bits: number, signed: boolean])[] = [
  [['tinyint', 'int1', 'byte'], 8, true],
  [['smallint', 'int2', 'short', 'int16'], 16, true],
  [['mediumint'], 24, true],
  [['int', 'integer', 'int4', 'int32', 'signed'], 32, true],
  [['bigint', 'int8', 'long', 'int64'], 64, true],
  [['hugeint', 'int128'], 128, true],
  [['utinyint', 'uint8'], 8, false],
  [['usmallint', 'uint16'], 16, false],
  [['uinteger', 'uint', 'uint32'], 32, false],
  [['ubigint', 'uint64'], 64, false],
  [['uhugeint', 'uint128'], 128, false],
];
const INTEGERS = new Map<string, readonly [bits: number, signed: boolean]>(
  INTEGER_NAMES.flatMap(([names, bits, signed]) => names.map((name) => [name, [bits, signed]] as const)),
);
const DECIMALS = new Set(['decimal', 'numeric', 'number', 'dec', 'bignumeric']);
const FLOATS: ReadonlyMap<string, number | undefined> = new Map([
  ['real', 32],
  ['float4', 32],
  ['float32', 32],
  ['double', 64],
  ['double precision', 64],
  ['float8', 64],
  ['float64', 64],
  ['float', undefined],
]);
const STRINGS = new Set(['varchar', 'character varying', 'varchar2', 'nvarchar', 'nvarchar2', 'string', 'text']);
const FIXED_STRINGS = new Set(['char', 'character', 'nchar', 'bpchar']);
const UNBOUNDED_STRINGS = new Set(['text', 'string', 'clob', 'nclob', 'tinytext', 'mediumtext', 'longtext', 'ntext']);
const BINARIES = new Set(['binary', 'varbinary', 'bytea', 'blob', 'bytes', 'longblob', 'image']);
const TIMESTAMPS = new Set(['timestamp', 'datetime', 'datetime2', 'timestamp without time zone', 'timestamp_ntz']);
const ZONED_TIMESTAMPS = new Set([
  'timestamptz',
  'timestamp with time zone',
  'timestamp_tz',
  'timestamp_ltz',
  'timestamp with local time zone',
  'datetimeoffset',
]);
const SIMPLE = new Map<string, 'date' | 'boolean' | 'uuid' | 'json' | 'interval'>([
  ['date', 'date'],
  ['bool', 'boolean'],
  ['boolean', 'boolean'],
  ['uuid', 'uuid'],
  ['uniqueidentifier', 'uuid'],
  ['json', 'json'],
  ['jsonb', 'json'],
  ['variant', 'json'],
  ['interval', 'interval'],
]);

const int = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;

export function parsePhysicalType(written: string): PhysicalType {
  const text = written.trim().toLowerCase().replace(/\s+/g, ' ');
  // Arguments may sit inside the name: `timestamp(3) with time zone`.
  const argument = /\(([^()]*)\)/.exec(text);
  const rest = argument ? `${text.slice(0, argument.index)} ${text.slice(argument.index + argument[0].length)}` : text;
  const words = rest.replace(/\s+/g, ' ').trim();
  if (!/^[a-z_][a-z0-9_ ]*$/.test(words)) return { family: 'other', text };
  const [first, second] = (argument?.[1] ?? '').split(',').map((arg) => int(arg.trim()));
  const unsigned = words.endsWith(' unsigned');
  const name = unsigned ? words.slice(0, -' unsigned'.length) : words;

  const integer = INTEGERS.get(name);
  if (integer) return { family: 'integer', bits: integer[0], signed: integer[1] && !unsigned };
  if (DECIMALS.has(name))
    return { family: 'decimal', ...(first !== undefined && { precision: first }), scale: second ?? 0 };
  if (FLOATS.has(name)) {
    // FLOAT(p) is single precision up to 24 binary digits; MySQL's FLOAT(m,d) says nothing of width.
    const bits =
      FLOATS.get(name) ?? (first !== undefined && second === undefined ? (first <= 24 ? 32 : 64) : undefined);
    return bits === undefined ? { family: 'float' } : { family: 'float', bits };
  }
  if (STRINGS.has(name) || FIXED_STRINGS.has(name) || UNBOUNDED_STRINGS.has(name)) {
    const fixed = FIXED_STRINGS.has(name);
    const length = UNBOUNDED_STRINGS.has(name) ? undefined : (first ?? (fixed ? 1 : undefined));
    return { family: 'string', fixed, ...(length !== undefined && { length }) };
  }
  if (BINARIES.has(name)) return { family: 'binary', ...(first !== undefined && { length: first }) };
  const zoned = ZONED_TIMESTAMPS.has(name) || name === 'timetz' || name === 'time with time zone';
  if (zoned || TIMESTAMPS.has(name) || name === 'time' || name === 'time without time zone') {
    const family = name.startsWith('time') && !name.startsWith('timestamp') ? 'time' : 'timestamp';
    return { family, zoned, ...(first !== undefined && { precision: first }) };
  }
  const simple = SIMPLE.get(name);
  return simple ? { family: simple } : { family: 'other', text };
}

/** The numeric `format` of integer and number logical types (`i32`, `u8`, `f64`) as a physical type. */
export function numericFormatType(format: string): PhysicalType | undefined {
  const match = /^([iuf])(8|16|32|64|128)$/.exec(format.trim().toLowerCase());
  if (match === null) return undefined;
  const bits = Number(match[2]);
  if (match[1] === 'f') return bits === 32 || bits === 64 ? { family: 'float', bits } : undefined;
  return { family: 'integer', bits, signed: match[1] === 'i' };
}
