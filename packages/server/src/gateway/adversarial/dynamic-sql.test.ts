/**
 * Adversarial: SQL the gateway never sees. Anything that binds SQL text at run time (query(),
 * json_execute_serialized_sql…), creates callable code (macros, prepared statements), or hides
 * a denied call inside a lambda or a COLUMNS expression must be refused before it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ana, createAdversary, type Adversary } from './adversary.js';

let adv: Adversary;
beforeAll(async () => {
  adv = await createAdversary();
});
afterAll(async () => adv?.fixture.dispose());

describe('functions that run SQL text', () => {
  it.each([
    "SELECT * FROM query('SELECT * FROM read_text(''/etc/passwd'')')",
    "SELECT * FROM query_table('customers.profiles')",
    "SELECT * FROM query_table(['customers.profiles'])",
    "SELECT * FROM json_execute_serialized_sql('{}')",
    "SELECT json_execute_serialized_sql('{}')",
    "SELECT json_serialize_plan('SELECT 1')",
    "SELECT json_serialize_sql('SELECT 1')",
    "SELECT json_deserialize_sql(json_serialize_sql('SELECT 1'))",
    "SELECT * FROM sql_auto_complete('SELECT * FR')",
  ])('refuses %s (MW5007)', async (sql) => {
    await adv.refused(ana, sql, 'MW5007');
  });
});

describe('statements that create callable code', () => {
  it.each([
    'PREPARE leak AS SELECT * FROM customers.profiles',
    'EXECUTE leak',
    'DEALLOCATE leak',
    'CREATE MACRO m(x) AS x',
    'CREATE TEMP MACRO m(x) AS x',
    'CREATE OR REPLACE MACRO mw_mask.keyed_hash(v) AS v',
    'CREATE FUNCTION f(x) AS x + 1',
    'CREATE MACRO t() AS TABLE SELECT * FROM customers.profiles',
  ])('refuses %s (MW5002)', async (sql) => {
    await adv.refused(ana, sql, 'MW5002');
  });
});

describe('denied functions hidden in lambdas and COLUMNS', () => {
  it.each([
    "SELECT list_transform(['HOME'], x -> getenv(x))",
    "SELECT list_filter(['threads'], x -> current_setting(x) IS NOT NULL)",
    "SELECT [getvariable(x) FOR x IN ['a']]",
    "SELECT list_reduce(['a', 'b'], (x, y) -> json_serialize_sql(x || y))",
    'SELECT COLUMNS(c -> getenv(c) IS NULL) FROM customers.profiles',
    "SELECT list_transform([1], x -> (SELECT count(*) FROM read_text('/etc/passwd')))",
    "SELECT CASE WHEN true THEN error('boom') END",
  ])('refuses %s (MW5007)', async (sql) => {
    await adv.refused(ana, sql, 'MW5007');
  });

  it('allows lambdas and list comprehensions over masked columns, and they see masked values', async () => {
    const rows = await adv.rows(
      ana,
      `SELECT list_transform([email, phone], x -> upper(x)) AS up,
              [lower(x) FOR x IN [full_name] IF x IS NOT NULL] AS names
       FROM customers.profiles ORDER BY customer_id`,
    );
    expect(rows[0]!.up).toEqual(['J***@EXAMPLE.COM', '***0958']);
    expect(String((rows[0]!.names as string[])[0])).toMatch(/^tok_[0-9a-f]{20}$/);
  });
});
