import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContract } from './check-contract.js';
import {
  contractAround,
  countingConnection,
  openTestDatabase,
  type TestDatabase,
} from './test-support/duckdb-fixture.js';

let db: TestDatabase;
let dir: string;
let relation: string;

beforeAll(async () => {
  db = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'meshwork-quality-'));
  // Staged the way a run stages it: Parquet files, read back through read_parquet.
  for (const part of [0, 1]) {
    await db.run(`COPY (
      SELECT (range + ${part * 500})::BIGINT AS id,
             'user' || (range + ${part * 500}) || '@example.com' AS email,
             CASE WHEN range % 10 = 0 THEN NULL ELSE ['open', 'closed'][range % 2 + 1] END AS status,
             (range % 100)::DOUBLE AS amount,
             DATE '2024-01-01' + (range % 30)::INTEGER AS day,
             [range, range + 1] AS pair,
             {'a': range} AS rec
      FROM range(500)) TO '${join(dir, `part-${part}.parquet`)}' (FORMAT parquet)`);
  }
  relation = `read_parquet(['${join(dir, 'part-0.parquet')}', '${join(dir, 'part-1.parquet')}'])`;
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const schemaObject = (extra: { quality?: object[]; id?: object; email?: object } = {}) => ({
  name: 'customers',
  properties: [
    { name: 'id', logicalType: 'integer', required: true, ...extra.id },
    {
      name: 'email',
      logicalType: 'string',
      unique: true,
      required: true,
      logicalTypeOptions: { format: 'email', maxLength: 64, pattern: '^user[0-9]+@example\\.com$' },
      quality: [
        { metric: 'invalidValues', arguments: { pattern: '.*@.*' }, mustBe: 0 },
        { metric: 'duplicateValues', mustBe: 0 },
      ],
      ...extra.email,
    },
    {
      name: 'status',
      logicalType: 'string',
      quality: [
        { metric: 'nullValues', mustBeLessOrEqualTo: 10, unit: 'percent' },
        { metric: 'missingValues', arguments: { missingValues: ['', 'N/A'] }, mustBeLessThan: 200 },
        { metric: 'invalidValues', arguments: { validValues: ['open', 'closed'] }, mustBe: 0 },
      ],
    },
    { name: 'amount', logicalType: 'number', logicalTypeOptions: { minimum: 0, maximum: 99 } },
    { name: 'day', logicalType: 'date', logicalTypeOptions: { minimum: '2024-01-01' } },
    { name: 'pair', logicalType: 'array', logicalTypeOptions: { maxItems: 2 } },
    { name: 'rec', logicalType: 'object' },
  ],
  quality: [{ metric: 'rowCount', mustBeBetween: [1000, 1000] }, ...(extra.quality ?? [])],
});

async function run(object: object) {
  const counted = countingConnection(db.connection);
  const report = await checkContract({
    connection: counted.connection,
    relation,
    schemaObject: object,
    contract: contractAround(object),
  });
  return { report, queries: counted.queries };
}

describe('checkContract', () => {
  it('passes conforming data, computing every library metric in one scan', async () => {
    const { report, queries } = await run(schemaObject());
    expect(report.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(report).toMatchObject({ passed: true, rowCount: 1000 });
    expect(queries).toHaveLength(2);
    expect(queries[0]).toMatch(/^DESCRIBE SELECT \* FROM read_parquet/);
    expect(queries[1]).toMatch(/^SELECT count\(\*\)/);
    expect(queries[1]).toContain('regexp_full_match');
    expect(queries[1]).toContain('count(DISTINCT "email")');
  });

  it('adds one narrow bitmap query when an integer key needs distinct counts', async () => {
    const { report, queries } = await run(schemaObject({ id: { primaryKey: true, unique: true } }));
    expect(report.passed).toBe(true);
    expect(queries).toHaveLength(3);
    expect(queries[2]).toMatch(
      /^SELECT bit_count\(bitstring_agg\("id", CAST\(0 AS BIGINT\), CAST\(999 AS BIGINT\)\)\)/,
    );
  });

  it('runs each sql rule as one more statement', async () => {
    const { report, queries } = await run(
      schemaObject({ quality: [{ type: 'sql', query: 'SELECT count(*) FROM ${table} WHERE amount < 0', mustBe: 0 }] }),
    );
    expect(report.passed).toBe(true);
    expect(queries).toHaveLength(3);
    expect(queries[2]).toMatch(/^WITH "customers" AS \(SELECT \* FROM read_parquet/);
  });

  it('reports column statistics from the same scan', async () => {
    const { report } = await run(schemaObject({ id: { unique: true } }));
    const stats = Object.fromEntries(report.columnStats.map((s) => [s.column, s]));
    expect(stats.id).toEqual({ column: 'id', nullCount: 0, distinctCount: 1000, min: 0, max: 999 });
    expect(stats.email).toMatchObject({
      nullCount: 0,
      distinctCount: 1000,
      min: 'user0@example.com',
      max: 'user9@example.com',
    }); // text order
    expect(stats.status).toEqual({ column: 'status', nullCount: 100, min: 'closed', max: 'open' });
    expect(stats.amount).toMatchObject({ min: 0, max: 99 });
    expect(stats.day).toMatchObject({ min: '2024-01-01', max: '2024-01-30' });
    expect(stats.pair).toEqual({ column: 'pair', nullCount: 0 });
    expect(stats.rec).toEqual({ column: 'rec', nullCount: 0 });
  });

  it('fails with the observed value and threshold of every broken promise', async () => {
    const { report } = await run(
      schemaObject({
        email: { logicalTypeOptions: { maxLength: 10 } },
        quality: [{ metric: 'rowCount', mustBeGreaterThan: 5000, severity: 'warning' }],
      }),
    );
    const failed = report.checks.filter((c) => c.status !== 'passed');
    expect(failed.map((c) => [c.id, c.observed, c.threshold, c.blocking])).toEqual([
      ['logicalTypeOptions:email:maxLength', 1000, 'maxLength 10', true],
      ['quality:1', 1000, 'mustBeGreaterThan 5000', false],
    ]);
    expect(report.passed).toBe(false);
  });

  it('keeps checking when one rule breaks the scan, and names the rule', async () => {
    const { report, queries } = await run(
      schemaObject({ email: { logicalTypeOptions: { pattern: '(?<=user)[0-9]+' } } }),
    );
    const broken = report.checks.find((c) => c.id === 'logicalTypeOptions:email:pattern')!;
    expect(broken).toMatchObject({ status: 'error', blocking: true });
    expect(broken.message).toMatch(/invalid perl operator/);
    const others = report.checks.filter((c) => c.id !== broken.id);
    expect(others.every((c) => c.status === 'passed')).toBe(true);
    expect(report.rowCount).toBe(1000);
    expect(report.columnStats).toHaveLength(7);
    // The failed scan is bisected: a few narrower scans, not one per unit.
    const scans = queries.filter((q) => q.startsWith('SELECT'));
    const units = (scans[0]!.match(/ AS "a\d+"/g) ?? []).length;
    expect(scans.length).toBeGreaterThan(1);
    expect(scans.length).toBeLessThan(units);
  });
});
