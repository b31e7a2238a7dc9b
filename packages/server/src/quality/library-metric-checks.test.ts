import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from './check-types.js';
import { checkTable, openTestDatabase, type TestDatabase } from './test-support/duckdb-fixture.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  // 10 rows: status has 2 NULLs, 1 '' and 1 'N/A'; unit has 2 invalid values; code repeats twice.
  await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
    (1, 'open',   'kg',     'A1', 1),
    (2, 'open',   'kg',     'A1', 1),
    (3, 'closed', 'pounds', 'A1', 2),
    (4, 'closed', 'kg',     'B2', 2),
    (5, '',       'stone',  'B3', 3),
    (6, 'N/A',    'kg',     'B4', 3),
    (7, NULL,     'kg',     'B5', 4),
    (8, NULL,     'ounce',  'B6', 4),
    (9, 'open',   NULL,     'B7', 5),
    (10, 'open',  'kg',     'B8', 5)
  ) v(id, status, unit, code, n)`);
});
afterAll(() => db.close());

async function rule(
  column: string | undefined,
  quality: Record<string, unknown>,
  apiVersion?: string,
): Promise<CheckReport> {
  const properties = ['id', 'status', 'unit', 'code', 'n'].map((name) => ({
    name,
    ...(name === column ? { quality: [quality] } : {}),
  }));
  return checkTable(
    db.connection,
    't',
    { name: 't', properties, ...(column ? {} : { quality: [quality] }) },
    apiVersion,
  );
}

const only = (report: CheckReport) => {
  const quality = report.checks.filter((c) => c.kind === 'quality');
  expect(quality).toHaveLength(1);
  return quality[0]!;
};

describe('library metrics', () => {
  it.each([
    ['status', { metric: 'nullValues', mustBe: 2 }, 2],
    ['status', { metric: 'missingValues', arguments: { missingValues: ['', 'N/A'] }, mustBe: 4 }, 4],
    ['status', { metric: 'missingValues', arguments: { missingValues: [null, ''] }, mustBe: 3 }, 3],
    ['status', { metric: 'missingValues', mustBe: 2 }, 2], // NULLs are always missing
    ['unit', { metric: 'invalidValues', arguments: { validValues: ['kg', 'pounds'] }, mustBe: 2 }, 2],
    ['code', { metric: 'invalidValues', arguments: { pattern: '^[A-Z][0-9]$' }, mustBe: 0 }, 0],
    ['code', { metric: 'invalidValues', arguments: { pattern: '^A[0-9]$' }, mustBe: 7 }, 7],
    ['code', { metric: 'invalidValues', arguments: { validValues: ['A1', 'B2'], pattern: '^A.*' }, mustBe: 7 }, 7], // valid = listed AND matching
    ['n', { metric: 'invalidValues', arguments: { validValues: [1, 2, 3] }, mustBe: 4 }, 4],
    ['code', { metric: 'duplicateValues', mustBe: 2 }, 2],
    ['n', { metric: 'duplicateValues', mustBe: 5 }, 5],
    [undefined, { metric: 'rowCount', mustBe: 10 }, 10],
    ['id', { metric: 'rowCount', mustBe: 10 }, 10],
    [undefined, { metric: 'duplicateValues', arguments: { properties: ['code', 'n'] }, mustBe: 1 }, 1],
    [undefined, { metric: 'duplicateValues', mustBe: 0 }, 0], // all columns together: no duplicate rows
  ])('%s %j observes %d', async (column, quality, observed) => {
    const result = only(await rule(column, quality));
    expect(result).toMatchObject({ status: 'passed', observed, kind: 'quality', blocking: true });
    expect(result.column).toBe(column);
  });

  it.each([
    [{ mustBe: 2 }, true],
    [{ mustBe: 3 }, false],
    [{ mustNotBe: 2 }, false],
    [{ mustNotBe: 3 }, true],
    [{ mustBeGreaterThan: 1 }, true],
    [{ mustBeGreaterThan: 2 }, false],
    [{ mustBeGreaterOrEqualTo: 2 }, true],
    [{ mustBeGreaterOrEqualTo: 3 }, false],
    [{ mustBeLessThan: 3 }, true],
    [{ mustBeLessThan: 2 }, false],
    [{ mustBeLessOrEqualTo: 2 }, true],
    [{ mustBeLessOrEqualTo: 1 }, false],
    [{ mustBeBetween: [2, 5] }, true],
    [{ mustBeBetween: [0, 1] }, false],
    [{ mustNotBeBetween: [3, 5] }, true],
    [{ mustNotBeBetween: [1, 2] }, false],
  ])('operator %j on 2 NULLs passes: %s', async (operator, passes) => {
    const result = only(await rule('status', { metric: 'nullValues', ...operator }));
    const [name, value] = Object.entries(operator)[0]!;
    expect(result).toMatchObject({
      status: passes ? 'passed' : 'failed',
      observed: 2,
      threshold: `${name} ${Array.isArray(value) ? `[${value.join(', ')}]` : value}`,
    });
    expect(result.message).toMatch(passes ? /meets/ : /but the contract requires/);
  });

  it('measures unit: percent against the row count', async () => {
    const result = only(await rule('status', { metric: 'nullValues', mustBeLessOrEqualTo: 20, unit: 'percent' }));
    expect(result).toMatchObject({ status: 'passed', observed: 20, threshold: 'mustBeLessOrEqualTo 20 (percent)' });
    expect(result.message).toMatch(/20% \(2 of 10 rows\)/);
    const strict = only(
      await rule('status', {
        metric: 'missingValues',
        arguments: { missingValues: [''] },
        mustBeLessThan: 30,
        unit: 'percent',
      }),
    );
    expect(strict).toMatchObject({ status: 'failed', observed: 30 });
    const duplicates = only(await rule('code', { metric: 'duplicateValues', mustBeLessThan: 25, unit: 'percent' }));
    expect(duplicates).toMatchObject({ status: 'passed', observed: 20 });
    const rows = only(await rule('code', { metric: 'duplicateValues', mustBeLessThan: 25, unit: 'rows' }));
    expect(rows).toMatchObject({ status: 'passed', observed: 2 });
  });

  it('maps v3.0.x rule names to metrics', async () => {
    const nulls = only(await rule('status', { rule: 'nullCheck', mustBe: 2 }, 'v3.0.2'));
    expect(nulls).toMatchObject({ status: 'passed', observed: 2, rule: 'nullValues (from "nullCheck")' });
    const duplicates = only(
      await rule('code', { type: 'library', rule: 'duplicateCount', mustBeLessThan: 10 }, 'v3.0.2'),
    );
    expect(duplicates).toMatchObject({ status: 'passed', observed: 2 });
    const valid = only(await rule('unit', { rule: 'validValues', validValues: ['kg', 'pounds'], mustBe: 2 }, 'v3.0.2'));
    expect(valid).toMatchObject({ status: 'passed', observed: 2 });
    const rows = only(await rule(undefined, { rule: 'rowCount', mustBeBetween: [5, 20] }, 'v3.0.2'));
    expect(rows).toMatchObject({ status: 'passed', observed: 10 });
    // A v3.0.x uniqueness check without an operator means "none".
    const unique = only(await rule('code', { rule: 'uniqueCheck' }, 'v3.0.2'));
    expect(unique).toMatchObject({ status: 'failed', observed: 2, threshold: 'mustBe 0 (default)' });
  });

  it('reports rules it cannot run as errors, with the reason', async () => {
    const cases: [string | undefined, Record<string, unknown>, RegExp][] = [
      ['status', { metric: 'freshness', mustBe: 0 }, /unknown library metric "freshness"/],
      ['status', { metric: 'nullValues', mustBe: 0, unit: 'bytes' }, /unit "bytes" is not supported/],
      [undefined, { metric: 'rowCount', mustBe: 10, unit: 'percent' }, /does not apply/],
      [undefined, { metric: 'rowCount' }, /needs an operator/],
      [undefined, { metric: 'nullValues', mustBe: 0 }, /belongs to a property/],
      ['unit', { metric: 'invalidValues', mustBe: 0 }, /needs arguments.validValues or arguments.pattern/],
      ['unit', { metric: 'invalidValues', arguments: { validValues: 'kg' }, mustBe: 0 }, /must be a list/],
      ['unit', { metric: 'invalidValues', arguments: { validValues: [{ nested: 1 }] }, mustBe: 0 }, /cannot compare/],
      [undefined, { metric: 'duplicateValues', arguments: { properties: ['nope'] }, mustBe: 0 }, /nope missing/],
      ['status', { type: 'magic' }, /unknown quality rule type/],
      ['status', { query: 'SELECT 0', mustBe: 0 }, /add type: sql/],
      ['status', { metric: 'nullValues', mustBeBetween: [5, 1] }, /smallest number first/],
    ];
    for (const [column, quality, message] of cases) {
      const result = only(await rule(column, quality));
      expect(result.status, JSON.stringify(quality)).toBe('error');
      expect(result.message, JSON.stringify(quality)).toMatch(message);
    }
  });
});

describe('severity', () => {
  it.each([
    [undefined, true],
    ['error', true],
    ['critical', true],
    ['ERROR', true],
    ['warning', false],
    ['Warning', false],
    ['info', false],
  ])('a failed rule with severity %s blocks: %s', async (severity, blocks) => {
    const report = await rule('status', { metric: 'nullValues', mustBe: 0, ...(severity ? { severity } : {}) });
    const result = only(report);
    expect(result).toMatchObject({ status: 'failed', blocking: blocks });
    expect(result.severity).toBe(severity);
    expect(report.passed).toBe(!blocks);
  });

  it('an erroring rule blocks only if its severity does', async () => {
    expect((await rule('status', { metric: 'nope', mustBe: 0, severity: 'warning' })).passed).toBe(true);
    expect((await rule('status', { metric: 'nope', mustBe: 0, severity: 'error' })).passed).toBe(false);
  });
});

describe('text and custom rules', () => {
  it('records them without running them', async () => {
    const text = only(
      await rule('status', {
        type: 'text',
        description: 'Statuses come from the order system.',
        dimension: 'accuracy',
      }),
    );
    expect(text).toMatchObject({
      status: 'recorded',
      blocking: false,
      rule: 'Statuses come from the order system.',
      dimension: 'accuracy',
    });
    const custom = only(
      await rule(undefined, {
        type: 'custom',
        engine: 'soda',
        implementation: 'type: duplicate_percent',
        severity: 'error',
      }),
    );
    expect(custom).toMatchObject({ status: 'recorded', blocking: false, rule: 'soda', severity: 'error' });
    const untyped = only(await rule('status', { description: 'Only a description.' }));
    expect(untyped.status).toBe('recorded');
  });
});

describe('ids', () => {
  it('uses the rule id, else its name, else its position — unique within the report', async () => {
    const report = await checkTable(db.connection, 't', {
      name: 't',
      quality: [
        { id: 'rows_ok', metric: 'rowCount', mustBeGreaterThan: 0 },
        { name: 'enough', metric: 'rowCount', mustBeGreaterThan: 0 },
        { name: 'enough', metric: 'rowCount', mustBeGreaterThan: 1 },
        { metric: 'rowCount', mustBeGreaterThan: 0 },
      ],
      properties: ['id', 'status', 'unit', 'code', 'n'].map((name) => ({
        name,
        ...(name === 'status' ? { quality: [{ metric: 'nullValues', mustBe: 2 }] } : {}),
      })),
    });
    expect(report.checks.filter((c) => c.kind === 'quality').map((c) => c.id)).toEqual([
      'quality:rows_ok',
      'quality:enough',
      'quality:enough#2',
      'quality:3',
      'quality:status:0',
    ]);
  });
});

describe('nested properties', () => {
  it('records their rules instead of dropping them silently', async () => {
    await db.run(`CREATE OR REPLACE TABLE nested AS SELECT {'zip': '1000'} AS address, ['a'] AS tags`);
    const report = await checkTable(db.connection, 'nested', {
      name: 'nested',
      properties: [
        {
          name: 'address',
          logicalType: 'object',
          properties: [{ name: 'zip', logicalType: 'string', quality: [{ metric: 'nullValues', mustBe: 0 }] }],
        },
        {
          name: 'tags',
          logicalType: 'array',
          items: { logicalType: 'string', quality: [{ type: 'text', description: 'lower case' }] },
        },
      ],
    });
    expect(report.checks.filter((c) => c.kind === 'quality').map((c) => [c.id, c.status, c.blocking])).toEqual([
      ['quality:address.zip:0', 'recorded', false],
      ['quality:tags[]:0', 'recorded', false],
    ]);
    expect(report.passed).toBe(true);
  });
});
