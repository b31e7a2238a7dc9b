import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { check, checkTable, openTestDatabase, type TestDatabase } from './test-support/duckdb-fixture.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(() => db.close());

describe('required', () => {
  it('passes without NULLs and counts them otherwise', async () => {
    await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a'), (2, NULL), (3, NULL)) v(id, name)`);
    const report = await checkTable(db.connection, 't', {
      name: 't',
      properties: [
        { name: 'id', required: true },
        { name: 'name', required: true },
      ],
    });
    expect(check(report, 'required:id')).toMatchObject({ status: 'passed', observed: 0, threshold: 'mustBe 0' });
    expect(check(report, 'required:name')).toMatchObject({
      status: 'failed',
      observed: 2,
      blocking: true,
      kind: 'required',
    });
    expect(report.passed).toBe(false);
  });
});

describe('unique', () => {
  it('counts repeated non-null values, ignoring NULLs', async () => {
    await db.run(
      `CREATE TABLE t AS SELECT * FROM (VALUES ('a', 1), ('b', 1), (NULL, 2), (NULL, 2), ('c', 2)) v(code, n)`,
    );
    const report = await checkTable(db.connection, 't', {
      name: 't',
      properties: [
        { name: 'code', unique: true },
        { name: 'n', unique: true },
      ],
    });
    expect(check(report, 'unique:code')).toMatchObject({ status: 'passed', observed: 0 });
    // 1, 1, 2, 2, 2 → three rows repeat a value
    expect(check(report, 'unique:n')).toMatchObject({ status: 'failed', observed: 3 });
  });

  it('counts duplicates of wide-range integers too (no bitmap)', async () => {
    await db.run(
      `CREATE TABLE t AS SELECT * FROM (VALUES (1::BIGINT), (9000000000000000000), (9000000000000000000)) v(id)`,
    );
    const report = await checkTable(db.connection, 't', { name: 't', properties: [{ name: 'id', unique: true }] });
    expect(check(report, 'unique:id')).toMatchObject({ status: 'failed', observed: 1 });
  });

  it('counts duplicates of an all-NULL integer column as none', async () => {
    await db.run(`CREATE TABLE t AS SELECT NULL::INTEGER AS id FROM range(3)`);
    const report = await checkTable(db.connection, 't', { name: 't', properties: [{ name: 'id', unique: true }] });
    expect(check(report, 'unique:id')).toMatchObject({ status: 'passed', observed: 0 });
  });
});

describe('primary key', () => {
  it('checks a single key column for NULLs and duplicates', async () => {
    await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES (1), (2), (2), (NULL)) v(id)`);
    const report = await checkTable(db.connection, 't', { name: 't', properties: [{ name: 'id', primaryKey: true }] });
    const result = check(report, 'primaryKey:id');
    expect(result).toMatchObject({ status: 'failed', observed: 2, column: 'id', kind: 'primaryKey', blocking: true });
    expect(result.message).toMatch(/1 row\(s\) with a NULL key column, 1 row\(s\) repeating a key/);
  });

  it('checks a composite key in primaryKeyPosition order, as a whole', async () => {
    await db.run(
      `CREATE TABLE t AS SELECT * FROM (VALUES ('t1', 1, 'x'), ('t1', 2, 'x'), ('t2', 1, 'x')) v(tenant_id, order_id, note)`,
    );
    const schema = {
      name: 't',
      properties: [
        { name: 'order_id', primaryKey: true, primaryKeyPosition: 2 },
        { name: 'note' },
        { name: 'tenant_id', primaryKey: true, primaryKeyPosition: 1 },
      ],
    };
    const report = await checkTable(db.connection, 't', schema);
    // Neither column is unique alone, but together they are.
    expect(check(report, 'primaryKey:tenant_id,order_id')).toMatchObject({
      status: 'passed',
      observed: 0,
      rule: 'primaryKey (tenant_id, order_id)',
    });
    expect(check(report, 'primaryKey:tenant_id,order_id').column).toBeUndefined();

    await db.run(`INSERT INTO t VALUES ('t1', 2, 'again'), (NULL, 3, 'no tenant')`);
    const broken = await checkTable(db.connection, 't', schema);
    expect(check(broken, 'primaryKey:tenant_id,order_id')).toMatchObject({ status: 'failed', observed: 2 });
    expect(broken.passed).toBe(false);
  });

  it('is an error when a key column is missing', async () => {
    await db.run(`CREATE TABLE t AS SELECT 1 AS a`);
    const report = await checkTable(db.connection, 't', {
      name: 't',
      properties: [
        { name: 'a', primaryKey: true, primaryKeyPosition: 1 },
        { name: 'b', primaryKey: true, primaryKeyPosition: 2 },
      ],
    });
    expect(check(report, 'primaryKey:a,b')).toMatchObject({ status: 'error', blocking: true });
  });
});

describe('odd column names', () => {
  it('quotes names with spaces, quotes and reserved words', async () => {
    await db.run(
      `CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a', NULL), (2, 'a', 'x')) v("order id", "select", "say ""hi""")`,
    );
    const report = await checkTable(db.connection, 't', {
      name: 't',
      properties: [
        { name: 'order id', primaryKey: true, required: true },
        { name: 'select', unique: true, logicalType: 'string', logicalTypeOptions: { maxLength: 1 } },
        { name: 'say "hi"', required: true },
      ],
    });
    expect(check(report, 'primaryKey:order id').status).toBe('passed');
    expect(check(report, 'unique:select')).toMatchObject({ status: 'failed', observed: 1 });
    expect(check(report, 'logicalTypeOptions:select:maxLength').status).toBe('passed');
    expect(check(report, 'required:say "hi"')).toMatchObject({ status: 'failed', observed: 1 });
    expect(report.columnStats.map((s) => s.column)).toEqual(['order id', 'select', 'say "hi"']);
  });
});
