/**
 * Adversarial: changing or reading the sandbox's state, and anything but one read statement.
 * SET/PRAGMA/ATTACH/INSTALL/… must be refused before DuckDB sees them (the sandbox's locked
 * configuration is only the second line); settings and variables must not be readable; a second
 * statement must not hide behind a comment; DML, DDL and transactions are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ana, createAdversary, type Adversary } from './adversary.js';

let adv: Adversary;
beforeAll(async () => {
  adv = await createAdversary();
});
afterAll(async () => adv?.fixture.dispose());

describe('settings, extensions and attached databases', () => {
  it.each([
    'SET enable_external_access = true',
    'SET lock_configuration = false',
    "SET allowed_directories = ['/']",
    "SET search_path = 'mw_mask'",
    'SET threads = 64',
    "SET memory_limit = '100GB'",
    'RESET enable_external_access',
    'RESET ALL',
    "PRAGMA enable_profiling = 'json'",
    'PRAGMA database_list',
    'SET VARIABLE leak = 1',
    'RESET VARIABLE leak',
    "ATTACH '/tmp/other.duckdb' AS other",
    "ATTACH ':memory:' AS scratch",
    'DETACH memory',
    'USE system.main',
    'INSTALL httpfs',
    'FORCE INSTALL httpfs',
    'LOAD httpfs',
    'UPDATE EXTENSIONS',
    "CREATE SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')",
    'CHECKPOINT',
    'FORCE CHECKPOINT',
    'VACUUM',
    'ANALYZE',
    'CALL pragma_version()',
    'CALL dbgen(sf = 1)',
  ])('refuses %s (MW5002)', async (sql) => {
    await adv.refused(ana, sql, 'MW5002');
  });

  it.each([
    "SELECT current_setting('allowed_directories')",
    "SELECT current_setting('enable_external_access')",
    "SELECT getvariable('leak')",
    "SELECT getenv('HOME')",
    "SELECT write_log('x')",
    'SELECT setseed(0.5)',
    "SELECT nextval('seq')",
    'SELECT current_query()',
    'SELECT txid_current()',
  ])('refuses %s (MW5007)', async (sql) => {
    await adv.refused(ana, sql, 'MW5007');
  });

  it('keeps the sandbox locked: settings it refuses to change are the ones it started with', async () => {
    // Nothing above reached DuckDB, and file access is still limited to the warehouse.
    await adv.refused(ana, "SELECT * FROM read_text('/etc/hostname')", 'MW5007');
    expect(await adv.rows(ana, 'SELECT 42 AS answer')).toEqual([{ answer: 42 }]);
  });
});

describe('one statement, read only', () => {
  it.each([
    'SELECT 1; SELECT 2',
    "SELECT 1; SELECT * FROM read_text('/etc/passwd')",
    'SELECT 1 -- a comment\n; SELECT 2',
    'SELECT 1 /* a comment */; SELECT 2',
    'SELECT 1;;SELECT 2',
    'SELECT 1;\n/* hidden */ SELECT email FROM customers.profiles',
  ])('refuses several statements: %s (MW5003)', async (sql) => {
    await adv.refused(ana, sql, 'MW5003');
  });

  it('refuses a write after a read in one text, whichever check sees it first', async () => {
    await adv.refused(ana, 'SELECT 1; DROP TABLE x', ['MW5002', 'MW5003']);
    await adv.refused(ana, 'SELECT 1; SET enable_external_access = true', ['MW5002', 'MW5003']);
  });

  it.each(['SELECT 1 /* ; DROP TABLE x */', 'SELECT 1 -- ; DROP TABLE x', 'SELECT 1;', '  SELECT 1  ;  '])(
    'runs %s: the second statement is only a comment or nothing',
    async (sql) => {
      expect(await adv.rows(ana, sql)).toHaveLength(1);
    },
  );

  it.each(['', '   ', ';', ';;', '-- only a comment', '/* only a comment */'])(
    'refuses the empty query %j (MW5002)',
    async (sql) => {
      await adv.refused(ana, sql, 'MW5002');
    },
  );

  it.each([
    "INSERT INTO customers.profiles (customer_id) VALUES ('x')",
    "UPDATE customers.profiles SET email = 'x'",
    'DELETE FROM sales.orders',
    'CREATE TABLE copy AS SELECT * FROM customers.profiles',
    'CREATE TEMP TABLE copy AS SELECT * FROM customers.profiles',
    'CREATE VIEW v AS SELECT * FROM customers.profiles',
    'CREATE SCHEMA s',
    'CREATE SEQUENCE seq',
    'DROP TABLE customers.profiles',
    'DROP SCHEMA mw_mask CASCADE',
    'ALTER TABLE customers.profiles ADD COLUMN x INT',
    'TRUNCATE sales.orders',
    'WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x',
    'INSERT INTO t SELECT * FROM customers.profiles RETURNING *',
    'BEGIN TRANSACTION',
    'COMMIT',
    'ROLLBACK',
  ])('refuses %s (MW5002)', async (sql) => {
    await adv.refused(ana, sql, 'MW5002');
  });
});
