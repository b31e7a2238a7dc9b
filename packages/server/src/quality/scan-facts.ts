/**
 * Facts several checks share — the row count, a column's non-null count, distinct counts —
 * computed once per scan, each in its own unit so a failure stays attributable.
 *
 * Distinct counts are the expensive part of a scan (a hash table of every value). For an
 * integer column DuckDB's `bitstring_agg` counts them with a bitmap about seven times faster,
 * but it needs the column's bounds: the main scan reads min and max, and a second, narrow
 * query (one column of the Parquet files per counted key) sets one bit per value.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AggregateScan, type ScanOutcome } from './aggregate-scan.js';
import { formatDuckType } from './duckdb-type-parser.js';
import type { StagedColumn } from './staged-columns.js';

/** A value of the scan: which unit computes it and the alias it is read by. */
export interface Fact {
  readonly unit: string;
  readonly alias: string;
}

/** Integer types `bitstring_agg` accepts. */
const BITSTRING_TYPES = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
]);
/** At most 2^27 bits (16 MiB) per bitmap; wider ranges use count(DISTINCT). */
const MAX_BITSTRING_RANGE = 2n ** 27n;

interface BitmapCount {
  readonly column: StagedColumn;
  readonly unit: string;
  readonly min: string;
  readonly max: string;
  /** The alias checks read; answered by the second query. */
  readonly alias: string;
}

export class ScanFacts {
  readonly scan: AggregateScan;
  private readonly cache = new Map<string, Fact>();
  private readonly bitmaps: BitmapCount[] = [];
  private readonly distinctColumns = new Map<string, Fact>();

  constructor(private readonly relation: string) {
    this.scan = new AggregateScan(relation);
  }

  rowCount(): Fact {
    return this.shared('rows', 'rows', () => 'count(*)');
  }

  nonNullCount(column: StagedColumn): Fact {
    return this.shared(`nulls:${column.name}`, `nulls:${column.name}`, () => `count(${column.sql})`);
  }

  /** Rows where every one of `columns` is non-null. */
  completeRows(columns: readonly StagedColumn[]): Fact {
    if (columns.length === 1) return this.nonNullCount(columns[0]!);
    const key = `complete:${names(columns)}`;
    return this.shared(key, key, () => `count(*) FILTER (WHERE ${allNonNull(columns)})`);
  }

  /** Distinct non-null values (or tuples where every column is non-null). */
  distinctCount(columns: readonly StagedColumn[]): Fact {
    const key = `distinct:${names(columns)}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const single = columns.length === 1 ? columns[0]! : undefined;
    const fact =
      single?.type?.kind === 'scalar' && BITSTRING_TYPES.has(single.type.name)
        ? this.bitmapCount(key, single)
        : {
            unit: key,
            alias: this.scan.aggregate(
              key,
              single
                ? `count(DISTINCT ${single.sql})`
                : `count(DISTINCT CASE WHEN ${allNonNull(columns)} THEN row(${columns.map((c) => c.sql).join(', ')}) END)`,
            ),
          };
    this.cache.set(key, fact);
    if (single) this.distinctColumns.set(single.name, fact);
    return fact;
  }

  /** Columns whose distinct count some check asked for (the statistics report them). */
  countedDistinct(): ReadonlyMap<string, Fact> {
    return this.distinctColumns;
  }

  /** Runs the scan, then the bitmap counts that need its bounds. */
  async run(connection: DuckDBConnection): Promise<ScanOutcome> {
    const first = await this.scan.run(connection);
    if (this.bitmaps.length === 0) return first;
    const second = new AggregateScan(this.relation, 'b');
    const answers = new Map<string, string | number>();
    for (const bitmap of this.bitmaps) {
      if (first.error(bitmap.unit)) continue;
      const min = first.value(bitmap.min);
      const max = first.value(bitmap.max);
      if (min === null || max === null || min === undefined || max === undefined) {
        answers.set(bitmap.alias, 0); // no non-null value at all
        continue;
      }
      const [low, high] = [BigInt(String(min)), BigInt(String(max))];
      const type = formatDuckType(bitmap.column.type!);
      const sql =
        high - low < MAX_BITSTRING_RANGE
          ? `bit_count(bitstring_agg(${bitmap.column.sql}, CAST(${low} AS ${type}), CAST(${high} AS ${type})))`
          : `count(DISTINCT ${bitmap.column.sql})`;
      answers.set(bitmap.alias, second.aggregate(bitmap.unit, sql));
    }
    const later = await second.run(connection);
    return {
      value: (alias) => {
        const answer = answers.get(alias);
        if (answer === undefined) return first.value(alias);
        return typeof answer === 'number' ? answer : later.value(answer);
      },
      error: (unit) => first.error(unit) ?? later.error(unit),
    };
  }

  private bitmapCount(unit: string, column: StagedColumn): Fact {
    const bitmap: BitmapCount = {
      column,
      unit,
      min: this.scan.aggregate(unit, `min(${column.sql})`),
      max: this.scan.aggregate(unit, `max(${column.sql})`),
      alias: `${unit}#bitmap`,
    };
    this.bitmaps.push(bitmap);
    return { unit, alias: bitmap.alias };
  }

  private shared(key: string, unit: string, sql: () => string): Fact {
    let fact = this.cache.get(key);
    if (!fact) {
      fact = { unit, alias: this.scan.aggregate(unit, sql()) };
      this.cache.set(key, fact);
    }
    return fact;
  }
}

/** A key naming the columns unambiguously (names may contain commas). */
function names(columns: readonly StagedColumn[]): string {
  return JSON.stringify(columns.map((column) => column.name));
}

function allNonNull(columns: readonly StagedColumn[]): string {
  return columns.map((column) => `${column.sql} IS NOT NULL`).join(' AND ');
}
