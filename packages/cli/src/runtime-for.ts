/**
 * Assembles the runtime for CLI commands: the workspace's metadata store, warehouse and DuckDB
 * engine (the caller closes it), and —
 * for crash tests only — a fault point named by MESHWORK_FAULT_PAUSE_AT where the process
 * announces itself on stderr and waits to be killed.
 */
import { isAbsolute, join } from 'node:path';
import {
  createLocalWarehouse,
  createRunEngine,
  defaultWarehouseRoot,
  type DiskLoadResult,
  type MetadataStore,
  type RunObserver,
  type RuntimeContext,
} from '@meshwork/server';
import type { CliContext } from './cli-context.js';

export function runtimeFor(
  ctx: CliContext,
  workspace: DiskLoadResult,
  store: MetadataStore,
  observer?: RunObserver,
): RuntimeContext {
  const configured = workspace.model.config.warehouse?.path;
  const warehouseRoot = configured
    ? isAbsolute(configured)
      ? configured
      : join(workspace.root, configured)
    : defaultWarehouseRoot(workspace.root);
  const pauseAt = ctx.env.MESHWORK_FAULT_PAUSE_AT;
  return {
    model: workspace.model,
    root: workspace.root,
    store,
    warehouse: createLocalWarehouse({ root: warehouseRoot }),
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
