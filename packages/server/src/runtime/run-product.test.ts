/**
 * runProduct against faults the CLI cannot provoke: the output file cannot be written, and a
 * publish fails after another output of the same run was published. Real workspace, DuckDB,
 * SQLite store and warehouse; the faults come from the runtime's own seams (faultPoint) and
 * from a real warehouse whose staging folder is made unusable.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { metadataStoreConfig } from '../metadata/store-from-config.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../warehouse/local/create-local-warehouse.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { createRunEngine } from './duckdb-session.js';
import { runProducts } from './run-products.js';
import type { RuntimeContext } from './runtime-context.js';

const open: { close(): Promise<void> | void }[] = [];
const workspaces: TempWorkspace[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
  await Promise.all(workspaces.splice(0).map((w) => w.dispose()));
});

async function runtime(
  ws: TempWorkspace,
  change: (base: RuntimeContext) => Partial<RuntimeContext> = () => ({}),
): Promise<RuntimeContext & { store: MetadataStore }> {
  const workspace = await loadWorkspaceFromDisk(ws.root, {});
  expect(workspace.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const store = await createMetadataStore(metadataStoreConfig(ws.root, workspace.model.config));
  const engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork', 'tmp') });
  open.push(store, engine);
  const base: RuntimeContext = {
    model: workspace.model,
    root: ws.root,
    store,
    warehouse: createLocalWarehouse({ root: defaultWarehouseRoot(ws.root) }),
    engine,
  };
  return { ...base, ...change(base), store };
}

async function runOrders(ctx: RuntimeContext) {
  const [result] = await runProducts(ctx, [], ['sales.orders'], { trigger: 'manual', requestedBy: 'test' });
  if (!result || result.outcome === 'skipped') throw new Error('no run');
  return result.summary;
}

/** The same warehouse, but each staged data folder already holds a folder where the Parquet file goes. */
function blockingStage(warehouse: Warehouse): Warehouse {
  const stage: Warehouse['stage'] = async (request) => {
    const staged = await warehouse.stage(request);
    await mkdir(join(staged.dataDir, 'part-00000.parquet', 'in-the-way'), { recursive: true });
    return staged;
  };
  return new Proxy(warehouse, {
    get: (target, key) => {
      if (key === 'stage') return stage;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('runProduct faults', () => {
  it('an output file that cannot be written fails the run with MW8009 and its path; the previous snapshot serves', async () => {
    const ws = await createTempWorkspace([['sales', 'orders']]);
    workspaces.push(ws);
    const first = await runOrders(await runtime(ws));
    expect(first.status).toBe('succeeded');
    const previous = first.outputs[0]!.snapshotId;

    const ctx = await runtime(ws, (base) => ({ warehouse: blockingStage(base.warehouse) }));
    const failed = await runOrders(ctx);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code, failed.error?.message).toBe('MW8009');
    expect(failed.error?.message).toMatch(
      /^sales\.orders: cannot write \S+\/\.staging\/\S+\/data\/part-00000\.parquet: /,
    );
    const table = { productId: 'sales.orders', port: 'orders', major: 1 };
    expect((await ctx.warehouse.current(table))?.snapshotId).toBe(previous);
    expect((await ctx.store.getRun(failed.runId))?.error?.code).toBe('MW8009');
  });

  it('a publish that fails after another output was published records what was published, and the rows out', async () => {
    const ws = await createTempWorkspace([['sales', 'orders']]);
    workspaces.push(ws);
    await ws.edit(
      'domains/sales/orders/product.odps.yaml',
      (yaml) =>
        `${yaml}\n  - name: orders\n    type: tables\n    version: 2.0.0\n    contractId: 11111111-2222-4333-8444-555555555555\n`,
    );
    await ws.write(
      'domains/sales/orders/orders-v2.odcs.yaml',
      (await ws.read('domains/sales/orders/orders.odcs.yaml'))
        .replace(/^id: .*$/m, 'id: 11111111-2222-4333-8444-555555555555')
        .replace('version: 1.0.0', 'version: 2.0.0'),
    );
    await ws.edit('domains/sales/orders/pipeline.yaml', (yaml) =>
      yaml.replace(
        'outputs:\n  - port: orders\n    from: orders\n',
        'outputs:\n  - port: orders\n    from: orders\n    majorVersion: 1\n  - port: orders\n    from: orders\n    majorVersion: 2\n',
      ),
    );
    const warehouseRoot = defaultWarehouseRoot(ws.root);
    const ctx = await runtime(ws, () => ({
      // Between the two publishes, v2's staged snapshot disappears (as if cleaned up by someone else).
      faultPoint: async (point) => {
        if (point === 'between-publishes')
          await rm(join(warehouseRoot, 'sales/orders/orders/v2/.staging'), { recursive: true, force: true });
      },
    }));
    const failed = await runOrders(ctx);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('MW8108');
    const v1 = await ctx.warehouse.current({ productId: 'sales.orders', port: 'orders', major: 1 });
    expect(v1?.runId).toBe(failed.runId);
    expect(failed.outputs.map((o) => [o.major, o.snapshotId])).toEqual([
      [1, v1!.snapshotId],
      [2, null],
    ]);
    const record = await ctx.store.getRun(failed.runId);
    expect(record).toMatchObject({ status: 'failed', rowsOut: 2, error: { code: 'MW8108' } });
    expect(record?.outputs.map((o) => o.snapshotId)).toEqual([v1!.snapshotId, null]);
    expect(await ctx.warehouse.current({ productId: 'sales.orders', port: 'orders', major: 2 })).toBeUndefined();
  });
});
