import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryGateway } from './gateway-types.js';
import { collectRows } from './test-support/collect-rows.js';
import { createGatewayFixture, type GatewayFixture } from './test-support/gateway-fixture.js';
import { grantAuthorizer, testPrincipal } from './test-support/grant-authorizer.js';

let fixture: GatewayFixture;
let gateway: QueryGateway;
const admin = testPrincipal('admin', { region: 'EU' });
const ana = testPrincipal('ana', { region: 'EU' });
const ben = testPrincipal('ben', { region: 'NA' });
const care = testPrincipal('care', { region: 'EU' });
const nobody = testPrincipal('nobody');

beforeAll(async () => {
  fixture = await createGatewayFixture();
  gateway = await fixture.gateway(
    grantAuthorizer(fixture.model, {
      admin: {
        query: '*',
        allRows: true,
        clear: [
          'customers.profiles/email',
          'customers.profiles/phone',
          'customers.profiles/full_name',
          'customers.profiles/iban',
        ],
      },
      ana: { query: '*' },
      ben: { query: ['sales.orders'], hidden: ['customers.profiles'] },
      care: { query: '*', clear: ['customers.profiles/email'] },
      nobody: { query: [] },
    }),
  );
});
afterAll(async () => fixture?.dispose());

describe('reading products', () => {
  it('reads a product by its domain-qualified name, with every column in clear for a principal allowed to', async () => {
    const rows = await collectRows(
      gateway,
      admin,
      'SELECT customer_id, email, iban FROM customers.profiles ORDER BY customer_id',
    );
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ customer_id: 'c1', email: 'jane.doe@example.com', iban: 'GB82WEST12345698765432' });
  });

  it('joins across domains with CTEs and window functions', async () => {
    const rows = await collectRows(
      gateway,
      admin,
      `WITH totals AS (SELECT customer_id, sum(amount) AS total FROM sales.orders GROUP BY customer_id)
       SELECT p.customer_id, t.total, rank() OVER (ORDER BY t.total DESC) AS position
       FROM customers.profiles p JOIN totals t USING (customer_id) ORDER BY position, p.customer_id`,
    );
    expect(rows[0]).toMatchObject({ customer_id: 'c4', position: '1' });
    expect(rows).toHaveLength(5);
  });

  it('masks per classification and filters rows per region for a consumer', async () => {
    const rows = await collectRows(gateway, ana, 'SELECT * FROM customers.profiles ORDER BY customer_id');
    expect(rows.map((r) => r.customer_id)).toEqual(['c1', 'c5']);
    expect(rows[0]).toMatchObject({ email: 'j***@example.com', iban: '****', region: 'EU' });
    expect(String(rows[0]!.full_name)).toMatch(/^tok_[0-9a-f]{20}$/);
    expect(JSON.stringify(rows)).not.toMatch(/Jane Doe|jane\.doe|GB82WEST/);
  });

  it('keeps tokenised values joinable: the same value gives the same token', async () => {
    const rows = await collectRows(
      gateway,
      ana,
      `SELECT a.full_name = b.full_name AS same FROM customers.profiles a JOIN customers.profiles b USING (customer_id)`,
    );
    expect(rows.every((r) => r.same === true)).toBe(true);
  });

  it('shows clear values a grant allows and masks the rest', async () => {
    const [row] = await collectRows(
      gateway,
      care,
      "SELECT email, phone FROM customers.profiles WHERE customer_id = 'c1'",
    );
    expect(row).toEqual({ email: 'jane.doe@example.com', phone: '***0958' });
  });

  it('takes parameters', async () => {
    const rows = await collectRows(gateway, admin, {
      sql: 'SELECT order_id FROM sales.orders WHERE amount > $1 ORDER BY 1',
      parameters: [60],
    });
    expect(rows.map((r) => r.order_id)).toEqual(['o1', 'o3', 'o5']);
  });

  it('describes a query without running it', async () => {
    const description = await gateway.describe(admin, {
      sql: 'SELECT order_id, amount FROM sales.orders WHERE amount > $1',
    });
    expect(description.columns.map((c) => [c.name, c.typeName])).toEqual([
      ['order_id', 'VARCHAR'],
      ['amount', 'DECIMAL(12,2)'],
    ]);
    expect(description.parameters).toHaveLength(1);
  });

  it('records usage: principal, products, rows', async () => {
    fixture.usage.length = 0;
    await collectRows(gateway, ana, 'SELECT count(*) FROM sales.orders');
    expect(fixture.usage).toEqual([
      expect.objectContaining({ principalId: 'ana', products: ['sales.orders'], rows: 1, status: 'ok' }),
    ]);
  });
});

describe('refusals', () => {
  it('refuses a product the principal may not query, naming it', async () => {
    await expect(collectRows(gateway, nobody, 'SELECT * FROM sales.orders')).rejects.toMatchObject({ code: 'MW5016' });
  });

  it('answers "does not exist" for a product the principal may not discover', async () => {
    const hidden = await collectRows(gateway, ben, 'SELECT * FROM customers.profiles').catch((e: Error) => e);
    const unknown = await collectRows(gateway, ben, 'SELECT * FROM customers.nothing').catch((e: Error) => e);
    expect(hidden).toMatchObject({ code: 'MW5004' });
    expect((hidden as Error).message.replace('profiles', 'X')).toBe((unknown as Error).message.replace('nothing', 'X'));
  });

  it('refuses writes, settings and several statements', async () => {
    await expect(collectRows(gateway, admin, 'DROP TABLE x')).rejects.toMatchObject({ code: 'MW5002' });
    await expect(collectRows(gateway, admin, 'SET enable_external_access = true')).rejects.toMatchObject({
      code: 'MW5002',
    });
    await expect(collectRows(gateway, admin, 'SELECT 1; SELECT 2')).rejects.toMatchObject({ code: 'MW5003' });
  });

  it('refuses files and catalog functions', async () => {
    await expect(collectRows(gateway, admin, "SELECT * FROM read_csv('/etc/passwd')")).rejects.toMatchObject({
      code: 'MW5007',
    });
    await expect(collectRows(gateway, admin, 'SELECT * FROM duckdb_tables()')).rejects.toMatchObject({
      code: 'MW5007',
    });
    await expect(collectRows(gateway, admin, "SELECT current_setting('allowed_directories')")).rejects.toMatchObject({
      code: 'MW5007',
    });
  });

  it('reports syntax errors with their position', async () => {
    await expect(collectRows(gateway, admin, 'SELECT\n  FROM WHERE')).rejects.toMatchObject({
      code: 'MW5001',
      message: expect.stringMatching(/line 2/),
    });
  });
});
