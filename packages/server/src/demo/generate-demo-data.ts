/**
 * The demo data generator: writes every source file the demo mesh's source-aligned pipelines
 * read (CSV and NDJSON under each product's `data/` folder), deterministically — the same scale
 * gives byte-identical files — and fast, because DuckDB builds every table with set-based SQL
 * over `range(n)` and writes it with `COPY`. See CONTEXT.md for the data model.
 */
import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { addressesCsv, customerTables, customersCsv } from './demo-customers-sql.js';
import { campaignTables, campaignsCsv, touchTables, touchesNdjson } from './demo-marketing-sql.js';
import {
  financeTables,
  invoicesCsv,
  paymentsCsv,
  shipmentTables,
  shipmentsCsv,
  ticketTables,
  ticketsCsv,
  warehousesCsv,
} from './demo-operations-sql.js';
import {
  MALFORMED_ORDER_LINES,
  lineTables,
  orderLinesCsv,
  orderTables,
  ordersCsv,
  productTables,
  productsCsv,
} from './demo-sales-sql.js';
import { demoSizes, referenceTables, type DemoSizes } from './demo-setup-sql.js';
import { lit, MACROS } from './demo-sql.js';

export { demoSizes, type DemoSizes } from './demo-setup-sql.js';

export interface GenerateDemoDataOptions {
  /** The demo workspace (the folder with `mesh.yaml`); files go to `domains/<domain>/<product>/data/`. */
  readonly root: string;
  /** 1 = full size (1M orders, ~5.2M order lines); 0.01 for quick tests. */
  readonly scale?: number;
  /** A DuckDB connection to work in (temporary tables, dropped at the end); by default a private in-memory database. */
  readonly connection?: DuckDBConnection;
  /** Called after each file is written. */
  readonly onProgress?: (file: DemoDataFile) => void;
}

export interface DemoDataFile {
  /** `domain.product` that reads the file. */
  readonly product: string;
  /** Path relative to the workspace root. */
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
  readonly ms: number;
}

export interface DemoDataSummary {
  readonly scale: number;
  readonly sizes: DemoSizes;
  readonly files: readonly DemoDataFile[];
  readonly ms: number;
}

/** Every file the generator writes, by the product that reads it. */
export const DEMO_DATA_FILES: readonly { readonly product: string; readonly path: string }[] = [
  { product: 'logistics.warehouses', path: 'domains/logistics/warehouses/data/warehouses.csv' },
  { product: 'sales.products', path: 'domains/sales/products/data/products.csv' },
  { product: 'customers.customer-profile', path: 'domains/customers/customer-profile/data/customers.csv' },
  { product: 'customers.customer-profile', path: 'domains/customers/customer-profile/data/addresses.csv' },
  { product: 'marketing.campaigns', path: 'domains/marketing/campaigns/data/campaigns.csv' },
  { product: 'sales.orders', path: 'domains/sales/orders/data/orders.csv' },
  { product: 'sales.order-lines', path: 'domains/sales/order-lines/data/order_lines.csv' },
  { product: 'finance.invoices', path: 'domains/finance/invoices/data/invoices.csv' },
  { product: 'finance.payments', path: 'domains/finance/payments/data/payments.csv' },
  { product: 'logistics.shipments', path: 'domains/logistics/shipments/data/shipments.csv' },
  { product: 'support.tickets', path: 'domains/support/tickets/data/tickets.csv' },
  { product: 'marketing.campaign-touches', path: 'domains/marketing/campaign-touches/data/touches.ndjson' },
];

export async function generateDemoData(options: GenerateDemoDataOptions): Promise<DemoDataSummary> {
  const scale = options.scale ?? 1;
  const sizes = demoSizes(scale);
  const started = performance.now();
  let instance: DuckDBInstance | undefined;
  let connection = options.connection;
  if (!connection) {
    instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    connection = await instance.connect();
  }
  const db = connection;
  const run = async (statements: readonly string[]) => {
    for (const sql of statements) await db.run(sql);
  };
  const count = async (sql: string) => Number((await db.runAndReadAll(sql)).getRows()[0]![0]);
  const files: DemoDataFile[] = [];
  const write = async (path: string, query: string, format: 'csv' | 'json', append: readonly string[] = []) => {
    const entry = DEMO_DATA_FILES.find((f) => f.path === path)!;
    const target = join(options.root, path);
    const partial = `${target}.partial`;
    const fileStarted = performance.now();
    await mkdir(dirname(target), { recursive: true });
    const copyOptions = format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT json';
    const reader = await db.runAndReadAll(`COPY (${query}) TO ${lit(partial)} (${copyOptions})`);
    let rows = Number(reader.getRows()[0]?.[0] ?? 0);
    if (append.length > 0) {
      await appendFile(partial, append.map((line) => `${line}\n`).join(''));
      rows += append.length;
    }
    await rename(partial, target);
    const file: DemoDataFile = {
      product: entry.product,
      path,
      rows,
      bytes: (await stat(target)).size,
      ms: Math.round(performance.now() - fileStarted),
    };
    files.push(file);
    options.onProgress?.(file);
  };
  const path = (name: string) => DEMO_DATA_FILES.find((f) => f.path.endsWith(`/${name}`))!.path;

  try {
    await run(MACROS);
    await run(referenceTables());
    await write(path('warehouses.csv'), warehousesCsv(), 'csv');
    await run(productTables(sizes));
    await write(path('products.csv'), productsCsv(), 'csv');
    await run(customerTables(sizes));
    await write(path('customers.csv'), customersCsv(), 'csv');
    await write(path('addresses.csv'), addressesCsv(), 'csv');
    await run(campaignTables(sizes));
    await write(path('campaigns.csv'), campaignsCsv(), 'csv');

    await run(orderTables(sizes));
    const evergreen = await count('SELECT count(*) FROM dg_evergreen');
    await run(lineTables(sizes.products, evergreen));
    await write(path('order_lines.csv'), orderLinesCsv(), 'csv');
    await run(['DROP TABLE dg_lines', 'DROP TABLE dg_order_draw', 'DROP TABLE dg_orders_base', 'DROP TABLE dg_orders_timed']);
    await write(path('orders.csv'), ordersCsv(), 'csv', MALFORMED_ORDER_LINES);

    await run(financeTables());
    await write(path('invoices.csv'), invoicesCsv(), 'csv');
    await write(path('payments.csv'), paymentsCsv(), 'csv');
    await run(shipmentTables());
    await write(path('shipments.csv'), shipmentsCsv(), 'csv');
    await run(ticketTables(sizes, sizes.orders, sizes.customers));
    await write(path('tickets.csv'), ticketsCsv(), 'csv');
    await run(touchTables(sizes));
    await write(path('touches.ndjson'), touchesNdjson(), 'json');
  } finally {
    if (instance) {
      db.closeSync();
      instance.closeSync();
    } else {
      await dropTemporaryObjects(db);
    }
  }
  return { scale, sizes, files, ms: Math.round(performance.now() - started) };
}

/** Leaves a borrowed connection as it was: drops the generator's temporary tables and macros. */
async function dropTemporaryObjects(db: DuckDBConnection): Promise<void> {
  const tables = await db.runAndReadAll(
    `SELECT table_name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, 'dg_')`,
  );
  for (const [name] of tables.getRows()) await db.run(`DROP TABLE IF EXISTS temp.${String(name)}`);
  const macros = await db.runAndReadAll(
    `SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type = 'macro' AND starts_with(function_name, 'dg_') AND schema_name = 'main' AND database_name = 'temp'`,
  );
  for (const [name] of macros.getRows()) await db.run(`DROP MACRO IF EXISTS temp.${String(name)}`);
}

/** Removes every generated file (and leftovers of an interrupted run) from a workspace. */
export async function removeDemoData(root: string): Promise<void> {
  for (const file of DEMO_DATA_FILES) {
    await rm(join(root, file.path), { force: true });
    await rm(join(root, `${file.path}.partial`), { force: true });
  }
}
