/**
 * The extractor knows DuckDB's functions by name (it sees parse trees, not bound plans). These
 * lists are checked against the DuckDB we ship, so an upgrade that adds an aggregate or a hash
 * fails here instead of giving wrong lineage.
 */
import { describe, expect, it } from 'vitest';
import { AGGREGATE_FUNCTIONS, MASKING_FUNCTIONS } from '@meshwork/core';
import { parserConnection } from './test-support/lineage-test-support.js';

/** Window-only functions DuckDB also lists as aggregates: they occur as WINDOW nodes, never FUNCTION. */
const WINDOW_ONLY = [
  'cume_dist',
  'dense_rank',
  'fill',
  'first_value',
  'lag',
  'last_value',
  'lead',
  'nth_value',
  'ntile',
  'percent_rank',
  'rank',
  'rank_dense',
  'row_number',
];

async function functionNames(where: string): Promise<string[]> {
  const connection = await parserConnection();
  const reader = await connection.runAndReadAll(
    `SELECT DISTINCT function_name FROM duckdb_functions() WHERE ${where} ORDER BY 1`,
  );
  return reader.getRows().map(([name]) => String(name));
}

describe('function kinds', () => {
  it('knows every aggregate of this DuckDB, and nothing else as one', async () => {
    const aggregates = await functionNames(`function_type = 'aggregate'`);
    expect(aggregates.filter((name) => !WINDOW_ONLY.includes(name))).toEqual([...AGGREGATE_FUNCTIONS].sort());
  });

  it('masks with every built-in hash', async () => {
    const hashes = await functionNames(
      `function_type = 'scalar' AND regexp_matches(function_name, '^(hash|md5.*|sha\\d+)$')`,
    );
    expect(hashes.length).toBeGreaterThan(0);
    for (const name of hashes) expect(MASKING_FUNCTIONS.has(name), name).toBe(true);
  });
});
