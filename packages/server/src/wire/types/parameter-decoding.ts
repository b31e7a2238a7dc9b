/**
 * Bind parameters → the JS values the gateway takes (string, number, bigint, boolean, null; and
 * Uint8Array for bytea). Text values of a type the client declared in Parse are converted by
 * that type (numbers, booleans); text values of unspecified type (node-postgres, pgbench) stay
 * strings that DuckDB casts to the type it infers for `$n`. Binary values need a type: the
 * declared one, or else the one DuckDB inferred (asked of the gateway with `describe`).
 */
import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import { decodeUtf8 } from '../protocol/body-cursor.js';
import { formatAt, type FormatCode } from '../protocol/frontend-messages.js';
import { WireError } from '../wire-error.js';
import { OID } from './pg-types.js';
import { dateText, timeText, timestampText } from './temporal-text.js';

type Kind = 'bool' | 'int' | 'bigint' | 'float' | 'numeric' | 'bytea' | 'date' | 'timestamp' | 'time' | 'uuid' | 'text';

const KIND_OF_OID: ReadonlyMap<number, Kind> = new Map<number, Kind>([
  [OID.bool, 'bool'],
  [OID.int2, 'int'],
  [OID.int4, 'int'],
  [26, 'int'], // oid
  [OID.int8, 'bigint'],
  [OID.float4, 'float'],
  [OID.float8, 'float'],
  [OID.numeric, 'numeric'],
  [OID.bytea, 'bytea'],
  [OID.date, 'date'],
  [OID.timestamp, 'timestamp'],
  [OID.timestamptz, 'timestamp'],
  [OID.time, 'time'],
  [OID.uuid, 'uuid'],
]);

function kindOfDuckDBType(type: DuckDBType | undefined): Kind {
  switch (type?.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return 'bool';
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return 'int';
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return 'bigint';
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return 'float';
    case DuckDBTypeId.DECIMAL:
      return 'numeric';
    case DuckDBTypeId.BLOB:
      return 'bytea';
    default:
      return 'text';
  }
}

function invalid(kind: string, text: string): WireError {
  return new WireError('MW5410', '22P02', `invalid input syntax for type ${kind}: "${text}"`);
}

const BOOLEAN_TEXT: Record<string, boolean> = {
  t: true,
  true: true,
  y: true,
  yes: true,
  on: true,
  1: true,
  f: false,
  false: false,
  n: false,
  no: false,
  off: false,
  0: false,
};

function fromText(kind: Kind, text: string): unknown {
  const trimmed = text.trim();
  switch (kind) {
    case 'bool': {
      const value = BOOLEAN_TEXT[trimmed.toLowerCase()];
      if (value === undefined) throw invalid('boolean', text);
      return value;
    }
    case 'int':
      if (!/^[+-]?\d+$/.test(trimmed)) throw invalid('integer', text);
      return Number(trimmed);
    case 'bigint':
      if (!/^[+-]?\d+$/.test(trimmed)) throw invalid('bigint', text);
      return BigInt(trimmed);
    case 'float': {
      const special: Record<string, number> = { nan: NaN, infinity: Infinity, '+infinity': Infinity, inf: Infinity };
      const lower = trimmed.toLowerCase();
      if (lower in special) return special[lower];
      if (lower === '-infinity' || lower === '-inf') return -Infinity;
      const value = Number(trimmed);
      if (trimmed === '' || Number.isNaN(value)) throw invalid('double precision', text);
      return value;
    }
    case 'numeric':
      if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) && trimmed.toLowerCase() !== 'nan') {
        throw invalid('numeric', text);
      }
      return trimmed;
    case 'bytea':
      if (text.startsWith('\\x')) {
        const hex = text.slice(2);
        if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw invalid('bytea', text);
        return new Uint8Array(Buffer.from(hex, 'hex'));
      }
      return new Uint8Array(Buffer.from(text, 'utf8'));
    default:
      return text;
  }
}

const PG_EPOCH_DAYS = 10_957;
const PG_EPOCH_MICROS = 946_684_800_000_000n;

function fromBinary(kind: Kind, oid: number, bytes: Buffer): unknown {
  const length = bytes.length;
  const wrong = (): WireError =>
    new WireError('MW5410', '22P03', `incorrect binary data format in bind parameter (${length} bytes for ${kind})`);
  switch (kind) {
    case 'bool':
      if (length !== 1) throw wrong();
      return bytes[0] !== 0;
    case 'int':
    case 'bigint':
      if (length === 2) return bytes.readInt16BE(0);
      if (length === 4) return oid === 26 ? bytes.readUInt32BE(0) : bytes.readInt32BE(0);
      if (length === 8) return bytes.readBigInt64BE(0);
      throw wrong();
    case 'float':
      if (length === 4) return bytes.readFloatBE(0);
      if (length === 8) return bytes.readDoubleBE(0);
      throw wrong();
    case 'bytea':
      return new Uint8Array(bytes);
    case 'uuid':
      if (length !== 16) throw wrong();
      return bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    case 'date':
      if (length !== 4) throw wrong();
      return dateText(bytes.readInt32BE(0) + PG_EPOCH_DAYS);
    case 'timestamp':
      if (length !== 8) throw wrong();
      return timestampText(bytes.readBigInt64BE(0) + PG_EPOCH_MICROS, oid === OID.timestamptz);
    case 'time':
      if (length !== 8) throw wrong();
      return timeText(bytes.readBigInt64BE(0));
    case 'text':
      return decodeUtf8(bytes);
    default:
      throw new WireError(
        'MW5410',
        '0A000',
        `binary format is not supported for parameters of type ${kind}; send the value as text`,
      );
  }
}

export interface ParameterTypes {
  /** OIDs declared in Parse (0 = unspecified), by position. */
  readonly declared: readonly number[];
  /** Types DuckDB inferred, by position, when known. */
  readonly inferred?: readonly DuckDBType[];
}

export function decodeParameters(
  values: readonly (Buffer | null)[],
  formats: readonly FormatCode[],
  types: ParameterTypes,
): unknown[] {
  return values.map((raw, index) => {
    if (raw === null) return null;
    const oid = types.declared[index] ?? 0;
    const binary = formatAt(formats, index) === 1;
    const untyped = oid === 0 || oid === OID.unknown;
    // Untyped text stays text: DuckDB casts it to the type it inferred for `$n`, as PostgreSQL
    // does with unknown-typed literals, and no Describe round trip to the gateway is needed.
    if (untyped && !binary) return decodeUtf8(raw);
    const kind = KIND_OF_OID.get(oid) ?? (untyped ? kindOfDuckDBType(types.inferred?.[index]) : 'text');
    return binary ? fromBinary(kind, oid, raw) : fromText(kind, decodeUtf8(raw));
  });
}

/** True when decoding needs DuckDB's inferred types: a binary parameter without a declared OID. */
export function needsInferredTypes(
  count: number,
  declared: readonly number[],
  formats: readonly FormatCode[],
): boolean {
  for (let i = 0; i < count; i++) {
    const oid = declared[i] ?? 0;
    if ((oid === 0 || oid === OID.unknown) && formatAt(formats, i) === 1) return true;
  }
  return false;
}
