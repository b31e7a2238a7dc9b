/**
 * The data profile a build stores with each snapshot: computed in the audit step from the staged
 * data and the contract's patterns, read back from the published manifest — and a profiling
 * failure that leaves the build (and the snapshot) alone but says why there is no profile.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import { metadataStoreConfig } from '../metadata/store-from-config.js';
import { readSnapshotProfile } from '../profiling/index.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { createRunEngine, type RunEngine } from './duckdb-session.js';
import type { RunEvent } from './run-events.js';
import { runProducts } from './run-products.js';
import type { RuntimeContext } from './runtime-context.js';

const open: { close(): Promise<void> | void }[] = [];
const workspaces: TempWorkspace[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
  await Promise.all(workspaces.splice(0).map((w) => w.dispose()));
});

const TABLE = { productId: 'sales.orders', port: 'orders', major: 1 };
const NONE = { email: 0, phone: 0, iban: 0, paymentCard: 0, nationalId: 0 };

/** The scaffolded sales.orders, with emails for names and a pattern on its id. */
async function ordersWorkspace(): Promise<TempWorkspace> {
  const ws = await createTempWorkspace([['sales', 'orders']]);
  workspaces.push(ws);
  await ws.write(
    'domains/sales/orders/data/sample.csv',
    'id,name,amount,created_at\n1,alpha@example.com,10.50,2026-01-01\n2,beta@example.org,20.00,2026-01-02\n3,,5.00,2026-01-03\n',
  );
  await ws.edit('domains/sales/orders/orders.odcs.yaml', (yaml) =>
    yaml
      .replace(
        '        description: Stable identifier.\n',
        "        description: Stable identifier.\n        logicalTypeOptions:\n          pattern: '[0-9]+'\n",
      )
      // A name may be missing: profiles count the values that are there.
      .replace(
        'required: true\n        classification: internal\n        description: Display name.',
        'required: false\n        classification: internal\n        description: Display name.',
      ),
  );
  return ws;
}

async function runtime(ws: TempWorkspace, wrapEngine: (engine: RunEngine) => RunEngine = (e) => e) {
  const workspace = await loadWorkspaceFromDisk(ws.root, {});
  expect(workspace.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const store = await createMetadataStore(metadataStoreConfig(ws.root, workspace.model.config));
  const engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork', 'tmp') });
  open.push(store, engine);
  const events: RunEvent[] = [];
  const ctx: RuntimeContext = {
    model: workspace.model,
    root: ws.root,
    store,
    warehouse: createLocalWarehouse({ root: defaultWarehouseRoot(ws.root) }),
    engine: wrapEngine(engine),
    observer: (event) => events.push(event),
  };
  return { ctx, events };
}

async function runOrders(ctx: RuntimeContext) {
  const [result] = await runProducts(ctx, [], ['sales.orders'], { trigger: 'manual', requestedBy: 'test' });
  if (!result || result.outcome === 'skipped') throw new Error('no run');
  return result.summary;
}

/** An engine whose connections fail the profiling query (and only it), as a DuckDB error would. */
function failingProfiles(engine: RunEngine): RunEngine {
  const wrap = (connection: DuckDBConnection): DuckDBConnection =>
    new Proxy(connection, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key);
        if (typeof value !== 'function') return value;
        if (key !== 'runAndReadAll') return (value as (...args: unknown[]) => unknown).bind(target);
        return (sql: string, ...rest: unknown[]) => {
          if (sql.includes('arg_min(')) return Promise.reject(new Error('simulated profiling failure'));
          return (value as (...args: unknown[]) => unknown).apply(target, [sql, ...rest]);
        };
      },
    });
  return {
    open: async () => {
      const database = await engine.open();
      return { connection: wrap(database.connection), close: () => database.close() };
    },
    close: () => engine.close(),
  };
}

describe('the data profile of a built snapshot', () => {
  it('is stored in the manifest: text columns only, rates of the non-null values, the contract pattern', async () => {
    const { ctx } = await runtime(await ordersWorkspace());
    const summary = await runOrders(ctx);
    expect(summary.status, summary.error?.message).toBe('succeeded');

    const manifest = await ctx.warehouse.current(TABLE);
    expect(manifest?.profile).toEqual([
      { column: 'id', sampled: 3, matches: NONE, pattern: { regex: '[0-9]+', matched: 1 } },
      { column: 'name', sampled: 2, matches: { ...NONE, email: 1 } },
    ]);
    expect(manifest?.audit).not.toHaveProperty('profileError');
    expect(await readSnapshotProfile(ctx.warehouse, TABLE)).toEqual({
      snapshotId: manifest!.snapshotId,
      contract: manifest!.contract,
      rowCount: 3,
      columns: manifest!.profile,
    });
    expect(await readSnapshotProfile(ctx.warehouse, TABLE, manifest!.snapshotId)).toMatchObject({
      columns: manifest!.profile,
    });
    expect(await readSnapshotProfile(ctx.warehouse, { ...TABLE, major: 2 })).toBeUndefined();
  });

  it('that cannot be computed leaves the build alone: published without a profile, with the reason', async () => {
    const { ctx, events } = await runtime(await ordersWorkspace(), failingProfiles);
    const summary = await runOrders(ctx);
    expect(summary.status, summary.error?.message).toBe('succeeded');

    const manifest = await ctx.warehouse.current(TABLE);
    expect(manifest?.snapshotId).toBe(summary.outputs[0]?.snapshotId);
    expect(manifest).not.toHaveProperty('profile');
    expect(manifest?.audit).toMatchObject({ profileError: 'Error: simulated profiling failure' });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'step', step: 'profile orders v1 failed: Error: simulated profiling failure' }),
    );
    expect(await readSnapshotProfile(ctx.warehouse, TABLE)).toBeUndefined();
  });
});
