/**
 * The one query that samples every profiled column, deterministically and in bounded memory.
 *
 * DuckDB's `USING SAMPLE reservoir(n ROWS) REPEATABLE (seed)` is repeatable only with one
 * thread (its docs say so; runs share a multi-threaded instance). So the sample is chosen by a
 * hash instead: every row gets `hash(row)`, and each column keeps the values of the `n` rows with
 * the smallest hash among those where it is not NULL — `arg_min(value, hash, n)`, a top-n heap
 * per column. Same data, same sample, whatever the threads or the file layout; memory is
 * n values per column. Hashing the whole row (not the value) keeps a frequent value from being
 * all in or all out of the sample; only rows identical in every column share a hash.
 *
 * Each sampled value travels with whether it fully matches the column's pattern, computed by
 * DuckDB on the whole value (RE2, like the contract's pattern check). Values longer than
 * SAMPLED_VALUE_MAX_LENGTH are sent as NULL: no detector accepts them, and the heap stays small.
 */
import { quoteIdentifier } from '../quality/sql-quoting.js';

export const SAMPLED_VALUE_MAX_LENGTH = 1024;
/** Keeps the heaps small (≤ 100,000 × 1 KiB per column) whatever a caller asks for. */
export const MAX_SAMPLE_SIZE = 100_000;

export interface SampledColumn {
  readonly name: string;
  readonly pattern?: string;
}

export interface SampleQuery {
  readonly sql: string;
  /** Bound in order as $1, $2…: the patterns. */
  readonly parameters: readonly string[];
}

/** `relation` is SQL written by the caller (a table name, `read_parquet([...])`), used as given. */
export function columnSampleQuery(
  relation: string,
  columns: readonly SampledColumn[],
  sampleSize: number,
): SampleQuery {
  if (!Number.isSafeInteger(sampleSize) || sampleSize < 1 || sampleSize > MAX_SAMPLE_SIZE) {
    throw new RangeError(`sampleSize must be an integer from 1 to ${MAX_SAMPLE_SIZE}, not ${sampleSize}`);
  }
  const parameters: string[] = [];
  const picked = columns.map((column, i) => `${quoteIdentifier(column.name)} AS c${i}`);
  const samples = columns.map((column, i) => {
    const value = `c${i}`;
    const fields = [`'v': CASE WHEN length(${value}) <= ${SAMPLED_VALUE_MAX_LENGTH} THEN ${value} END`];
    if (column.pattern !== undefined) {
      parameters.push(column.pattern);
      fields.push(`'p': regexp_full_match(${value}, $${parameters.length})`);
    }
    return `arg_min({${fields.join(', ')}}, mw_row_hash, ${sampleSize}) FILTER (WHERE ${value} IS NOT NULL) AS s${i}`;
  });
  const sql =
    `SELECT ${samples.join(',\n  ')}\n` +
    // `hash(*COLUMNS(*))` hashes every column of the row; a bare row alias could be shadowed by a column of that name.
    `FROM (SELECT hash(*COLUMNS(*)) AS mw_row_hash, ${picked.join(', ')} FROM ${relation})`;
  return { sql, parameters };
}
