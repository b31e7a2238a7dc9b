/**
 * What an adapter's test file gives the Warehouse conformance suite, and the helpers the cases
 * share: a fresh warehouse per test, a way to see every stored file (to prove that nothing is
 * left over), and a whole write–audit–publish run in one call.
 */
import { afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import { parseProductId } from '../table-ref.js';
import type { SnapshotManifest } from '../snapshot-manifest.js';
import type { Warehouse } from '../warehouse.js';
import type { PublishInput, PublishOptions, TableRef, WarehouseFaults } from '../warehouse-types.js';
import { icebergFiles } from './iceberg-files.js';
import { openParquetTool, type ParquetTool } from './parquet-tool.js';

export interface WarehouseTestOptions {
  readonly faults?: WarehouseFaults;
  readonly generateSnapshotId?: () => string;
  readonly now?: () => Date;
}

export interface TestWarehouse {
  readonly warehouse: Warehouse;
  /** Another warehouse on the same storage, as another process (or a restart) would open it. */
  reopen(options?: WarehouseTestOptions): Warehouse;
  /**
   * Every stored file relative to the root, sorted, plus each staging folder as `…/.staging/<id>/`
   * (an empty staging folder is a leftover too). Lock files are left out.
   */
  listStored(): Promise<string[]>;
}

export interface WarehouseHarness {
  create(options?: WarehouseTestOptions): Promise<TestWarehouse>;
}

export const ORDERS: TableRef = { productId: 'sales.orders', port: 'orders', major: 1 };

/** The folder prefix of a table, as the layout in table-paths.ts defines it. */
export function tablePrefix(table: TableRef): string {
  const { domain, product } = parseProductId(table.productId);
  return `${domain}/${product}/${table.port}/v${table.major}`;
}

export function describeRows(rowCount: number, overrides: Partial<PublishInput> = {}): PublishInput {
  return {
    contract: { id: 'orders-contract', version: '1.0.0' },
    schema: [
      { name: 'marker', type: 'INTEGER', nullable: true },
      { name: 'id', type: 'BIGINT', nullable: true },
    ],
    rowCount,
    columnStats: [{ column: 'id', nullCount: 0, distinctCount: rowCount, min: '0', max: String(rowCount - 1) }],
    checks: { passed: 3, failed: 0, warnings: 0 },
    ...overrides,
  };
}

export interface RunRequest {
  readonly runId: string;
  readonly marker: number;
  readonly table?: TableRef;
  readonly rows?: number;
  readonly options?: PublishOptions;
}

/** One whole run: lock, stage, write Parquet, publish, release (also when publishing fails). */
export async function publishRun(
  warehouse: Warehouse,
  parquet: ParquetTool,
  run: RunRequest,
): Promise<SnapshotManifest> {
  const table = run.table ?? ORDERS;
  const rows = run.rows ?? 10;
  const lock = await warehouse.acquireProductLock(table.productId, { runId: run.runId });
  try {
    const staged = await warehouse.stage({ ...table, runId: run.runId });
    await parquet.write(join(staged.dataDir, 'part-00000.parquet'), run.marker, rows);
    return await warehouse.publish(staged, describeRows(rows), run.options);
  } finally {
    await lock.release();
  }
}

/**
 * The files a warehouse holding exactly its published snapshots stores, per listStored(): the
 * pointer, each snapshot's manifest and data, and the Iceberg files the current metadata names
 * (itself, the versions it logs, the version hint, each snapshot's manifest list and manifests).
 */
export async function expectedStored(warehouse: Warehouse): Promise<string[]> {
  const files: string[] = [];
  for (const table of await warehouse.listTables()) {
    const prefix = tablePrefix(table);
    files.push(`${prefix}/metadata/current.json`);
    for (const snapshot of await warehouse.listSnapshots(table)) {
      files.push(`${prefix}/metadata/snap-${snapshot.snapshotId}.json`);
      files.push(...snapshot.files.map((file) => `${prefix}/${file.path}`));
    }
    files.push(...(await icebergFiles(warehouse, table)).map((file) => `${prefix}/${file}`));
  }
  return files.sort();
}

/** One DuckDB per test file, closed at the end. */
export function useParquet(): { readonly tool: ParquetTool } {
  const holder: { tool: ParquetTool } = { tool: undefined as unknown as ParquetTool };
  beforeAll(async () => {
    holder.tool = await openParquetTool();
  });
  afterAll(() => holder.tool.close());
  return holder;
}
