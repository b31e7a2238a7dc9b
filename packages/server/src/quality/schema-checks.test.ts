import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { check, checkTable, openTestDatabase, type TestDatabase } from './test-support/duckdb-fixture.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(() => db.close());

/** One column of every kind of DuckDB type, named after it. */
const TYPED_COLUMNS = `
  'a'::VARCHAR AS t_varchar, gen_random_uuid() AS t_uuid, 'x'::BLOB AS t_blob,
  1::TINYINT AS t_tinyint, 1::SMALLINT AS t_smallint, 1::INTEGER AS t_integer, 1::BIGINT AS t_bigint,
  1::HUGEINT AS t_hugeint, 1::UBIGINT AS t_ubigint, 1.5::FLOAT AS t_float, 1.5::DOUBLE AS t_double,
  1.25::DECIMAL(12,2) AS t_decimal, 12::DECIMAL(10,0) AS t_decimal0, true AS t_boolean,
  DATE '2024-01-01' AS t_date, TIMESTAMP '2024-01-01 10:00:00' AS t_timestamp,
  TIMESTAMPTZ '2024-01-01 10:00:00+00' AS t_timestamptz, '2024-01-01 10:00:00'::TIMESTAMP_NS AS t_timestamp_ns,
  TIME '10:00:00' AS t_time, '10:00:00+01'::TIMETZ AS t_timetz,
  {'a': 1} AS t_struct, MAP {'k': 1} AS t_map, '{"a":1}'::JSON AS t_json, [1, 2] AS t_list,
  [1, 2]::INTEGER[2] AS t_array, INTERVAL 1 DAY AS t_interval`;

/** logicalType → the typed columns above that honour it; every other column must fail. */
const ACCEPTED: Record<string, string[]> = {
  string: ['t_varchar', 't_uuid'],
  integer: ['t_tinyint', 't_smallint', 't_integer', 't_bigint', 't_hugeint', 't_ubigint', 't_decimal0'],
  number: [
    't_tinyint',
    't_smallint',
    't_integer',
    't_bigint',
    't_hugeint',
    't_ubigint',
    't_float',
    't_double',
    't_decimal',
    't_decimal0',
  ],
  boolean: ['t_boolean'],
  date: ['t_date'],
  timestamp: ['t_timestamp', 't_timestamptz', 't_timestamp_ns'],
  time: ['t_time', 't_timetz'],
  object: ['t_struct', 't_map', 't_json'],
  array: ['t_list', 't_array'],
};

describe('logical types against DuckDB types', () => {
  it.each(Object.entries(ACCEPTED))('%s accepts exactly its DuckDB types', async (logicalType, accepted) => {
    await db.run(`CREATE TABLE typed AS SELECT ${TYPED_COLUMNS}`);
    const columns = (await db.connection.runAndReadAll('DESCRIBE typed'))
      .getRowObjectsJson()
      .map((r) => String(r.column_name));
    const report = await checkTable(db.connection, 'typed', {
      name: 'typed',
      properties: columns.map((name) => ({ name, logicalType })),
    });
    for (const name of columns) {
      const result = check(report, `schema:logicalType:${name}`);
      expect(result.status, `${logicalType} vs ${name} (${String(result.observed)})`).toBe(
        accepted.includes(name) ? 'passed' : 'failed',
      );
      expect(result.blocking).toBe(true);
      expect(result.threshold).toBe(`logicalType ${logicalType}`);
    }
  });

  it('accepts BLOB for a string only when its format says binary', async () => {
    await db.run(`CREATE TABLE b AS SELECT 'x'::BLOB AS raw, 'y'::BLOB AS text`);
    const report = await checkTable(db.connection, 'b', {
      name: 'b',
      properties: [
        { name: 'raw', logicalType: 'string', logicalTypeOptions: { format: 'binary' } },
        { name: 'text', logicalType: 'string' },
      ],
    });
    expect(check(report, 'schema:logicalType:raw').status).toBe('passed');
    expect(check(report, 'schema:logicalType:text').status).toBe('failed');
  });

  it('says how to fix a mismatch', async () => {
    await db.run(`CREATE TABLE d AS SELECT TIMESTAMP '2024-01-01 00:00:00' AS day`);
    const report = await checkTable(db.connection, 'd', {
      name: 'd',
      properties: [{ name: 'day', logicalType: 'date' }],
    });
    const result = check(report, 'schema:logicalType:day');
    expect(result).toMatchObject({ status: 'failed', observed: 'TIMESTAMP', column: 'day' });
    expect(result.message).toMatch(/needs DATE: cast it/);
    expect(report.passed).toBe(false);
  });
});

describe('physical types', () => {
  it.each([
    ['v', 'VARCHAR', 'text'],
    ['v', 'VARCHAR', 'string'],
    ['v', 'VARCHAR', 'varchar(20)'],
    ['i', 'INTEGER', 'int'],
    ['b', 'BIGINT', 'INT8'],
    ['d', 'DECIMAL(12,2)', 'numeric(12, 2)'],
    ['t', 'TIMESTAMPTZ', 'timestamp with time zone'],
    ['l', 'INTEGER[]', 'int[]'],
  ])('%s %s matches "%s"', async (name, type, declared) => {
    await db.run(`CREATE TABLE p (${name} ${type})`);
    const report = await checkTable(db.connection, 'p', { name: 'p', properties: [{ name, physicalType: declared }] });
    expect(check(report, `schema:physicalType:${name}`)).toMatchObject({ status: 'passed', blocking: true });
  });

  it.each([
    ['i', 'INTEGER', 'BIGINT'],
    ['d', 'DECIMAL(12,2)', 'DECIMAL(12,3)'],
    ['v', 'VARCHAR', 'BLOB'],
  ])('%s %s does not match "%s"', async (name, type, declared) => {
    await db.run(`CREATE TABLE p (${name} ${type})`);
    const report = await checkTable(db.connection, 'p', { name: 'p', properties: [{ name, physicalType: declared }] });
    const result = check(report, `schema:physicalType:${name}`);
    expect(result).toMatchObject({ status: 'failed', blocking: true, threshold: `physicalType ${declared}` });
    expect(report.passed).toBe(false);
  });

  it('records a physical type written for another database instead of failing it', async () => {
    await db.run(`CREATE TABLE p (x DOUBLE)`);
    const report = await checkTable(db.connection, 'p', {
      name: 'p',
      properties: [{ name: 'x', logicalType: 'number', physicalType: 'float(3,2)' }],
    });
    expect(check(report, 'schema:physicalType:x')).toMatchObject({ status: 'recorded', blocking: false });
    expect(check(report, 'schema:logicalType:x').status).toBe('passed');
    expect(report.passed).toBe(true);
  });
});

describe('columns', () => {
  it('fails a missing column and explains the dependent checks', async () => {
    await db.run(`CREATE TABLE c AS SELECT 1 AS id`);
    const report = await checkTable(db.connection, 'c', {
      name: 'c',
      properties: [{ name: 'id' }, { name: 'email', required: true, logicalTypeOptions: { maxLength: 3 } }],
    });
    expect(check(report, 'schema:column:email')).toMatchObject({
      status: 'failed',
      observed: 'missing',
      blocking: true,
    });
    expect(check(report, 'required:email')).toMatchObject({ status: 'error' });
    expect(check(report, 'required:email').message).toMatch(/missing from the data/);
    expect(check(report, 'logicalTypeOptions:email:maxLength').status).toBe('error');
    expect(report.passed).toBe(false);
  });

  it('fails columns the contract does not describe (the contract is the promise)', async () => {
    await db.run(`CREATE TABLE c AS SELECT 1 AS id, 'secret' AS ssn`);
    const report = await checkTable(db.connection, 'c', { name: 'c', properties: [{ name: 'id' }] });
    expect(check(report, 'schema:extra:ssn')).toMatchObject({ status: 'failed', blocking: true, column: 'ssn' });
    expect(report.passed).toBe(false);
  });

  it('fails a column whose name differs only in case, without calling it extra', async () => {
    await db.run(`CREATE TABLE c AS SELECT 1 AS "Id"`);
    const report = await checkTable(db.connection, 'c', { name: 'c', properties: [{ name: 'id', required: true }] });
    expect(check(report, 'schema:column:id')).toMatchObject({ status: 'failed', observed: 'Id' });
    expect(report.checks.some((c) => c.id.startsWith('schema:extra'))).toBe(false);
    expect(check(report, 'required:id').status).toBe('passed');
  });

  it('reads the data column from physicalName', async () => {
    await db.run(`CREATE TABLE c AS SELECT DATE '2024-01-01' AS txn_ref_dt`);
    const report = await checkTable(db.connection, 'c', {
      name: 'c',
      properties: [{ name: 'transaction_reference_date', physicalName: 'txn_ref_dt', logicalType: 'date' }],
    });
    expect(check(report, 'schema:logicalType:txn_ref_dt').status).toBe('passed');
    expect(report.passed).toBe(true);
  });

  it('reports unreadable staged data as one blocking error', async () => {
    const report = await checkTable(db.connection, "read_parquet(['/nonexistent/x.parquet'])", { name: 'x' });
    expect(report.passed).toBe(false);
    expect(report.checks).toEqual([
      expect.objectContaining({ id: 'schema:relation', status: 'error', blocking: true }),
    ]);
  });
});
