/**
 * Adversarial: making the rewritten text mean something else than the checked tree. The gateway
 * splices governed subqueries into the user's own text at the positions DuckDB's parser reports;
 * comments, AT clauses, quoting and non-ASCII text around a product name must not make the splice
 * remove or expose text the parser read differently. The final text is checked again in trusted
 * mode, where the masking macros are allowed — so a splice that turned a comment into live SQL
 * was a keyed-hash oracle (holes found and fixed in relation-splice.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ana,
  createAdversary,
  expectMasked,
  forbiddenFragments,
  VISIBLE_CUSTOMERS,
  VISIBLE_ORDERS,
  type Adversary,
} from './adversary.js';

let adv: Adversary;
let fragments: string[];
let ordersSnapshot: string;
const PROFILE_COLUMNS = ['customer_id', 'email', 'phone', 'full_name', 'region', 'iban', 'lifetime_value'];
const ORDER_COLUMNS = ['order_id', 'customer_id', 'amount', 'region', 'ordered_on'];

beforeAll(async () => {
  adv = await createAdversary();
  const visible = await adv.rows(ana, 'SELECT email, phone, full_name, iban FROM customers.profiles');
  fragments = forbiddenFragments(visible.flatMap((r) => Object.values(r).map(String)));
  ordersSnapshot = (await adv.fixture.catalog.resolve('sales', 'orders')).snapshotId;
});
afterAll(async () => adv?.fixture.dispose());

/** The outcome policy allows for a query built to confuse the rewrite: refused, or masked rows. */
async function refusedOrMasked(sql: string): Promise<Record<string, unknown>[] | undefined> {
  const outcome = await adv.rows(ana, sql).then(
    (rows) => ({ rows }),
    (error: unknown) => ({ error: error as { code?: string; message?: string } }),
  );
  if ('error' in outcome) {
    expect(String(outcome.error.code)).toMatch(/^MW50\d\d$/);
    adv.expectCleanMessage(String(outcome.error.message), sql);
    return undefined;
  }
  expectMasked(outcome.rows, fragments);
  return outcome.rows;
}

describe('comments around a product name', () => {
  it('does not turn a nested block comment after the schema into live SQL', async () => {
    const rows = await refusedOrMasked(
      "SELECT * FROM customers/* /* */.x JOIN (SELECT mw_mask.keyed_hash('Jane Doe') AS h) ON true -- */.profiles",
    );
    expect(rows?.map((r) => Object.keys(r))).toEqual([PROFILE_COLUMNS, PROFILE_COLUMNS]);
  });

  it('does not turn a comment inside an AT clause into live SQL', async () => {
    const rows = await refusedOrMasked(
      `SELECT * FROM sales.orders AT (VERSION => /* ) JOIN (SELECT 'tok_' || left(mw_mask.keyed_hash('Jane Doe'), 20) AS h) ON true -- */ ${ordersSnapshot})`,
    );
    for (const row of rows ?? []) expect(Object.keys(row)).toEqual(ORDER_COLUMNS);
  });

  it('keeps a comment after an AT clause as a comment, even when it holds a parenthesis', async () => {
    const rows = await adv.rows(
      ana,
      `SELECT order_id FROM sales.orders AT (VERSION => ${ordersSnapshot}) /* ) JOIN x ON true */ ORDER BY 1`,
    );
    expect(rows.map((r) => r.order_id)).toEqual(VISIBLE_ORDERS);
  });

  it.each([
    (id: string) => `SELECT order_id FROM sales.orders AT(VERSION=>${id}) ORDER BY 1`,
    (id: string) => `SELECT order_id FROM sales.orders AT ( VERSION => '${id}' ) ORDER BY 1`,
    (id: string) => `SELECT order_id FROM sales.orders AT /* a */ (VERSION /* b */ => ${id}) ORDER BY 1`,
    (id: string) => `SELECT order_id FROM sales.orders AT (VERSION => (${id})) ORDER BY 1`,
  ])('reads the snapshot whichever way the AT clause is spelled (%#)', async (build) => {
    const rows = await adv.rows(ana, build(ordersSnapshot));
    expect(rows.map((r) => r.order_id)).toEqual(VISIBLE_ORDERS);
  });

  it('leaves product names inside comments, strings and quoted aliases alone', async () => {
    const rows = await adv.rows(
      ana,
      `SELECT /* customers.profiles */ 'customers.profiles' AS s, email AS "customers.profiles"
       FROM customers.profiles -- customers.profiles
       ORDER BY 2`,
    );
    expect(rows).toEqual([
      { s: 'customers.profiles', 'customers.profiles': 'j***@example.com' },
      { s: 'customers.profiles', 'customers.profiles': 'm***@example.de' },
    ]);
  });
});

describe('non-ASCII text before a product name', () => {
  // Hole found and fixed: DuckDB reports byte offsets, the splice indexed UTF-16 units, so any
  // accented letter before a product name moved the splice into the middle of another token.
  it.each([
    "SELECT 'é' AS x, email FROM customers.profiles ORDER BY email",
    'SELECT email AS "名前" FROM customers.profiles ORDER BY 1',
    "SELECT '😀' || email AS e FROM customers.profiles ORDER BY 1",
    'SELECT /* café — naïve */ email FROM customers.profiles ORDER BY 1',
    "SELECT email FROM customers.profiles p JOIN (SELECT 'ü' AS u) ON true JOIN sales.orders o USING (customer_id) ORDER BY 1",
  ])('reads the governed relation for %s', async (sql) => {
    const rows = await adv.rows(ana, sql);
    expect(rows.length).toBeGreaterThan(0);
    expectMasked(rows, fragments);
    expect(JSON.stringify(rows)).toMatch(/\*\*\*@example/);
  });
});

describe('other shapes that confuse a text splice', () => {
  it.each([
    'TABLE customers.profiles',
    'SELECT * FROM customers."profiles"AS"p"',
    'SELECT * FROM"customers"."profiles"',
    'SELECT * FROM customers.profiles"p"',
    'SELECT * FROM customers.profiles AS """weird""" ',
    'SELECT * FROM customers.profiles TABLESAMPLE 100%',
    'SELECT * FROM customers.profiles p(a, "b""c")',
    'SELECT * FROM customers.profiles, customers.profiles_v1, customers."profiles@v1"',
  ])('either refuses %s or returns masked rows only', async (sql) => {
    await refusedOrMasked(sql);
  });

  it('governs many references to the same product in one text', async () => {
    const joins = Array.from({ length: 8 }, (_, i) => `JOIN customers.profiles p${i} USING (customer_id)`).join(' ');
    const rows = await adv.rows(ana, `SELECT * FROM customers.profiles ${joins} ORDER BY customer_id`);
    expect(rows.map((r) => r.customer_id)).toEqual(VISIBLE_CUSTOMERS);
    expectMasked(rows, fragments);
  });
});
