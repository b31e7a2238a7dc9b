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
import { campaignTables, campaignsCsv, touchesNdjson } from './demo-marketing-sql.js';
import {
  financeTables,
  invoicesCsv,
  paymentsCsv,
  shipmentsCsv,
  ticketsCsv,
  warehousesCsv,
} from './demo-operations-sql.js';
import {
  CATALOG_QUERY,
  MALFORMED_ORDER_LINES,
  lineTables,
  orderIdMacro,
  orderLinesCsv,
  orderTables,
  ordersCsv,
  productTables,
  productsCsv,
  type CatalogArrays,
} from './demo-sales-sql.js';
import { demoSizes, referenceTables, type DemoSizes } from './demo-setup-sql.js';
import { lit, MACROS } from './demo-sql.js';

export { demoSizes, type DemoSizes } from './demo-setup-sql.js';

export interface GenerateDemoDataOptions {
  /** The demo workspace (the folder with `mesh.yaml`); files go to `domains/<domain>/<product>/data/`. */
  readonly root: string;
  /** 1 = full size (750k orders, ~5.3M order lines); 0.01 for quick tests. */
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
  // With a private database the tables are shared by two connections, which write independent
  // files at the same time; a borrowed connection keeps everything in its TEMP schema.
  let instance: DuckDBInstance | undefined;
  const connections: DuckDBConnection[] = [];
  if (options.connection) {
    connections.push(options.connection);
  } else {
    instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    connections.push(await instance.connect(), await instance.connect());
  }
  const owned = instance !== undefined;
  const prepare = (sql: string) => (owned ? sql.replace(/\bTEMP (TABLE|MACRO)\b/g, '$1') : sql);
  const main = connections[0]!;
  const side = connections[1] ?? main;
  const run = async (db: DuckDBConnection, statements: readonly string[]) => {
    for (const sql of statements) await db.run(prepare(sql));
  };
  const files: DemoDataFile[] = [];
  const write = async (db: DuckDBConnection, name: string, query: string, append: readonly string[] = []) => {
    const entry = DEMO_DATA_FILES.find((f) => f.path.endsWith(`/${name}`))!;
    const target = join(options.root, entry.path);
    const partial = `${target}.partial`;
    const fileStarted = performance.now();
    await mkdir(dirname(target), { recursive: true });
    const format = name.endsWith('.ndjson') ? 'FORMAT json' : 'FORMAT csv, HEADER true';
    const reader = await db.runAndReadAll(prepare(`COPY (${query}) TO ${lit(partial)} (${format})`));
    let rows = Number(reader.getRows()[0]?.[0] ?? 0);
    if (append.length > 0) {
      await appendFile(partial, append.map((line) => `${line}\n`).join(''));
      rows += append.length;
    }
    await rename(partial, target);
    const file: DemoDataFile = {
      product: entry.product,
      path: entry.path,
      rows,
      bytes: (await stat(target)).size,
      ms: Math.round(performance.now() - fileStarted),
    };
    files.push(file);
    options.onProgress?.(file);
  };
  /** Runs two sequences of steps, on both connections at once when there are two. */
  const both = async (first: () => Promise<void>, second: () => Promise<void>) => {
    if (side === main) {
      await first();
      await second();
    } else {
      const settled = await Promise.allSettled([first(), second()]);
      const failed = settled.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
  };

  try {
    await run(main, MACROS);
    await run(main, referenceTables());
    await run(main, productTables(sizes));
    await run(main, customerTables(sizes));
    await run(main, campaignTables(sizes));
    await both(
      async () => {
        await run(main, orderTables(sizes));
        const years = (await main.runAndReadAll(prepare('SELECT yr, first_seq FROM dg_order_years'))).getRows();
        await run(main, [orderIdMacro(years.map(([year, first]) => [Number(year), Number(first)] as const))]);
        await run(main, lineTables(await readCatalog(main)));
        await write(main, 'order_lines.csv', orderLinesCsv());
        await run(main, ['DROP TABLE dg_lines', 'DROP TABLE dg_orders_sorted', 'DROP TABLE dg_order_totals']);
      },
      async () => {
        await write(side, 'warehouses.csv', warehousesCsv());
        await write(side, 'products.csv', productsCsv());
        await write(side, 'customers.csv', customersCsv());
        await write(side, 'addresses.csv', addressesCsv());
        await write(side, 'campaigns.csv', campaignsCsv());
      },
    );
    await run(main, financeTables());
    await both(
      async () => {
        await write(main, 'shipments.csv', shipmentsCsv());
        await write(main, 'payments.csv', paymentsCsv());
        await write(main, 'invoices.csv', invoicesCsv());
      },
      async () => {
        await write(side, 'touches.ndjson', touchesNdjson(sizes));
        await write(side, 'orders.csv', ordersCsv(), MALFORMED_ORDER_LINES);
        await write(side, 'tickets.csv', ticketsCsv(sizes, sizes.orders, sizes.customers));
      },
    );
  } finally {
    if (instance) {
      for (const db of connections) db.closeSync();
      instance.closeSync();
    } else {
      await dropTemporaryObjects(main);
    }
  }
  const order = (file: DemoDataFile) => DEMO_DATA_FILES.findIndex((f) => f.path === file.path);
  files.sort((x, y) => order(x) - order(y));
  return { scale, sizes, files, ms: Math.round(performance.now() - started) };
}

/** The catalog as lists for `lineTables`, ordered as the lists expect. */
async function readCatalog(db: DuckDBConnection): Promise<CatalogArrays> {
  const rows = (await db.runAndReadAll(CATALOG_QUERY)).getRowObjects();
  const byRank = rows.map((r) => ({ k: Number(r.k), rank: Number(r.pop_rank), evergreen: r.evergreen === true }));
  byRank.sort((a, b) => a.rank - b.rank);
  return {
    byRank: byRank.map((r) => r.k),
    evergreen: byRank.filter((r) => r.evergreen).map((r) => r.k),
    listPrice: rows.map((r) => String(r.list_price)),
    grams: rows.map((r) => Number(r.grams)),
    launched: rows.map((r) => Number(r.launched)),
    discontinued: rows.map((r) => Number(r.discontinued)),
  };
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
