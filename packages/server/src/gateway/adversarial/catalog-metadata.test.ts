/**
 * Adversarial: DuckDB's own catalog. information_schema, pg_catalog, the duckdb_* views and table
 * functions, pragma_* functions, SHOW/DESCRIBE/SUMMARIZE/EXPLAIN and the `mw_mask` schema would
 * show the sandbox's settings (the warehouse path), the masking macro (the key) and objects of
 * no product; introspection goes through visibleRelations() instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ana, ben, createAdversary, type Adversary } from './adversary.js';

let adv: Adversary;
beforeAll(async () => {
  adv = await createAdversary();
});
afterAll(async () => adv?.fixture.dispose());

describe('catalog views and schemas', () => {
  it.each([
    'SELECT * FROM information_schema.tables',
    'SELECT * FROM information_schema.columns',
    'SELECT * FROM information_schema.routines',
    'SELECT * FROM pg_catalog.pg_class',
    'SELECT * FROM pg_catalog.pg_proc',
    'SELECT * FROM pg_catalog.pg_settings',
    'SELECT * FROM duckdb_tables',
    'SELECT * FROM duckdb_views',
    'SELECT * FROM sqlite_master',
    'SELECT * FROM pg_proc',
    'SELECT * FROM pg_settings',
    'SELECT * FROM main.duckdb_tables',
    'SELECT * FROM mw_mask.keyed_hash',
    'SELECT * FROM temp.profiles',
  ])('refuses %s as an unknown relation (MW5004)', async (sql) => {
    await adv.refused(ana, sql, 'MW5004');
  });

  it.each([
    'SELECT * FROM system.main.duckdb_tables',
    'SELECT * FROM memory.main.anything',
    'SELECT * FROM temp.main.anything',
    'SELECT * FROM memory.mw_mask.keyed_hash',
    'SELECT * FROM system.information_schema.tables',
    'SELECT * FROM memory.customers.profiles',
  ])('refuses the catalog-qualified name in %s (MW5008)', async (sql) => {
    await adv.refused(ana, sql, 'MW5008');
  });
});

describe('CTEs named like catalog objects', () => {
  // Hole found and fixed: a CTE's body saw the CTE's own name, while DuckDB binds that name to
  // its catalog — `WITH pg_proc AS (SELECT * FROM pg_proc)` printed the `mw_mask.keyed_hash`
  // macro body with the masking key's HMAC pads; `pg_settings` printed allowed_directories.
  it.each([
    'WITH pg_proc AS (SELECT * FROM pg_proc) SELECT prosqlbody FROM pg_proc',
    'WITH pg_settings AS (SELECT * FROM pg_settings) SELECT setting FROM pg_settings',
    'WITH duckdb_tables AS (SELECT * FROM duckdb_tables) SELECT * FROM duckdb_tables',
    'WITH sqlite_master AS (SELECT * FROM sqlite_master) SELECT * FROM sqlite_master',
    // A CTE cannot see a later one either: DuckDB would read the catalog's pg_proc.
    'WITH a AS (SELECT * FROM pg_proc), pg_proc AS (SELECT 1 AS x) SELECT * FROM a',
    // The anchor of a recursive CTE does not see the CTE: it, too, would read the catalog.
    'WITH RECURSIVE duckdb_views AS (SELECT 1 AS x FROM duckdb_views UNION ALL SELECT x FROM duckdb_views WHERE false) SELECT * FROM duckdb_views',
    'WITH RECURSIVE pg_proc AS (SELECT * FROM pg_proc) SELECT * FROM pg_proc',
  ])('refuses %s (MW5004)', async (sql) => {
    await adv.refused(ana, sql, 'MW5004');
  });

  it('still allows CTEs that use earlier CTEs, outer CTEs and themselves recursively', async () => {
    const rows = await adv.rows(
      ana,
      `WITH a AS (SELECT 1 AS v), b AS (SELECT v + 1 AS v FROM a),
            r AS (SELECT * FROM (WITH RECURSIVE r AS (SELECT v FROM b UNION ALL SELECT v + 1 FROM r WHERE v < 4)
                                 SELECT * FROM r))
       SELECT list(v ORDER BY v) AS vs FROM r`,
    );
    expect(rows).toEqual([{ vs: [2, 3, 4] }]);
  });

  it('lets a CTE named like a catalog view shadow it for the rest of the query', async () => {
    const rows = await adv.rows(ana, "WITH pg_proc AS (SELECT 'mine' AS x) SELECT x FROM pg_proc");
    expect(rows).toEqual([{ x: 'mine' }]);
  });
});

describe('introspection', () => {
  it('lists only relations the principal may query, never a hidden product or a catalog object', async () => {
    const names = (await adv.gateway.visibleRelations(ben)).map((r) => `${r.schema}.${r.name}`);
    expect(names).toContain('sales.orders');
    expect(names.filter((n) => !n.startsWith('sales.'))).toEqual([]);
  });
});

describe('catalog table functions and pragmas', () => {
  it.each([
    'SELECT * FROM duckdb_tables()',
    'SELECT * FROM duckdb_views()',
    'SELECT * FROM duckdb_functions()',
    'SELECT * FROM duckdb_settings()',
    'SELECT * FROM duckdb_extensions()',
    'SELECT * FROM duckdb_secrets()',
    'SELECT * FROM duckdb_databases()',
    'SELECT * FROM duckdb_memory()',
    'SELECT * FROM duckdb_temporary_files()',
    "SELECT * FROM pragma_table_info('customers.profiles')",
    'SELECT * FROM pragma_database_size()',
    'SELECT * FROM pragma_version()',
    'SELECT * FROM pragma_storage_info()',
    "SELECT * FROM which_secret('s3://bucket/x', 's3')",
    'SELECT * FROM main.range(3)',
    // A built-in macro whose body calls pragma_database_size() (denied, fixed in this suite).
    "SELECT get_block_size('memory')",
  ])('refuses %s (MW5007)', async (sql) => {
    await adv.refused(ana, sql, 'MW5007');
  });
});

describe('the masking macros', () => {
  it.each([
    "SELECT mw_mask.keyed_hash('Jane Doe')",
    'SELECT "mw_mask"."keyed_hash"(\'Jane Doe\')',
    "SELECT MW_MASK.KEYED_HASH('Jane Doe')",
    "SELECT memory.mw_mask.keyed_hash('Jane Doe')",
    "SELECT keyed_hash('Jane Doe')",
    'SELECT mw_mask.keyed_hash(full_name) FROM customers.profiles',
    "SELECT list_transform(['Jane Doe'], x -> mw_mask.keyed_hash(x))",
  ])('refuses %s: it would be a dictionary oracle for tokens (MW5007)', async (sql) => {
    await adv.refused(ana, sql, 'MW5007');
  });
});

describe('SHOW, DESCRIBE, SUMMARIZE, EXPLAIN', () => {
  it.each([
    'SHOW TABLES',
    'SHOW ALL TABLES',
    'SHOW customers.profiles',
    'DESCRIBE customers.profiles',
    'DESCRIBE SELECT * FROM customers.profiles',
    'SUMMARIZE customers.profiles',
    'SUMMARIZE SELECT email FROM customers.profiles',
    'SELECT * FROM (DESCRIBE customers.profiles)',
    'SELECT * FROM (SUMMARIZE customers.profiles)',
  ])('refuses %s (MW5008)', async (sql) => {
    await adv.refused(ana, sql, 'MW5008');
  });

  it.each(['EXPLAIN SELECT * FROM customers.profiles', 'EXPLAIN ANALYZE SELECT * FROM customers.profiles'])(
    'refuses %s: a plan shows the rewrite (MW5002)',
    async (sql) => {
      await adv.refused(ana, sql, 'MW5002');
    },
  );
});
