/**
 * Adversarial: seeing rows a filter removes. ana sees EU rows only (c1, c5; o1, o2, o6). No path —
 * counts, joins, subqueries, EXISTS, NOT IN, windows, set operations — may show another region's
 * row, and no error may depend on one: a predicate that would fail only on a hidden row (a cast,
 * an overflow) must behave as if the row did not exist, and any error names no hidden value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ana,
  createAdversary,
  HIDDEN_ORDERS,
  HIDDEN_PROFILES,
  VISIBLE_CUSTOMERS,
  VISIBLE_ORDERS,
  type Adversary,
} from './adversary.js';

let adv: Adversary;
beforeAll(async () => {
  adv = await createAdversary();
});
afterAll(async () => adv?.fixture.dispose());

const HIDDEN_IDS = [...HIDDEN_PROFILES.map((r) => r.customer_id!), ...HIDDEN_ORDERS.map((r) => r.order_id!)];

/** No value of any row equals a hidden row's id or region. */
function expectOwnRowsOnly(rows: readonly Record<string, unknown>[]): void {
  const hidden = new Set([...HIDDEN_IDS, 'NA', 'LATAM', 'APAC']);
  const values = rows.flatMap((row) => Object.values(row).flatMap((v) => (Array.isArray(v) ? v : [v])));
  expect(values.filter((v) => typeof v === 'string' && hidden.has(v))).toEqual([]);
}

describe('hidden rows never appear', () => {
  it.each([
    ['count(*)', 'SELECT count(*) AS n FROM customers.profiles', [{ n: '2' }]],
    ['count(*) of orders', 'SELECT count(*) AS n, sum(amount) AS s FROM sales.orders', [{ n: '3', s: '160.00' }]],
    [
      'a predicate on a hidden region',
      "SELECT count(*) AS n FROM customers.profiles WHERE region <> 'EU'",
      [{ n: '0' }],
    ],
    [
      'IS NULL on the filtered column',
      'SELECT count(*) AS n FROM customers.profiles WHERE region IS NULL',
      [{ n: '0' }],
    ],
    ['a hidden id', "SELECT count(*) AS n FROM sales.orders WHERE customer_id IN ('c2', 'c3', 'c4')", [{ n: '0' }]],
    [
      'EXISTS on a hidden row',
      "SELECT count(*) AS n FROM customers.profiles WHERE EXISTS (SELECT 1 FROM sales.orders WHERE order_id = 'o5')",
      [{ n: '0' }],
    ],
    [
      'NOT IN',
      'SELECT count(*) AS n FROM sales.orders WHERE customer_id NOT IN (SELECT customer_id FROM customers.profiles)',
      [{ n: '0' }],
    ],
    ['a window over everything', 'SELECT DISTINCT count(*) OVER () AS n FROM sales.orders', [{ n: '3' }]],
    [
      'a full outer join',
      'SELECT count(*) AS n FROM sales.orders o FULL JOIN customers.profiles p USING (customer_id)',
      [{ n: '3' }],
    ],
    ['EXCEPT', 'SELECT customer_id FROM sales.orders EXCEPT SELECT customer_id FROM customers.profiles', []],
    ['GROUP BY region', 'SELECT region, count(*) AS n FROM sales.orders GROUP BY region', [{ region: 'EU', n: '3' }]],
    [
      'max over a join',
      'SELECT max(o.amount) AS m FROM sales.orders o JOIN customers.profiles p USING (customer_id)',
      [{ m: '100.00' }],
    ],
  ])('%s', async (_path, sql, expected) => {
    expect(await adv.rows(ana, sql)).toEqual(expected);
  });

  it.each([
    'SELECT * FROM customers.profiles',
    'SELECT * FROM sales.orders o LEFT JOIN customers.profiles p USING (customer_id)',
    'SELECT * FROM customers.profiles p RIGHT JOIN sales.orders o USING (customer_id)',
    'SELECT customer_id FROM customers.profiles UNION ALL SELECT customer_id FROM sales.orders',
    'SELECT * FROM customers.profiles p, LATERAL (SELECT list(order_id) AS os FROM sales.orders o WHERE o.customer_id = p.customer_id)',
    'SELECT customer_id, lag(customer_id) OVER (ORDER BY customer_id) AS prev, lead(region) OVER () AS next FROM customers.profiles',
    'SELECT list(customer_id) AS ids, list(region) AS regions FROM customers.profiles',
    "PIVOT sales.orders ON region IN ('EU', 'NA', 'LATAM', 'APAC') USING count(*) GROUP BY customer_id",
    'SELECT * FROM customers.profiles ASOF JOIN sales.orders USING (customer_id)',
    'SELECT * FROM sales.orders POSITIONAL JOIN customers.profiles',
  ])('shows own rows only: %s', async (sql) => {
    const rows = await adv.rows(ana, sql);
    expect(rows.length).toBeGreaterThan(0);
    expectOwnRowsOnly(rows);
  });

  it('lists exactly the visible customers and orders', async () => {
    const customers = await adv.rows(ana, 'SELECT customer_id FROM customers.profiles ORDER BY 1');
    const orders = await adv.rows(ana, 'SELECT order_id FROM sales.orders ORDER BY 1');
    expect(customers.map((r) => r.customer_id)).toEqual(VISIBLE_CUSTOMERS);
    expect(orders.map((r) => r.order_id)).toEqual(VISIBLE_ORDERS);
  });
});

describe('error oracles on hidden rows', () => {
  // Each predicate fails on a hidden row's value (c2, c3, c4; o3, o4, o5) and on no visible one:
  // DuckDB may evaluate it before the row filter, but the filtered rows show only NULLs there.
  it.each([
    "CAST(CASE WHEN customer_id = 'c2' THEN 'boom' ELSE '0' END AS INT) = 0",
    "CAST(CASE WHEN region = 'APAC' THEN 'boom' ELSE '0' END AS INT) = 0",
    "CAST(CASE WHEN lifetime_value = 80.00 THEN 'boom' ELSE '0' END AS INT) = 0",
    'CASE WHEN lifetime_value >= 3000 THEN CAST(lifetime_value * 10000000000 AS INT) ELSE 0 END = 0',
    "CASE WHEN email LIKE 'l%' THEN CAST(email AS INT) ELSE 0 END = 0",
    "CASE WHEN region IS NULL THEN CAST('boom' AS INT) ELSE 0 END = 0",
    "CAST(CASE WHEN customer_id IS NULL THEN 'boom' ELSE '0' END AS INT) = 0",
    "CAST(CASE WHEN customer_id IN ('c3', 'c4') THEN customer_id ELSE '0' END AS INT) = 0",
    "CAST(CASE WHEN iban = 'NL91ABNA0417164300' THEN 'boom' ELSE '0' END AS INT) = 0",
  ])('WHERE %s: only visible rows, no error', async (predicate) => {
    const rows = await adv.rows(ana, `SELECT customer_id FROM customers.profiles WHERE ${predicate} ORDER BY 1`);
    expect(rows.map((r) => r.customer_id)).toEqual(VISIBLE_CUSTOMERS);
  });

  it.each([
    [
      'join condition',
      "SELECT count(*) AS n FROM sales.orders o JOIN customers.profiles p ON o.customer_id = p.customer_id AND CAST(CASE WHEN o.amount = 999.99 THEN 'x' ELSE '1' END AS INT) = 1",
      '3',
    ],
    [
      'select list',
      "SELECT count(CAST(CASE WHEN order_id = 'o4' THEN 'x' ELSE '1' END AS INT)) AS n FROM sales.orders",
      '3',
    ],
    [
      'HAVING',
      "SELECT count(*) AS n FROM sales.orders GROUP BY region HAVING max(CAST(CASE WHEN amount = 75.50 THEN 'x' ELSE '1' END AS INT)) = 1",
      '3',
    ],
    [
      'window',
      "SELECT DISTINCT count(CAST(CASE WHEN order_id = 'o3' THEN 'x' ELSE '1' END AS INT)) OVER () AS n FROM sales.orders",
      '3',
    ],
    [
      'ORDER BY',
      "SELECT count(*) AS n FROM (SELECT order_id FROM sales.orders ORDER BY CAST(CASE WHEN order_id = 'o5' THEN 'x' ELSE '1' END AS INT))",
      '3',
    ],
    [
      'EXISTS',
      "SELECT count(*) AS n FROM sales.orders WHERE EXISTS (SELECT 1 FROM sales.orders WHERE CAST(CASE WHEN amount = 20.00 THEN 'x' ELSE '1' END AS INT) = 1)",
      '3',
    ],
  ])('in a %s: behaves as if the hidden rows did not exist', async (_clause, sql, n) => {
    expect(await adv.rows(ana, sql)).toEqual([{ n }]);
  });

  it('fails on a visible row with a message that names no hidden value', async () => {
    const refusal = await adv.refused(
      ana,
      "SELECT * FROM customers.profiles WHERE CAST(CASE WHEN customer_id = 'c1' THEN iban ELSE '0' END AS INT) = 0",
      'MW5009',
    );
    expect(refusal.message).not.toMatch(/GB82|DE89|NL91|FR14/);
  });

  it('fails on overflow of a visible value without naming hidden ones', async () => {
    await adv.refused(
      ana,
      'SELECT CAST(sum(lifetime_value) * 1e38 AS DECIMAL(38, 0)) FROM customers.profiles',
      'MW5009',
    );
    await adv.refused(ana, 'SELECT CAST(lifetime_value AS TINYINT) FROM customers.profiles', 'MW5009');
  });
});
