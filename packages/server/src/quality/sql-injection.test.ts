/**
 * Contract text reaches SQL only as bound parameters or quoted identifiers. Each attempt here
 * would drop or alter the table if it were spliced into the SQL; the table must survive and
 * the attempt must read as ordinary (non-matching) data or a reported error.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkTable, openTestDatabase, type TestDatabase } from './test-support/duckdb-fixture.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await openTestDatabase();
  await db.run(
    `CREATE TABLE victim AS SELECT * FROM (VALUES ('a', DATE '2024-01-01', {'k': 1}, MAP {'k': 1})) v(name, day, rec, attrs)`,
  );
});
afterEach(() => db.close());

async function victimIntact(): Promise<void> {
  const tables = await db.connection.runAndReadAll('SELECT table_name FROM duckdb_tables() ORDER BY 1');
  expect(tables.getRowsJson()).toEqual([['victim']]);
  expect((await db.connection.runAndReadAll('SELECT count(*) FROM victim')).getRowsJson()).toEqual([['1']]);
}

const DROP = `'); DROP TABLE victim; CREATE TABLE pwned AS SELECT 1; --`;
const DROP_IDENT = `x"; DROP TABLE victim; CREATE TABLE pwned AS SELECT 1; --`;

const properties = (extra: Record<string, unknown>) => [
  { name: 'name', logicalType: 'string', ...extra },
  { name: 'day', logicalType: 'date' },
  { name: 'rec', logicalType: 'object' },
  { name: 'attrs', logicalType: 'object' },
];

it.each([
  ['a logicalTypeOptions pattern', { logicalTypeOptions: { pattern: `.*${DROP}` } }],
  ['an invalidValues pattern', { quality: [{ metric: 'invalidValues', arguments: { pattern: DROP }, mustBe: 1 }] }],
  ['validValues', { quality: [{ metric: 'invalidValues', arguments: { validValues: [DROP, 'a'] }, mustBe: 0 }] }],
  ['missingValues', { quality: [{ metric: 'missingValues', arguments: { missingValues: [DROP] }, mustBe: 0 }] }],
  ['a string format', { logicalTypeOptions: { format: DROP } }],
])('%s cannot inject SQL', async (_, extra) => {
  const report = await checkTable(db.connection, 'victim', { name: 'victim', properties: properties(extra) });
  await victimIntact();
  expect(report.rowCount).toBe(1);
});

it('a pattern that is valid RE2 stays a pattern: it matches text, it does not run', async () => {
  const report = await checkTable(db.connection, 'victim', {
    name: 'victim',
    properties: properties({
      logicalTypeOptions: { pattern: `a|${DROP.replaceAll('(', '\\(').replaceAll(')', '\\)')}` },
    }),
  });
  expect(report.checks.find((c) => c.id === 'logicalTypeOptions:name:pattern')).toMatchObject({ status: 'passed' });
  await victimIntact();
});

it('date bounds cannot inject SQL', async () => {
  const report = await checkTable(db.connection, 'victim', {
    name: 'victim',
    properties: [
      { name: 'name' },
      { name: 'day', logicalType: 'date', logicalTypeOptions: { minimum: `2024-01-01${DROP}` } },
      { name: 'rec' },
      { name: 'attrs' },
    ],
  });
  // DuckDB reads the leading date of the text and ignores the rest: a value, never SQL.
  expect(report.checks.find((c) => c.id === 'logicalTypeOptions:day:minimum')).toMatchObject({
    status: 'passed',
    observed: 0,
  });
  await victimIntact();
});

it('object property names cannot inject SQL', async () => {
  const report = await checkTable(db.connection, 'victim', {
    name: 'victim',
    properties: [
      { name: 'name' },
      { name: 'day' },
      { name: 'rec', logicalType: 'object', logicalTypeOptions: { required: [DROP_IDENT] } },
      { name: 'attrs', logicalType: 'object', logicalTypeOptions: { required: [DROP] } },
    ],
  });
  expect(report.checks.find((c) => c.id === 'logicalTypeOptions:rec:required')?.status).toBe('failed');
  expect(report.checks.find((c) => c.id === 'logicalTypeOptions:attrs:required')).toMatchObject({
    status: 'failed',
    observed: 1,
  });
  await victimIntact();
});

it('column names cannot inject SQL', async () => {
  const report = await checkTable(db.connection, 'victim', {
    name: 'victim',
    properties: [
      { name: DROP_IDENT, required: true, unique: true, primaryKey: true, logicalTypeOptions: { maxLength: 1 } },
      { name: 'x\u0000y', required: true },
      {
        name: 'name',
        quality: [{ type: 'sql', query: 'SELECT count(*) FROM ${table} WHERE ${column} IS NULL', mustBe: 0 }],
      },
    ],
  });
  expect(report.checks.find((c) => c.id === `schema:column:${DROP_IDENT}`)?.status).toBe('failed');
  expect(report.checks.find((c) => c.id === `required:${DROP_IDENT}`)?.status).toBe('error');
  expect(report.checks.find((c) => c.id === 'required:x\u0000y')?.status).toBe('error');
  await victimIntact();
});

it('the table name in sql rules cannot inject SQL', async () => {
  const report = await checkTable(db.connection, 'victim', {
    name: `t" AS (SELECT 1) SELECT 1; DROP TABLE victim; --`,
    properties: properties({}),
    quality: [{ type: 'sql', query: 'SELECT count(*) FROM ${table}', mustBe: 1 }],
  });
  expect(report.checks.find((c) => c.kind === 'quality')).toMatchObject({ status: 'passed', observed: 1 });
  await victimIntact();
});

it('a physical type is parsed, never executed', async () => {
  const report = await checkTable(db.connection, 'victim', {
    name: 'victim',
    properties: properties({ physicalType: `VARCHAR); DROP TABLE victim; --` }),
  });
  expect(report.checks.find((c) => c.id === 'schema:physicalType:name')?.status).toBe('recorded');
  await victimIntact();
});
