import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from './check-types.js';
import { check, checkTable, openTestDatabase, type TestDatabase } from './test-support/duckdb-fixture.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
    ('a1@x.com', 'AB-1', 5,   0.3::DOUBLE, DATE '2024-01-01', TIMESTAMP '2024-01-01 10:00:00', '2024-01-31', [1, 2],    MAP {'a': 1},         '{"a": 1}'::JSON,         {'a': 1, 'b': 2},    '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'https://x.org/a', '10.0.0.1', 'host.example.org', 127::BIGINT),
    ('not-an-email', 'AB-22', 10, 0.6, DATE '2024-06-30', TIMESTAMP '2024-12-31 23:59:59', '2024-13-01', [1, 1],    MAP {'a': 1, 'b': 2}, '{"a": 1, "b": 2}'::JSON, {'a': 1, 'b': NULL}, 'nope',                                 'no scheme',       '300.1.1.1', 'bad host!',       300),
    (NULL,         NULL,   NULL, NULL, NULL,            NULL,                            NULL,         NULL,      NULL,                 NULL,                     NULL,                NULL,                                   NULL,              NULL,       NULL,               NULL)
  ) v(email, code, qty, ratio, day, "at", day_text, tags, attrs, doc, rec, id, link, ip, host, small)`);
});
afterAll(() => db.close());

async function options(
  name: string,
  logicalType: string | undefined,
  logicalTypeOptions: Record<string, unknown>,
  apiVersion?: string,
): Promise<CheckReport> {
  return checkTable(
    db.connection,
    `(SELECT ${JSON.stringify(name)} FROM t)`,
    {
      name: 't',
      properties: [{ name, ...(logicalType ? { logicalType } : {}), logicalTypeOptions }],
    },
    apiVersion,
  );
}

/** [column, logicalType, options, option id, expected status, violating rows] */
const CASES: [string, string | undefined, Record<string, unknown>, string, 'passed' | 'failed', number][] = [
  ['code', 'string', { pattern: '^[A-Z]{2}-[0-9]+$' }, 'pattern', 'passed', 0],
  ['code', 'string', { pattern: '[A-Z]{2}-[0-9]' }, 'pattern', 'failed', 1], // full match: AB-22 is longer
  ['code', 'string', { minLength: 5 }, 'minLength', 'failed', 1],
  ['code', 'string', { maxLength: 5 }, 'maxLength', 'passed', 0],
  ['code', 'string', { maxLength: 4 }, 'maxLength', 'failed', 1],
  ['qty', 'integer', { minimum: 5, maximum: 10 }, 'minimum', 'passed', 0],
  ['qty', 'integer', { minimum: 5, maximum: 10 }, 'maximum', 'passed', 0],
  ['qty', 'integer', { maximum: 9 }, 'maximum', 'failed', 1],
  ['qty', 'integer', { exclusiveMinimum: 5 }, 'exclusiveMinimum', 'failed', 1],
  ['qty', 'integer', { exclusiveMaximum: 11 }, 'exclusiveMaximum', 'passed', 0],
  ['qty', 'integer', { exclusiveMaximum: 10 }, 'exclusiveMaximum', 'failed', 1],
  ['qty', 'integer', { multipleOf: 5 }, 'multipleOf', 'passed', 0],
  ['qty', 'integer', { multipleOf: 10 }, 'multipleOf', 'failed', 1],
  ['ratio', 'number', { multipleOf: 0.3 }, 'multipleOf', 'passed', 0],
  ['ratio', 'number', { multipleOf: 0.25 }, 'multipleOf', 'failed', 2],
  ['small', 'integer', { format: 'i8' }, 'format', 'failed', 1],
  ['small', 'integer', { format: 'i16' }, 'format', 'passed', 0],
  ['small', 'integer', { format: 'u8' }, 'format', 'failed', 1],
  ['day', 'date', { minimum: '2024-01-01', maximum: '2024-06-30' }, 'minimum', 'passed', 0],
  ['day', 'date', { minimum: '2024-01-01', maximum: '2024-06-30' }, 'maximum', 'passed', 0],
  ['day', 'date', { exclusiveMinimum: '2024-01-01' }, 'exclusiveMinimum', 'failed', 1],
  ['day', 'date', { exclusiveMaximum: '2024-07-01' }, 'exclusiveMaximum', 'passed', 0],
  ['at', 'timestamp', { maximum: '2024-06-01 00:00:00' }, 'maximum', 'failed', 1],
  ['day_text', 'date', { format: 'yyyy-MM-dd' }, 'format', 'failed', 1],
  ['email', 'string', { format: 'email' }, 'format', 'failed', 1],
  ['id', 'string', { format: 'uuid' }, 'format', 'failed', 1],
  ['link', 'string', { format: 'uri' }, 'format', 'failed', 1],
  ['ip', 'string', { format: 'ipv4' }, 'format', 'failed', 1],
  ['host', 'string', { format: 'hostname' }, 'format', 'failed', 1],
  ['tags', 'array', { minItems: 2, maxItems: 2 }, 'minItems', 'passed', 0],
  ['tags', 'array', { maxItems: 1 }, 'maxItems', 'failed', 2],
  ['tags', 'array', { uniqueItems: true }, 'uniqueItems', 'failed', 1],
  ['attrs', 'object', { maxProperties: 1 }, 'maxProperties', 'failed', 1],
  ['attrs', 'object', { minProperties: 1 }, 'minProperties', 'passed', 0],
  ['attrs', 'object', { required: ['b'] }, 'required', 'failed', 1],
  ['doc', 'object', { maxProperties: 1 }, 'maxProperties', 'failed', 1],
  ['doc', 'object', { required: ['a'] }, 'required', 'passed', 0],
  ['rec', 'object', { minProperties: 2 }, 'minProperties', 'failed', 1],
  ['rec', 'object', { required: ['b'] }, 'required', 'failed', 1],
];

describe('logicalTypeOptions', () => {
  it.each(CASES)('%s %s %j: %s %s (%i rows)', async (column, logicalType, opts, option, status, observed) => {
    const report = await options(column, logicalType, opts);
    const result = check(report, `logicalTypeOptions:${column}:${option}`);
    expect(result).toMatchObject({ status, observed, kind: 'logicalTypeOptions', blocking: true, column });
    expect(result.threshold).toBe(`${option} ${JSON.stringify(opts[option])}`);
  });

  it('reads v3.0.x boolean exclusiveMinimum/exclusiveMaximum as making the bound strict', async () => {
    const report = await options(
      'qty',
      'integer',
      { minimum: 5, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false },
      'v3.0.2',
    );
    expect(check(report, 'logicalTypeOptions:qty:minimum')).toMatchObject({ status: 'failed', observed: 1 });
    expect(check(report, 'logicalTypeOptions:qty:maximum')).toMatchObject({ status: 'passed', observed: 0 });
    // The flags themselves are not bounds.
    expect(report.checks.some((c) => c.id === 'logicalTypeOptions:qty:exclusiveMinimum')).toBe(false);
  });

  it('checks timezone from the column type', async () => {
    const zoned = await options('at', 'timestamp', { timezone: true });
    expect(check(zoned, 'logicalTypeOptions:at:timezone')).toMatchObject({ status: 'failed', observed: 'TIMESTAMP' });
    const plain = await options('at', 'timestamp', { timezone: false });
    expect(check(plain, 'logicalTypeOptions:at:timezone').status).toBe('passed');
  });

  it('fails a struct that lacks a required field without scanning', async () => {
    const report = await options('rec', 'object', { required: ['zzz'] });
    expect(check(report, 'logicalTypeOptions:rec:required')).toMatchObject({ status: 'failed' });
  });

  it('records options that describe rather than constrain', async () => {
    for (const [column, logicalType, opts] of [
      ['code', 'string', { format: 'password' }],
      ['day', 'date', { format: 'yyyy-MM-dd' }],
      ['ratio', 'number', { format: 'f32' }],
      ['at', 'timestamp', { defaultTimezone: 'Etc/UTC' }],
    ] as const) {
      const report = await options(column, logicalType, opts);
      const [option] = Object.keys(opts);
      expect(check(report, `logicalTypeOptions:${column}:${option}`)).toMatchObject({
        status: 'recorded',
        blocking: false,
      });
      expect(report.passed).toBe(true);
    }
  });

  it('reports a malformed option as a blocking error', async () => {
    const report = await options('code', 'string', { maxLength: -1, minLength: 'two' });
    expect(check(report, 'logicalTypeOptions:code:maxLength')).toMatchObject({ status: 'error', blocking: true });
    expect(check(report, 'logicalTypeOptions:code:minLength').message).toMatch(/non-negative integer/);
    expect(report.passed).toBe(false);
  });

  it('isolates a pattern DuckDB cannot compile; the other checks still run', async () => {
    const report = await options('code', 'string', { pattern: '(?=A)AB-1', maxLength: 5 });
    const broken = check(report, 'logicalTypeOptions:code:pattern');
    expect(broken).toMatchObject({ status: 'error', blocking: true });
    expect(broken.message).toMatch(/invalid perl operator/);
    expect(check(report, 'logicalTypeOptions:code:maxLength').status).toBe('passed');
    expect(report.rowCount).toBe(3);
  });

  it('isolates a date bound DuckDB cannot read', async () => {
    const report = await options('day', 'date', { minimum: 'yesterday', maximum: '2024-12-31' });
    expect(check(report, 'logicalTypeOptions:day:minimum').message).toMatch(/Conversion Error/);
    expect(check(report, 'logicalTypeOptions:day:maximum').status).toBe('passed');
  });
});
