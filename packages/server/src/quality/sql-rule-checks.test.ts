import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from './check-types.js';
import { stagedQuery } from './sql-rule-checks.js';
import { check, checkTable, openTestDatabase, type TestDatabase } from './test-support/duckdb-fixture.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  await db.run(`CREATE TABLE staged AS SELECT * FROM (VALUES (1, 10.5), (2, 600.0), (3, NULL)) v(id, "Data Value")`);
});
afterAll(() => db.close());

async function sqlRule(quality: Record<string, unknown>, onColumn = true, table = 'Air_Quality'): Promise<CheckReport> {
  return checkTable(db.connection, 'staged', {
    name: table,
    properties: [
      { name: 'id' },
      { name: 'Data Value', ...(onColumn ? { quality: [{ type: 'sql', ...quality }] } : {}) },
    ],
    ...(onColumn ? {} : { quality: [{ type: 'sql', ...quality }] }),
  });
}

const result = (report: CheckReport) => report.checks.find((c) => c.kind === 'quality')!;

describe('sql rules', () => {
  it.each([
    'SELECT count(*) FROM ${table} WHERE ${column} >= 500',
    'SELECT count(*) FROM ${object} WHERE ${property} >= 500',
    'SELECT count(*) FROM {object} WHERE {property} >= 500',
    'SELECT count(*) FROM "${table}" WHERE "${column}" >= 500',
    'select count(*) from Air_Quality where "Data Value" >= 500',
    'WITH big AS (SELECT * FROM ${table} WHERE ${column} >= 500) SELECT count(*) FROM big',
    '-- rows over the limit\nwith big as (select * from {table} where {column} >= 500) select count(*) from big;',
  ])('substitutes placeholders and the table name: %s', async (query) => {
    const report = await sqlRule({ query, mustBe: 1 });
    expect(result(report)).toMatchObject({
      status: 'passed',
      observed: 1,
      rule: query,
      threshold: 'mustBe 1',
      column: 'Data Value',
    });
  });

  it('compares with every operator and fails with the observed value', async () => {
    const report = await sqlRule({
      query: 'SELECT count(*) FROM ${table} WHERE ${column} IS NULL',
      mustBeGreaterThan: 1,
    });
    expect(result(report)).toMatchObject({
      status: 'failed',
      observed: 1,
      threshold: 'mustBeGreaterThan 1',
      blocking: true,
    });
    expect(result(report).message).toMatch(/returned 1, but the contract requires mustBeGreaterThan 1/);
    const between = await sqlRule({ query: 'SELECT avg(${column}) FROM ${table}', mustBeBetween: [300, 306] });
    expect(result(between)).toMatchObject({ status: 'passed', observed: 305.25 });
  });

  it('accepts a boolean result', async () => {
    const report = await sqlRule({ query: 'SELECT bool_and(id > 0) FROM ${table}', mustBe: true }, false);
    expect(result(report)).toMatchObject({ status: 'passed', observed: 1 });
  });

  it.each([
    ['SELECT id FROM ${table}', /single number or boolean; it returned 3 row/],
    ["SELECT 'many'", /single number or boolean; it returned "many"/],
    ['SELECT count(*) FROM ${table} WHERE nope > 1', /the query failed: Binder Error/],
    ['SELEC 1', /the query failed: .*Parser Error: syntax error/],
    ['SELECT 1; SELECT 2', /one SELECT; this has 2 statements/],
  ])('reports %s as an error', async (query, message) => {
    const report = await sqlRule({ query, mustBe: 0, severity: 'error' });
    expect(result(report)).toMatchObject({ status: 'error', blocking: true });
    expect(result(report).message).toMatch(message);
    expect(report.passed).toBe(false);
  });

  it('refuses statements that are not reads, without running them', async () => {
    for (const query of [
      'DROP TABLE staged',
      'CREATE TABLE sneaky AS SELECT 1',
      'WITH x AS (SELECT 1) DELETE FROM staged',
      'SELECT 1; DROP TABLE staged',
    ]) {
      const report = await sqlRule({ query, mustBe: 0 });
      expect(result(report).status, query).toBe('error');
    }
    const rows = await db.connection.runAndReadAll('SELECT count(*) FROM staged');
    expect(rows.getRowsJson()).toEqual([['3']]);
    const sneaky = await db.connection.runAndReadAll(
      "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'sneaky'",
    );
    expect(sneaky.getRowsJson()).toEqual([['0']]);
  });

  it('is an error when a table-level rule uses ${column}, and other checks still run', async () => {
    const report = await sqlRule(
      { query: 'SELECT count(*) FROM ${table} WHERE ${column} > 0', mustBe: 0, severity: 'warning' },
      false,
    );
    expect(result(report)).toMatchObject({ status: 'error', blocking: false });
    expect(report.passed).toBe(true);
    expect(check(report, 'schema:column:id').status).toBe('passed');
  });

  it('puts the staged data in scope before the query, or inside its own WITH', () => {
    expect(stagedQuery('SELECT 1 FROM ${table}', 'orders', "read_parquet(['/a.parquet'])", undefined)).toBe(
      `WITH "orders" AS (SELECT * FROM read_parquet(['/a.parquet']))\nSELECT 1 FROM "orders"`,
    );
    expect(stagedQuery('with recursive r as (select 1) select * from r', 'o', 'x', undefined)).toBe(
      'WITH recursive "o" AS (SELECT * FROM x), r as (select 1) select * from r',
    );
  });
});
