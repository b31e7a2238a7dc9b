/**
 * Assembles the runtime for CLI commands: the workspace's metadata store, warehouse and DuckDB
 * engine (the caller closes it), and —
 * for crash tests only — a fault point named by MESHWORK_FAULT_PAUSE_AT where the process
 * announces itself on stderr and waits to be killed.
 */
import { isAbsolute, join } from 'node:path';
import {
  createDataPolicyGate,
  createLocalWarehouse,
  createRunEngine,
  defaultWarehouseRoot,
  loadGovernance,
  type DiskLoadResult,
  type MetadataStore,
  type RunObserver,
  type RuntimeContext,
  type Warehouse,
} from '@meshwork/server';
import type { CliContext } from './cli-context.js';

export function runtimeFor(
  ctx: CliContext,
  workspace: DiskLoadResult,
  store: MetadataStore,
  observer?: RunObserver,
): RuntimeContext {
  const pauseAt = ctx.env.MESHWORK_FAULT_PAUSE_AT;
  return {
    model: workspace.model,
    root: workspace.root,
    store,
    // Data policies (e.g. PII found by sampling) refuse a snapshot before it is published.
    dataPolicyGate: createDataPolicyGate({
      model: workspace.model,
      governance: loadGovernance(workspace.root, workspace.model),
    }),
    warehouse: warehouseFor(workspace),
    engine: createRunEngine({ tempDirectory: join(workspace.root, '.meshwork', 'tmp') }),
    observer,
    faultPoint: pauseAt
      ? async (point) => {
          if (point !== pauseAt) return;
          ctx.streams.stderr.write(`MESHWORK_PAUSED ${point}\n`);
          // A pending promise alone does not keep Node alive (it would exit with code 13): a timer does.
          await new Promise(() => setInterval(() => undefined, 60_000));
        }
      : undefined,
  };
}

/** The workspace's warehouse: `warehouse.path` of mesh.yaml, relative to the workspace, or the default. */
export function warehouseFor(workspace: DiskLoadResult): Warehouse {
  const configured = workspace.model.config.warehouse?.path;
  const root = configured
    ? isAbsolute(configured)
      ? configured
      : join(workspace.root, configured)
    : defaultWarehouseRoot(workspace.root);
  return createLocalWarehouse({ root });
}
