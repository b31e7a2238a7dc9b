/**
 * Lineage recorded by real runs: a RunListener in the runtime context is told the pipeline's
 * column lineage when the run finishes — and SQL the extractor cannot resolve still publishes,
 * with the column it could not resolve marked and the reason given.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../../metadata/create-metadata-store.js';
import { metadataStoreConfig } from '../../metadata/store-from-config.js';
import { createRunEngine } from '../../runtime/duckdb-session.js';
import type { RunFinished } from '../../runtime/run-listener.js';
import { runProducts } from '../../runtime/run-products.js';
import type { RuntimeContext } from '../../runtime/runtime-context.js';
import { createTempWorkspace, type TempWorkspace } from '../../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';
import { compact } from './test-support/lineage-test-support.js';

const open: { close(): Promise<void> | void }[] = [];
const workspaces: TempWorkspace[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
  await Promise.all(workspaces.splice(0).map((w) => w.dispose()));
});

/** Runs sales.orders of a scaffolded workspace once; returns the summary and what the listener heard. */
async function runOrders(ws: TempWorkspace) {
  const workspace = await loadWorkspaceFromDisk(ws.root, {});
  expect(workspace.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const store = await createMetadataStore(metadataStoreConfig(ws.root, workspace.model.config));
  const engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork', 'tmp') });
  open.push(store, engine);
  const heard: RunFinished[] = [];
  const ctx: RuntimeContext = {
    model: workspace.model,
    root: ws.root,
    store,
    warehouse: createLocalWarehouse({ root: defaultWarehouseRoot(ws.root) }),
    engine,
    listeners: [{ finished: (run) => heard.push(run) }],
  };
  const [result] = await runProducts(ctx, [], ['sales.orders'], { trigger: 'manual', requestedBy: 'test' });
  if (!result || result.outcome === 'skipped') throw new Error('no run');
  return { summary: result.summary, heard };
}

describe('lineage recorded by runs', () => {
  it('a run tells its listeners the column lineage of what it published', async () => {
    const ws = await createTempWorkspace([['sales', 'orders']]);
    workspaces.push(ws);
    const { summary, heard } = await runOrders(ws);
    expect(summary.status).toBe('succeeded');
    expect(heard).toHaveLength(1);
    const lineage = heard[0]!.lineage!;
    expect(lineage.productId).toBe('sales.orders');
    expect(lineage.inputs).toEqual([{ name: 'raw_input', kind: 'file', location: 'data/sample.csv' }]);
    expect(lineage.unresolved).toEqual([]);
    const [port] = lineage.outputs;
    expect([port!.port, port!.major, port!.from]).toEqual(['orders', 1, 'orders']);
    expect(port!.columns.map((c) => [c.column, compact(c.sources), c.unresolved])).toEqual([
      ['id', ['raw_input.id:expression'], undefined],
      ['name', ['raw_input.name:expression'], undefined],
      ['amount', ['raw_input.amount:expression'], undefined],
      ['created_on', ['raw_input.created_at:expression'], undefined],
    ]);
    expect(compact(port!.rows)).toEqual(['raw_input.id:filter']);
    expect(port!.unresolved).toEqual([]);
  });

  it('SQL the extractor cannot resolve still publishes, with the unresolved column and why', async () => {
    const ws = await createTempWorkspace([['sales', 'orders']]);
    workspaces.push(ws);
    await ws.edit('domains/sales/orders/orders.sql', (sql) =>
      sql.replace('CAST(amount AS DECIMAL(12,2)) AS amount', () => "CAST(COLUMNS('^amount$') AS DECIMAL(12,2))"),
    );
    expect(await ws.read('domains/sales/orders/orders.sql')).toContain("COLUMNS('^amount$')");
    const { summary, heard } = await runOrders(ws);
    expect(summary.status, summary.error?.message).toBe('succeeded');
    expect(summary.outputs[0]!.snapshotId).toBeDefined();
    const port = heard[0]!.lineage!.outputs[0]!;
    expect(port.columns.map((c) => c.column)).toEqual(['id', 'name', 'amount', 'created_on']);
    const amount = port.columns.find((c) => c.column === 'amount')!;
    expect(amount.sources).toEqual([]);
    expect(amount.unresolved).toMatch(/^step "orders": COLUMNS/);
    expect(port.unresolved).toEqual([{ column: 'amount', reason: amount.unresolved }]);
    // The columns around it are resolved as usual.
    expect(compact(port.columns.find((c) => c.column === 'created_on')!.sources)).toEqual([
      'raw_input.created_at:expression',
    ]);
  });

  it('analyses inline query steps, and a run that fails its checks still reports what it bound', async () => {
    const ws = await createTempWorkspace([['sales', 'orders']]);
    workspaces.push(ws);
    await ws.edit('domains/sales/orders/pipeline.yaml', (yaml) =>
      yaml.replace(
        '  - name: orders\n    sql: orders.sql\n',
        '  - name: orders\n    query: "SELECT id FROM raw_input;"\n',
      ),
    );
    const { summary, heard } = await runOrders(ws);
    expect(summary.status).toBe('failed');
    expect(heard.map((run) => run.outcome)).toEqual(['failed']);
    const port = heard[0]!.lineage!.outputs[0]!;
    expect(port.columns.map((c) => [c.column, compact(c.sources)])).toEqual([['id', ['raw_input.id:direct']]]);
  });
});
