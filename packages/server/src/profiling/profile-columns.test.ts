import { afterEach, describe, expect, it } from 'vitest';
import { countingConnection, openTestDatabase, type TestDatabase } from '../quality/test-support/duckdb-fixture.js';
import { profileColumns } from './profile-columns.js';
import type { ColumnProfile } from './profile-types.js';

const databases: TestDatabase[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

async function database(setup: string): Promise<TestDatabase> {
  const db = await openTestDatabase();
  databases.push(db);
  await db.run(setup);
  return db;
}

/** 1,000 rows of mixed columns; `order` decides how the rows are laid out. */
function peopleTable(order = 'i'): string {
  return `CREATE TABLE people AS SELECT
      i AS id,
      CAST(i AS VARCHAR) AS id_text,
      'user' || i || '@example.com' AS email,
      CASE WHEN i % 2 = 0 THEN 'user' || i || '@example.com' ELSE 'n/a' END AS half_email,
      CASE WHEN i % 4 = 0 THEN NULL ELSE '+4915123' || lpad(CAST(i AS VARCHAR), 5, '0') END AS mobile,
      CAST(NULL AS VARCHAR) AS nothing,
      'CODE-' || lpad(CAST(i AS VARCHAR), 4, '0') AS code,
      DATE '2026-01-01' + CAST(i AS INTEGER) AS created_on
    FROM range(1, 1001) AS r(i) ORDER BY ${order}`;
}

const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'id_text', type: 'VARCHAR' },
  { name: 'email', type: 'VARCHAR' },
  { name: 'half_email', type: 'VARCHAR' },
  { name: 'mobile', type: 'VARCHAR' },
  { name: 'nothing', type: 'VARCHAR' },
  { name: 'code', type: 'VARCHAR' },
  { name: 'created_on', type: 'DATE' },
];

const NONE = { email: 0, phone: 0, iban: 0, paymentCard: 0, nationalId: 0 };

function byColumn(profile: readonly ColumnProfile[]): Record<string, ColumnProfile> {
  return Object.fromEntries(profile.map((p) => [p.column, p]));
}

describe('profileColumns', () => {
  it('measures each text column over its non-null values; other columns are left out', async () => {
    const db = await database(peopleTable());
    const patterns = new Map([
      ['code', 'CODE-0[0-9]{3}'],
      ['id_text', '[0-9]+'],
      ['id', '[0-9]+'],
    ]);
    const profile = await profileColumns(db.connection, 'people', COLUMNS, { patterns });
    expect(profile.map((p) => p.column)).toEqual(['id_text', 'email', 'half_email', 'mobile', 'nothing', 'code']);
    const columns = byColumn(profile);
    expect(columns.id_text).toEqual({
      column: 'id_text',
      sampled: 1000,
      matches: NONE,
      pattern: { regex: '[0-9]+', matched: 1 },
    });
    expect(columns.email).toEqual({ column: 'email', sampled: 1000, matches: { ...NONE, email: 1 } });
    expect(columns.half_email).toEqual({ column: 'half_email', sampled: 1000, matches: { ...NONE, email: 0.5 } });
    expect(columns.mobile).toEqual({ column: 'mobile', sampled: 750, matches: { ...NONE, phone: 1 } });
    expect(columns.nothing).toEqual({ column: 'nothing', sampled: 0, matches: NONE });
    // Full matches only: CODE-1000 does not match CODE-0[0-9]{3}.
    expect(columns.code?.pattern).toEqual({ regex: 'CODE-0[0-9]{3}', matched: 0.999 });
  });

  it('samples at most sampleSize values per column, the same ones whatever the threads or the row order', async () => {
    const first = await database(peopleTable());
    const shuffled = await database(`SET threads = 4; ${peopleTable('hash(i)')}`);
    const options = { sampleSize: 100, patterns: new Map([['code', 'CODE-0[0-9]{3}']]) };
    const profile = await profileColumns(first.connection, 'people', COLUMNS, options);
    expect(byColumn(profile).email?.sampled).toBe(100);
    expect(byColumn(profile).mobile?.sampled).toBe(100);
    expect(byColumn(profile).half_email?.matches.email).toBeGreaterThan(0.3);
    expect(byColumn(profile).half_email?.matches.email).toBeLessThan(0.7);
    expect(await profileColumns(first.connection, 'people', COLUMNS, options)).toEqual(profile);
    expect(await profileColumns(shuffled.connection, 'people', COLUMNS, options)).toEqual(profile);
  });

  it('runs one query for all columns and returns rates, never a sampled value', async () => {
    const db = await database(peopleTable());
    const { connection, queries } = countingConnection(db.connection);
    const profile = await profileColumns(connection, 'people', COLUMNS, { patterns: new Map([['code', 'CODE.*']]) });
    expect(queries).toHaveLength(1);
    const text = JSON.stringify(profile);
    for (const fragment of ['@example.com', '+49151', 'CODE-0', 'n/a']) expect(text).not.toContain(fragment);
    expect(await profileColumns(connection, 'people', [{ name: 'id', type: 'BIGINT' }])).toEqual([]);
    expect(queries).toHaveLength(1);
  });

  it('quotes column names and binds patterns', async () => {
    const db = await database(
      `CREATE TABLE t AS SELECT 'ann@example.com' AS "we""ird col", 'it''s' AS mw_row_hash, 'DE89370400440532013000' AS "select"`,
    );
    const columns = ['we"ird col', 'mw_row_hash', 'select'].map((name) => ({ name, type: 'VARCHAR' }));
    const profile = await profileColumns(db.connection, 't', columns, {
      patterns: new Map([['mw_row_hash', "it's"]]),
    });
    expect(profile).toEqual([
      { column: 'we"ird col', sampled: 1, matches: { ...NONE, email: 1 } },
      { column: 'mw_row_hash', sampled: 1, matches: NONE, pattern: { regex: "it's", matched: 1 } },
      { column: 'select', sampled: 1, matches: { ...NONE, iban: 1 } },
    ]);
  });

  it('leaves out a pattern RE2 cannot compile and keeps the rest of the profile', async () => {
    const db = await database(peopleTable());
    const patterns = new Map([
      ['code', '(?<=C)ODE-.*'],
      ['id_text', '[0-9]+'],
    ]);
    const columns = byColumn(await profileColumns(db.connection, 'people', COLUMNS, { patterns }));
    expect(columns.code).toEqual({ column: 'code', sampled: 1000, matches: NONE });
    expect(columns.id_text?.pattern).toEqual({ regex: '[0-9]+', matched: 1 });
  });

  it('counts a value too long to be personal data as sampled, matched by no detector', async () => {
    const db = await database(
      `CREATE TABLE t AS SELECT CASE WHEN i = 0 THEN repeat('a', 5000) || '@example.com' ELSE 'b@example.com' END AS v FROM range(4) AS r(i)`,
    );
    const [profile] = await profileColumns(db.connection, 't', [{ name: 'v', type: 'VARCHAR' }], {
      patterns: new Map([['v', '.*@example\\.com']]),
    });
    expect(profile).toEqual({
      column: 'v',
      sampled: 4,
      matches: { ...NONE, email: 0.75 },
      pattern: { regex: '.*@example\\.com', matched: 1 },
    });
  });

  it('refuses a sample size that is not an integer from 1 to 100,000', async () => {
    const db = await database(peopleTable());
    for (const sampleSize of [0, -1, 1.5, Number.NaN, 100_001]) {
      await expect(profileColumns(db.connection, 'people', COLUMNS, { sampleSize })).rejects.toThrow(RangeError);
    }
  });
});
