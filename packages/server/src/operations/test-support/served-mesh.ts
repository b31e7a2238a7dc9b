/**
 * A real server for operations tests: the access-test workspace (an admin adam, a consumer ana,
 * a service account churn-bot; sales.orders, sales.returns, marketing.campaigns, each with a
 * schedule), sales.orders published before the start as `mesh run` would, then `startPlatform`
 * on ephemeral HTTP and wire ports, with a token for each of the three principals.
 */
import { join } from 'node:path';
import { createAccessWorkspace, type AccessWorkspace } from '../../agreements/test-support/access-workspace.js';
import { createMetadataStore, defaultSqlitePath } from '../../metadata/create-metadata-store.js';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../../platform/start-platform.js';
import { createRunEngine } from '../../runtime/duckdb-session.js';
import { runProducts } from '../../runtime/run-products.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';

export interface ServedMesh {
  readonly workspace: AccessWorkspace;
  readonly platform: RunningPlatform;
  readonly tokens: { readonly adam: string; readonly ana: string; readonly churnBot: string };
}

export interface ServedMeshOptions extends Partial<Omit<PlatformOptions, 'root' | 'env'>> {
  /** Changes to the workspace before anything runs (e.g. a slow pipeline). */
  readonly prepare?: (workspace: AccessWorkspace) => Promise<void>;
}

export async function serveMesh(options: ServedMeshOptions = {}): Promise<ServedMesh> {
  const workspace = await createAccessWorkspace();
  await publish(workspace.root, ['sales.orders']);
  await options.prepare?.(workspace);
  const { prepare: _prepare, ...platformOptions } = options;
  const platform = await startPlatform({ root: workspace.root, env: {}, port: 0, ...platformOptions });
  const token = async (principal: string) =>
    (await platform.services.authenticator.tokens.create(principal, { createdBy: 'test' })).token;
  return {
    workspace,
    platform,
    tokens: { adam: await token('adam'), ana: await token('ana'), churnBot: await token('churn-bot') },
  };
}

/** Builds and publishes products as `mesh run` does, on the workspace's SQLite store. */
export async function publish(root: string, productIds: readonly string[]): Promise<void> {
  const { model, diagnostics } = await loadWorkspaceFromDisk(root, {});
  const store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(root) });
  const engine = createRunEngine({ tempDirectory: join(root, '.meshwork/tmp') });
  try {
    const results = await runProducts(
      { model, root, store, warehouse: createLocalWarehouse({ root: defaultWarehouseRoot(root) }), engine },
      diagnostics,
      productIds,
      { trigger: 'manual', requestedBy: 'test' },
    );
    const failed = results.filter((r) => r.outcome !== 'succeeded');
    if (failed.length > 0) throw new Error(`could not publish ${failed.map((r) => r.productId).join(', ')}`);
  } finally {
    engine.close();
    await store.close();
  }
}
