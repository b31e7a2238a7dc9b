/**
 * Adversarial: reaching files and URLs. The gateway must never read anything but the snapshot
 * files its own rewrite names — not through table functions, not through DuckDB's replacement
 * scans (`FROM 'x.parquet'`), not through names that look like paths, not through COPY/EXPORT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ana, createAdversary, type Adversary } from './adversary.js';

let adv: Adversary;
beforeAll(async () => {
  adv = await createAdversary();
});
afterAll(async () => adv?.fixture.dispose());

describe('file and URL table functions', () => {
  it.each([
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_csv_auto('/etc/passwd')",
    "SELECT * FROM read_parquet('data.parquet')",
    "SELECT * FROM read_parquet(['a.parquet', 'b.parquet'])",
    "SELECT * FROM parquet_scan('data.parquet')",
    "SELECT * FROM read_json('data.json')",
    "SELECT * FROM read_json_auto('data.json')",
    "SELECT * FROM read_ndjson_objects('data.json')",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_blob('/etc/passwd')",
    "SELECT * FROM glob('/**')",
    "SELECT * FROM parquet_metadata('data.parquet')",
    "SELECT * FROM parquet_schema('data.parquet')",
    "SELECT * FROM parquet_file_metadata('data.parquet')",
    "SELECT * FROM parquet_kv_metadata('data.parquet')",
    "SELECT * FROM sniff_csv('/etc/passwd')",
    "SELECT * FROM read_csv('https://example.com/data.csv')",
    "SELECT * FROM read_parquet('s3://bucket/data.parquet')",
    // A path built at run time is no better than a literal one.
    "SELECT * FROM read_csv('/etc/' || 'passwd')",
    "SELECT * FROM read_text(concat('/et', 'c/passwd'))",
  ])('refuses %s (MW5007)', async (sql) => {
    await adv.refused(ana, sql, 'MW5007');
  });

  it.each([
    "SELECT 1 UNION ALL SELECT count(*) FROM read_csv('/etc/passwd')",
    "SELECT (SELECT count(*) FROM read_text('/etc/passwd')) AS n",
    "SELECT * FROM customers.profiles WHERE EXISTS (SELECT 1 FROM read_blob('/etc/passwd'))",
    "SELECT * FROM customers.profiles p, LATERAL (SELECT * FROM read_csv('/etc/passwd'))",
    "WITH f AS (SELECT * FROM read_text('/etc/passwd')) SELECT * FROM f",
    "SELECT * FROM sales.orders o JOIN read_csv('/etc/passwd') x ON true",
  ])('refuses a file read nested anywhere in the tree: %s (MW5007)', async (sql) => {
    await adv.refused(ana, sql, 'MW5007');
  });
});

describe('replacement scans and path-like names', () => {
  it.each([
    "SELECT * FROM 'data.parquet'",
    "FROM '/etc/passwd'",
    "SELECT * FROM '/etc/passwd'",
    "SELECT * FROM 'https://example.com/data.parquet'",
    'SELECT * FROM "s3://bucket/data.parquet"',
    "SELECT * FROM '**/*.parquet'",
    "SELECT * FROM 'customers/profiles/data.parquet'",
    "SELECT * FROM './.meshwork/warehouse/customers/profiles.csv'",
  ])('refuses the replacement scan %s as an unknown relation (MW5004)', async (sql) => {
    await adv.refused(ana, sql, 'MW5004');
  });

  it.each([
    'SELECT * FROM customers."../../etc/passwd"',
    'SELECT * FROM customers."profiles/../../data.parquet"',
    'SELECT * FROM "customers/../sales".orders',
    'SELECT * FROM "."."profiles"',
    'SELECT * FROM customers."profiles.parquet"',
    'SELECT * FROM "/etc"."passwd"',
  ])('refuses the path-like relation name %s (MW5004)', async (sql) => {
    await adv.refused(ana, sql, 'MW5004');
  });

  it('does not let a CTE named like a file read that file (the CTE body does not see its own name)', async () => {
    // Hole found and fixed: the body of `WITH "x.parquet" AS (SELECT * FROM "x.parquet")` was
    // taken for a reference to the CTE, while DuckDB turned it into a replacement scan — with the
    // warehouse root (then readable through pg_settings) it read raw, unmasked snapshot files.
    const glob = `${adv.warehouseRoot}/customers/**/*.parquet`;
    await adv.refused(ana, `WITH "${glob}" AS (SELECT * FROM "${glob}") SELECT * FROM "${glob}"`, 'MW5004');
    await adv.refused(ana, `WITH "data.parquet" AS (SELECT * FROM 'data.parquet') SELECT 1`, 'MW5004');
  });

  it('reads a product through its governed relation even when the text around it names files', async () => {
    const rows = await adv.rows(
      ana,
      "SELECT '/etc/passwd' AS path, email FROM customers.profiles /* FROM 'x.parquet' */ ORDER BY email",
    );
    expect(rows).toEqual([
      { path: '/etc/passwd', email: 'j***@example.com' },
      { path: '/etc/passwd', email: 'm***@example.de' },
    ]);
  });
});

describe('writing and exporting files', () => {
  it.each([
    "COPY (SELECT * FROM customers.profiles) TO '/tmp/out.csv'",
    "COPY customers.profiles TO 'out.parquet' (FORMAT parquet)",
    "COPY sales.orders FROM '/etc/passwd'",
    "EXPORT DATABASE '/tmp/export'",
    "IMPORT DATABASE '/tmp/export'",
  ])('refuses %s (MW5002)', async (sql) => {
    await adv.refused(ana, sql, 'MW5002');
  });
});
