/**
 * The demo data generator: deterministic, complete for every source-aligned pipeline of the demo
 * mesh, with valid personal data and resolving foreign keys; and the real runtime builds all
 * eighteen products on it with exactly one failing check, the demo's deliberate one.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import { metadataStoreConfig } from '../metadata/store-from-config.js';
import { createRunEngine } from '../runtime/duckdb-session.js';
import { runProducts } from '../runtime/run-products.js';
import { createLocalWarehouse } from '../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { DEMO_DATA_FILES, generateDemoData, type DemoDataSummary } from './generate-demo-data.js';

const DEMO = join(import.meta.dirname, '../../../../examples/demo-mesh');

let parent: string;
let first: DemoDataSummary;
let second: DemoDataSummary;
let a: string;
let b: string;
let instance: DuckDBInstance;
let db: DuckDBConnection;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'meshwork-demo-data-'));
  a = join(parent, 'a');
  b = join(parent, 'b');
  first = await generateDemoData({ root: a, scale: 0.01 });
  // The second run borrows a single-threaded connection: the files must not depend on either.
  instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  db = await instance.connect();
  second = await generateDemoData({ root: b, scale: 0.01, connection: db });
});

afterAll(async () => {
  db?.closeSync();
  instance?.closeSync();
  await rm(parent, { recursive: true, force: true });
});

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
const file = (name: string) => join(a, DEMO_DATA_FILES.find((f) => f.path.endsWith(`/${name}`))!.path);
const csv = (name: string) => `read_csv('${file(name)}', header = true, all_varchar = true)`;
/** orders.csv holds two deliberately malformed lines; skip them here. */
const orders = () => `read_csv('${file('orders.csv')}', header = true, all_varchar = true, ignore_errors = true)`;
const touches = () => `read_json('${file('touches.ndjson')}', format = 'newline_delimited')`;
const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJson();
const one = async (sql: string) => Object.values((await rows(sql))[0]!)[0];

/** ISO 7064 mod 97-10, written independently of the generator. */
function ibanIsValid(iban: string): boolean {
  const compact = iban.replaceAll(' ', '');
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const moved = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of moved) {
    const value = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch);
    remainder = Number(`${remainder}${value}`) % 97;
  }
  return remainder === 1;
}

describe('generateDemoData', () => {
  it('is deterministic: the same scale gives byte-identical files, whatever the DuckDB threads', async () => {
    expect(first.files.map((f) => f.path)).toEqual(second.files.map((f) => f.path));
    for (const f of first.files) {
      expect(await sha256(join(b, f.path)), f.path).toBe(await sha256(join(a, f.path)));
    }
  });

  it('writes every file every source-aligned pipeline of the demo mesh reads, and nothing else', async () => {
    const workspace = await loadWorkspaceFromDisk(DEMO, {});
    const expected: string[] = [];
    for (const product of workspace.model.products.values()) {
      for (const input of product.pipeline?.definition.inputs ?? []) {
        if (input.kind !== 'file') continue;
        const path = join(product.directory, input.path);
        expected.push(path);
        expect(existsSync(join(a, path)), `${product.id} reads ${path}`).toBe(true);
      }
    }
    expect(expected.length).toBeGreaterThanOrEqual(12);
    expect(first.files.map((f) => f.path).sort()).toEqual(expected.sort());
    for (const f of first.files) expect(f.rows, f.path).toBeGreaterThan(10);
  });

  it('writes the columns each pipeline lists, in order', async () => {
    const header = async (name: string) => (await readFile(file(name), 'utf8')).split('\n', 1)[0];
    expect(await header('customers.csv')).toBe(
      'customer_id,first_name,last_name,email,phone,birth_date,segment,country_code,iban,marketing_opt_in,signup_date,updated_at',
    );
    expect(await header('orders.csv')).toBe(
      'order_id,customer_id,order_ts,status,channel,shipping_country,net_amount,discount_amount,shipping_fee,tax_amount,payment_method,coupon_code,updated_at',
    );
    expect(await header('order_lines.csv')).toBe('order_id,line_no,sku,quantity,unit_price,discount_amount');
    expect(await header('tickets.csv')).toBe(
      'ticket_id,customer_id,order_id,created_at,first_response_at,resolved_at,channel,category,priority,status,csat,subject,country_code',
    );
    const touch = JSON.parse((await readFile(file('touches.ndjson'), 'utf8')).split('\n', 1)[0]!);
    expect(Object.keys(touch)).toEqual([
      'touch_id',
      'campaign_id',
      'customer_id',
      'ts',
      'type',
      'device',
      'utm_source',
      'utm_medium',
      'ip',
      'geo_country',
    ]);
  });

  it('writes IBANs that pass the mod-97 check', async () => {
    const ibans = [
      ...(await rows(`SELECT iban AS v FROM ${csv('customers.csv')} WHERE iban IS NOT NULL`)),
      ...(await rows(`SELECT payer_iban AS v FROM ${csv('payments.csv')} WHERE payer_iban IS NOT NULL`)),
    ].map((r) => String(r.v));
    expect(ibans.length).toBeGreaterThan(100);
    expect(ibans.filter((iban) => !ibanIsValid(iban))).toEqual([]);
    expect(ibans.some((iban) => iban.includes(' '))).toBe(true); // some written in groups of four
  });

  it('writes valid-looking e-mail addresses and E.164 phone numbers', async () => {
    const emails = (await rows(`SELECT lower(email) AS v FROM ${csv('customers.csv')}`)).map((r) => String(r.v));
    expect(emails.filter((e) => !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(e))).toEqual([]);
    const phones = (
      await rows(
        `SELECT regexp_replace(phone, '[^0-9+]', '', 'g') AS v FROM ${csv('customers.csv')} WHERE phone IS NOT NULL`,
      )
    ).map((r) => String(r.v));
    const e164 = phones.filter((p) => /^\+[1-9][0-9]{6,14}$/.test(p));
    expect(e164.length / phones.length).toBeGreaterThan(0.98);
    // Postal codes are text: leading zeros survive.
    expect(
      Number(await one(`SELECT count(*) FROM ${csv('addresses.csv')} WHERE postal_code LIKE '0%'`)),
    ).toBeGreaterThan(0);
  });

  it('keeps referential integrity across files', async () => {
    const orphans = {
      lineOrders: `SELECT count(*) FROM ${csv('order_lines.csv')} l WHERE l.order_id NOT IN (SELECT order_id FROM ${orders()})`,
      lineProducts: `SELECT count(*) FROM ${csv('order_lines.csv')} l WHERE l.sku NOT IN (SELECT sku FROM ${csv('products.csv')})`,
      orderCustomers: `SELECT count(*) FROM ${orders()} o WHERE o.customer_id NOT IN (SELECT customer_id FROM ${csv('customers.csv')})`,
      addressCustomers: `SELECT count(*) FROM ${csv('addresses.csv')} a WHERE a.customer_id NOT IN (SELECT customer_id FROM ${csv('customers.csv')})`,
      invoiceOrders: `SELECT count(*) FROM ${csv('invoices.csv')} i WHERE NOT EXISTS (SELECT 1 FROM ${orders()} o WHERE o.order_id = i.order_id AND o.customer_id = i.customer_id)`,
      paymentInvoices: `SELECT count(*) FROM ${csv('payments.csv')} p WHERE p.invoice_number NOT IN (SELECT invoice_number FROM ${csv('invoices.csv')})`,
      shipmentOrders: `SELECT count(*) FROM ${csv('shipments.csv')} s WHERE s.order_id NOT IN (SELECT order_id FROM ${orders()})`,
      shipmentWarehouses: `SELECT count(*) FROM ${csv('shipments.csv')} s WHERE s.warehouse_code NOT IN (SELECT code FROM ${csv('warehouses.csv')})`,
      ticketCustomers: `SELECT count(*) FROM ${csv('tickets.csv')} t WHERE t.customer_id IS NOT NULL AND t.customer_id NOT IN (SELECT customer_id FROM ${csv('customers.csv')})`,
      ticketOrders: `SELECT count(*) FROM ${csv('tickets.csv')} t WHERE t.order_id IS NOT NULL AND t.order_id NOT IN (SELECT order_id FROM ${orders()})`,
      touchCampaigns: `SELECT count(*) FROM ${touches()} t WHERE t.campaign_id NOT IN (SELECT campaign_id FROM ${csv('campaigns.csv')})`,
      touchCustomers: `SELECT count(*) FROM ${touches()} t WHERE t.customer_id NOT IN (SELECT customer_id FROM ${csv('customers.csv')})`,
    };
    const found: Record<string, number> = {};
    for (const [name, sql] of Object.entries(orphans)) found[name] = Number(await one(sql));
    expect(found).toEqual(Object.fromEntries(Object.keys(orphans).map((name) => [name, 0])));
    // Guests open tickets too, and some tickets are about an order.
    expect(Number(await one(`SELECT count(*) FROM ${csv('tickets.csv')} WHERE customer_id IS NULL`))).toBeGreaterThan(
      0,
    );
    expect(Number(await one(`SELECT count(*) FROM ${csv('tickets.csv')} WHERE order_id IS NOT NULL`))).toBeGreaterThan(
      0,
    );
  });

  it('answers the satisfaction survey for about a third of the tickets only (the demo’s failing check)', async () => {
    const missing = Number(
      await one(`SELECT avg(CASE WHEN csat IS NULL THEN 1.0 ELSE 0.0 END) FROM ${csv('tickets.csv')}`),
    );
    expect(missing).toBeGreaterThan(0.55);
    expect(missing).toBeLessThan(0.75);
  });

  it('skews the data like a real shop: a few big customers, popular products, regions of different size', async () => {
    const top = await rows(
      `SELECT customer_id, count(DISTINCT order_id) AS n FROM ${orders()} GROUP BY ALL ORDER BY n DESC, customer_id LIMIT 1`,
    );
    const average = Number(await one(`SELECT count(DISTINCT order_id) / count(DISTINCT customer_id) FROM ${orders()}`));
    expect(Number(top[0]!.n)).toBeGreaterThan(average * 20);
    const topDecile = Number(
      await one(`WITH s AS (SELECT sku, count(*) AS n FROM ${csv('order_lines.csv')} GROUP BY sku)
        SELECT sum(n) FILTER (WHERE r <= (SELECT count(*) FROM s) / 10) / sum(n) FROM (SELECT n, row_number() OVER (ORDER BY n DESC) AS r FROM s)`),
    );
    expect(topDecile).toBeGreaterThan(0.3);
    const regions = await rows(
      `SELECT upper(country_code) AS c, count(*) AS n FROM ${csv('customers.csv')} GROUP BY ALL ORDER BY n DESC`,
    );
    expect(regions[0]!.c).toBe('US');
  });
});

describe('the demo mesh on generated data', () => {
  let root: string;
  beforeAll(async () => {
    root = join(parent, 'demo-mesh');
    await cp(DEMO, root, { recursive: true, filter: (src) => !src.includes('.meshwork') && !src.includes('/data/') });
    await generateDemoData({ root, scale: 0.02 });
  }, 120_000);

  it('builds all eighteen products; only support.tickets’ survey-coverage rule fails, as a warning', async () => {
    const workspace = await loadWorkspaceFromDisk(root, {});
    const store = await createMetadataStore(metadataStoreConfig(root, workspace.model.config));
    const engine = createRunEngine({ tempDirectory: join(root, '.meshwork', 'tmp') });
    try {
      const results = await runProducts(
        {
          model: workspace.model,
          root,
          store,
          warehouse: createLocalWarehouse({ root: join(root, '.meshwork', 'warehouse') }),
          engine,
        },
        workspace.diagnostics,
        'all',
        { trigger: 'manual', requestedBy: 'test' },
      );
      const unsuccessful = results.flatMap((r) =>
        r.outcome === 'succeeded'
          ? []
          : [[r.productId, r.outcome === 'skipped' ? `skipped: ${r.blockedBy} failed` : r.summary.error?.message]],
      );
      expect(unsuccessful).toEqual([]);
      expect(results).toHaveLength(18);
      const notPassed = results.flatMap((r) =>
        r.outcome === 'skipped'
          ? []
          : r.summary.checks
              .filter((c) => c.status !== 'passed' && c.status !== 'recorded')
              .map((c) => ({ product: r.productId, id: c.id, status: c.status, blocking: c.blocking })),
      );
      expect(notPassed).toEqual([
        {
          product: 'support.tickets',
          id: 'quality:satisfaction_score:csat_coverage',
          status: 'failed',
          blocking: false,
        },
      ]);
      const orders = results.find((r) => r.productId === 'sales.orders');
      expect(orders?.outcome === 'succeeded' && orders.summary.rejects.map((r) => r.count)).toEqual([2]);
    } finally {
      engine.close();
      await store.close();
    }
  }, 300_000);
});
