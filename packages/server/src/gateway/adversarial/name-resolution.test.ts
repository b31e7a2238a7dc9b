/**
 * Adversarial: naming a product so that the gateway and DuckDB disagree on what is read. Every
 * reference to a product — unqualified, shadowed by a CTE, inside any clause, set operation,
 * PIVOT, recursive CTE, with column aliases, quoted or cased, at a snapshot — must either be the
 * governed relation (masked, filtered) or be refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ana, ben, createAdversary, nobody, VISIBLE_CUSTOMERS, VISIBLE_ORDERS, type Adversary } from './adversary.js';

let adv: Adversary;
let profilesSnapshot: string;
let ordersSnapshot: string;
beforeAll(async () => {
  adv = await createAdversary();
  profilesSnapshot = (await adv.fixture.catalog.resolve('customers', 'profiles')).snapshotId;
  ordersSnapshot = (await adv.fixture.catalog.resolve('sales', 'orders')).snapshotId;
});
afterAll(async () => adv?.fixture.dispose());

const MASKED_EMAILS = ['j***@example.com', 'm***@example.de'];
const emails = (rows: readonly Record<string, unknown>[]) => rows.map((r) => r.email).sort();

describe('unqualified and shadowed names', () => {
  it.each(['SELECT * FROM profiles', 'FROM orders', 'SELECT * FROM "profiles@v1"'])(
    'refuses the unqualified product name in %s (MW5004)',
    async (sql) => {
      await adv.refused(ana, sql, 'MW5004');
    },
  );

  it('treats a CTE named like a product as the CTE, not the product', async () => {
    expect(await adv.rows(ana, "WITH profiles AS (SELECT 'x' AS email) SELECT email FROM profiles")).toEqual([
      { email: 'x' },
    ]);
  });

  it('still governs the product read inside a CTE that shadows its name', async () => {
    const rows = await adv.rows(
      ana,
      'WITH profiles AS (SELECT email FROM customers.profiles) SELECT email FROM profiles',
    );
    expect(emails(rows)).toEqual(MASKED_EMAILS);
  });

  it('governs the qualified product even when a CTE carries its schema or table name', async () => {
    const rows = await adv.rows(
      ana,
      `WITH customers AS (SELECT 1 AS x), profiles AS (SELECT 'x' AS email)
       SELECT email FROM customers.profiles`,
    );
    expect(emails(rows)).toEqual(MASKED_EMAILS);
  });

  it('governs products inside recursive CTEs', async () => {
    const rows = await adv.rows(
      ana,
      `WITH RECURSIVE walk AS (SELECT customer_id, email, 1 AS depth FROM customers.profiles
         UNION ALL SELECT customer_id, email, depth + 1 FROM walk WHERE depth < 3)
       SELECT DISTINCT customer_id, email FROM walk ORDER BY customer_id`,
    );
    expect(rows).toEqual([
      { customer_id: 'c1', email: 'j***@example.com' },
      { customer_id: 'c5', email: 'm***@example.de' },
    ]);
  });
});

describe('products in every clause', () => {
  it.each([
    ['SELECT list', 'SELECT (SELECT max(email) FROM customers.profiles) AS email'],
    ['WHERE', "SELECT 'm***@example.de' AS email WHERE 'm***@example.de' IN (SELECT email FROM customers.profiles)"],
    [
      'HAVING',
      'SELECT max(email) AS email FROM customers.profiles HAVING max(email) = (SELECT max(email) FROM customers.profiles)',
    ],
    [
      'ORDER BY',
      'SELECT email FROM customers.profiles p ORDER BY (SELECT count(*) FROM sales.orders o WHERE o.customer_id = p.customer_id) LIMIT 1',
    ],
    [
      'JOIN ON',
      // The largest visible order (100.00) is c1's; the largest of all (999.99) is hidden.
      "SELECT 'm***@example.de' AS email FROM customers.profiles p JOIN sales.orders o ON o.customer_id = p.customer_id AND o.amount >= (SELECT max(amount) FROM sales.orders) WHERE p.email = 'j***@example.com'",
    ],
    [
      'LATERAL',
      "SELECT l.email FROM sales.orders o, LATERAL (SELECT max(email) AS email FROM customers.profiles p WHERE p.customer_id = o.customer_id) l WHERE o.order_id = 'o6'",
    ],
  ])('governs a product read in a subquery of the %s', async (_clause, sql) => {
    const rows = await adv.rows(ana, sql);
    expect(rows).toEqual([{ email: 'm***@example.de' }]);
  });

  it.each([
    ['UNION', 'SELECT email FROM customers.profiles UNION SELECT email FROM customers.profiles_v1'],
    ['EXCEPT', "SELECT email FROM customers.profiles EXCEPT SELECT 'jane.doe@example.com' AS email"],
    ['INTERSECT', 'SELECT email FROM customers.profiles INTERSECT SELECT email FROM customers."profiles@v1"'],
    ['UNION BY NAME', 'SELECT email FROM customers.profiles UNION BY NAME SELECT email FROM customers.profiles'],
  ])('governs both sides of %s', async (_operation, sql) => {
    expect(emails(await adv.rows(ana, sql))).toEqual(MASKED_EMAILS);
  });

  it('governs PIVOT and UNPIVOT sources', async () => {
    const pivot = await adv.rows(
      ana,
      "PIVOT customers.profiles ON email IN ('jane.doe@example.com', 'j***@example.com') USING count(*) GROUP BY region",
    );
    expect(pivot).toEqual([{ region: 'EU', 'jane.doe@example.com': '0', 'j***@example.com': '1' }]);
    const unpivot = await adv.rows(
      ana,
      "SELECT k, v FROM customers.profiles UNPIVOT (v FOR k IN (email, phone, iban)) WHERE customer_id = 'c1' ORDER BY k",
    );
    expect(unpivot).toEqual([
      { k: 'email', v: 'j***@example.com' },
      { k: 'iban', v: '****' },
      { k: 'phone', v: '***0958' },
    ]);
  });

  it('joins VALUES against a masked column without matching clear values', async () => {
    const rows = await adv.rows(
      ana,
      "SELECT p.customer_id FROM (VALUES ('jane.doe@example.com'), ('j***@example.com')) v(e) JOIN customers.profiles p ON p.email = v.e",
    );
    expect(rows).toEqual([{ customer_id: 'c1' }]);
  });

  it('keeps masks under table aliases with column aliases', async () => {
    const rows = await adv.rows(ana, 'SELECT a, b FROM customers.profiles AS p(a, b) ORDER BY a');
    expect(rows).toEqual([
      { a: 'c1', b: 'j***@example.com' },
      { a: 'c5', b: 'm***@example.de' },
    ]);
  });
});

describe('quoted, cased and versioned names', () => {
  it.each([
    'SELECT customer_id FROM "Customers"."PROFILES"',
    'SELECT customer_id FROM CUSTOMERS.Profiles',
    'SELECT customer_id FROM customers . profiles',
    'SELECT customer_id FROM customers/* c */./* d */profiles',
    'SELECT customer_id FROM customers.profiles_v1',
    'SELECT customer_id FROM customers."profiles@v1"',
  ])('resolves %s to the governed relation', async (sql) => {
    const rows = await adv.rows(ana, `${sql} ORDER BY 1`);
    expect(rows.map((r) => r.customer_id)).toEqual(VISIBLE_CUSTOMERS);
  });

  it('reads an explicit snapshot through the governed relation, by suffix or AT clause', async () => {
    const bySuffix = await adv.rows(ana, `SELECT email FROM customers."profiles@${profilesSnapshot}"`);
    const byClause = await adv.rows(ana, `SELECT order_id FROM sales.orders AT (VERSION => ${ordersSnapshot})`);
    expect(emails(bySuffix)).toEqual(MASKED_EMAILS);
    expect(byClause.map((r) => r.order_id).sort()).toEqual(VISIBLE_ORDERS);
  });

  it.each([
    ["SELECT * FROM customers.profiles AT (VERSION => 'abc')", 'MW5015'],
    ['SELECT * FROM customers.profiles AT (VERSION => -1)', 'MW5015'],
    ['SELECT * FROM customers.profiles AT (VERSION => 1)', 'MW5015'],
    ['SELECT * FROM customers.profiles AT (VERSION => 1.5)', 'MW5015'],
    ['SELECT * FROM customers.profiles AT (VERSION => 99999999999999999999999)', 'MW5015'],
    ["SELECT * FROM customers.profiles AT (VERSION => '1' || '2')", 'MW5015'],
    ['SELECT * FROM customers.profiles AT (TIMESTAMP => now())', 'MW5008'],
    ['WITH c AS (SELECT 1) SELECT * FROM c AT (VERSION => 1)', 'MW5008'],
    ['SELECT * FROM customers."profiles@1"', 'MW5015'],
    ['SELECT * FROM customers."profiles@v99"', 'MW5004'],
    ['SELECT * FROM customers."profiles@abc"', 'MW5004'],
    ['SELECT * FROM customers."profiles@v1@v1"', 'MW5004'],
    ['SELECT * FROM customers."profiles@99999999999999999999999"', 'MW5004'],
    ['SELECT * FROM customers.profiles_v99', 'MW5004'],
  ])('refuses the bad snapshot or version in %s (%s)', async (sql, code) => {
    await adv.refused(ana, sql, code);
  });

  it('refuses a parameter as snapshot id (MW5015)', async () => {
    await adv.refused(
      ana,
      { sql: 'SELECT * FROM sales.orders AT (VERSION => $1)', parameters: [ordersSnapshot] },
      'MW5015',
    );
  });
});

describe('products a principal may not see', () => {
  it('answers "does not exist" for a hidden product exactly as for a missing one, whatever the spelling', async () => {
    for (const [hidden, missing] of [
      ['customers.profiles', 'customers.nothing'],
      ['customers."profiles@v1"', 'customers."nothing@v1"'],
      ['customers.profiles_v1', 'customers.nothing_v1'],
      ['customers.profiles AT (VERSION => 12)', 'customers.nothing AT (VERSION => 12)'],
    ] as const) {
      const a = await adv.refused(ben, `SELECT * FROM ${hidden}`, 'MW5004');
      const b = await adv.refused(ben, `SELECT * FROM ${missing}`, 'MW5004');
      expect(a.message.replace('profiles', 'X')).toBe(b.message.replace('nothing', 'X'));
    }
  });

  it('refuses every name to a token without the discover scope alike, saying which scope it lacks', async () => {
    const queryOnly = { ...ben, scopes: ['query' as const] };
    const existing = await adv.refused(queryOnly, 'SELECT order_id FROM sales.orders', 'MW5004');
    const missing = await adv.refused(queryOnly, 'SELECT order_id FROM sales.nothing', 'MW5004');
    const hidden = await adv.refused(queryOnly, 'SELECT email FROM customers.profiles', 'MW5004');
    expect(existing.message).toMatch(/does not exist for this token: .*discover scope/);
    expect(existing.message.replace('orders', 'X')).toBe(missing.message.replace('nothing', 'X'));
    expect(hidden.message.replace('customers.profiles', 'X')).toBe(missing.message.replace('sales.nothing', 'X'));
    // With the discover scope the same query reads, and other refusals carry no scope hint.
    const scoped = { ...ben, scopes: ['discover' as const, 'query' as const] };
    expect(await adv.rows(scoped, 'SELECT order_id FROM sales.orders')).toEqual([{ order_id: 'o3' }]);
    expect((await adv.refused(scoped, 'SELECT 1 FROM sales.nothing', 'MW5004')).message).toBe(
      'relation sales.nothing does not exist',
    );
  });

  it('refuses a product without a grant even in a branch that is never evaluated (MW5016)', async () => {
    await adv.refused(nobody, 'SELECT 1 WHERE false AND EXISTS (SELECT 1 FROM sales.orders)', 'MW5016');
    await adv.refused(
      ben,
      'SELECT order_id FROM sales.orders UNION ALL SELECT email FROM customers.profiles LIMIT 0',
      'MW5004',
    );
  });
});
