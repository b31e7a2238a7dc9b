/**
 * Profiles the text columns of a relation: for each, over a deterministic sample of its
 * non-null values, the share each personal-data detector accepts and the share matching the
 * column's pattern. The sampled values stay in this function; only rates leave it, because the
 * values are exactly the personal data the profile is looking for.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnSampleQuery, type SampledColumn } from './column-sample-query.js';
import {
  DEFAULT_SAMPLE_SIZE,
  type ColumnProfile,
  type ProfiledColumnInput,
  type ProfileOptions,
} from './profile-types.js';
import { DETECTOR_NAMES, detectorsAccepting, type DetectorName } from './value-validators.js';

/**
 * Only text columns are profiled; the others are left out of the result rather than listed
 * with zeros, which would read as "looked and found nothing". DuckDB prints every text type as
 * VARCHAR; the aliases are accepted for callers that pass contract types.
 */
const TEXT_TYPE = /^(?:VARCHAR|TEXT|STRING|CHAR|BPCHAR)(?:\s*\(\s*\d+\s*\))?$/i;

export function isProfiledType(type: string): boolean {
  return TEXT_TYPE.test(type.trim());
}

/**
 * One query for all columns (plus, only if it fails, one tiny query per pattern to find those
 * RE2 cannot compile: they are left out and the sample is taken again without them).
 *
 * @example
 * const profile = await profileColumns(connection, "read_parquet(['part-0.parquet'])",
 *   [{ name: 'email', type: 'VARCHAR' }, { name: 'id', type: 'BIGINT' }],
 *   { patterns: new Map([['email', '[^@]+@example\\.com']]) });
 * // [{ column: 'email', sampled: 1000, matches: { email: 0.98, phone: 0, … }, pattern: { regex: …, matched: 0.4 } }]
 */
export async function profileColumns(
  connection: DuckDBConnection,
  relation: string,
  columns: readonly ProfiledColumnInput[],
  options: ProfileOptions = {},
): Promise<ColumnProfile[]> {
  const sampleSize = options.sampleSize ?? DEFAULT_SAMPLE_SIZE;
  const text = columns.filter((column) => isProfiledType(column.type));
  if (text.length === 0) return [];
  let sampled: readonly SampledColumn[] = text.map(({ name }) => ({ name, pattern: options.patterns?.get(name) }));
  let samples: SampledValue[][];
  try {
    samples = await sample(connection, relation, sampled, sampleSize);
  } catch (error) {
    const usable = await compilablePatterns(connection, sampled);
    if (usable.every((column, i) => column.pattern === sampled[i]!.pattern)) throw error;
    sampled = usable;
    samples = await sample(connection, relation, sampled, sampleSize);
  }
  return sampled.map((column, i) => summarize(column, samples[i]!));
}

/** One sampled value: NULL when too long to be looked at; `p` present when the column has a pattern. */
interface SampledValue {
  readonly v: string | null;
  readonly p?: boolean | null;
}

async function sample(
  connection: DuckDBConnection,
  relation: string,
  columns: readonly SampledColumn[],
  sampleSize: number,
): Promise<SampledValue[][]> {
  const query = columnSampleQuery(relation, columns, sampleSize);
  const reader = await connection.runAndReadAll(query.sql, [...query.parameters]);
  const row = (reader.getRowObjectsJson()[0] ?? {}) as Record<string, unknown>;
  // A column with no non-null value samples nothing: arg_min over no rows is NULL.
  return columns.map((_, i) => (Array.isArray(row[`s${i}`]) ? (row[`s${i}`] as SampledValue[]) : []));
}

function summarize(column: SampledColumn, values: readonly SampledValue[]): ColumnProfile {
  const counts = Object.fromEntries(DETECTOR_NAMES.map((name) => [name, 0])) as Record<DetectorName, number>;
  let patternMatches = 0;
  for (const { v, p } of values) {
    if (p === true) patternMatches++;
    if (v !== null) for (const name of detectorsAccepting(v)) counts[name]++;
  }
  const rate = (count: number) => (values.length === 0 ? 0 : count / values.length);
  const matches = Object.fromEntries(DETECTOR_NAMES.map((name) => [name, rate(counts[name])])) as Record<
    DetectorName,
    number
  >;
  return {
    column: column.name,
    sampled: values.length,
    matches,
    ...(column.pattern === undefined ? {} : { pattern: { regex: column.pattern, matched: rate(patternMatches) } }),
  };
}

/** The columns with each pattern RE2 cannot compile removed (the contract check reports those as errors). */
async function compilablePatterns(
  connection: DuckDBConnection,
  columns: readonly SampledColumn[],
): Promise<SampledColumn[]> {
  const checked: SampledColumn[] = [];
  for (const column of columns) {
    if (column.pattern === undefined) {
      checked.push(column);
      continue;
    }
    try {
      await connection.runAndReadAll(`SELECT regexp_full_match('', $1)`, [column.pattern]);
      checked.push(column);
    } catch {
      checked.push({ name: column.name });
    }
  }
  return checked;
}
