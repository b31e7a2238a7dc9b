/**
 * Assembles the runtime for CLI commands: the workspace's metadata store, warehouse and DuckDB
 * engine (the caller closes it), and —
 * for crash tests only — a fault point named by MESHWORK_FAULT_PAUSE_AT where the process
 * announces itself on stderr and waits to be killed.
 */
import { isAbsolute, join } from 'node:path';
import { isMeshworkError } from '@meshwork/core';
import {
  createDataPolicyGate,
  createLineageRecorder,
  createLocalWarehouse,
  createRunEngine,
  defaultWarehouseRoot,
  loadGovernance,
  openLineageListener,
  type DiskLoadResult,
  type MetadataStore,
  type OpenLineageRunListener,
  type RunObserver,
  type RuntimeContext,
  type Warehouse,
} from '@meshwork/server';
import type { CliContext } from './cli-context.js';
import type { CliLifecycle } from './lifecycle-for.js';

export function runtimeFor(
  ctx: CliContext,
  workspace: DiskLoadResult,
  store: MetadataStore,
  observer?: RunObserver,
  /** Webhook events of the runs (product.published, run.failed…); none without it. */
  lifecycle?: CliLifecycle,
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
    listeners: [
      // Each successful run's column lineage, kept in the store for `mesh lineage`, `mesh impact` and
      // `mesh serve`; `runProducts` waits for the write before it returns, so the store is still open.
      createLineageRecorder(store, {
        log: (message, fields) => ctx.streams.stderr.write(`${message} ${JSON.stringify(fields)}\n`),
      }).listener,
      ...(lifecycle ? [lifecycle.runListener] : []),
      ...openLineageFor(ctx, workspace),
    ],
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

/** How long a CLI process waits at exit for OpenLineage events still queued (the receiver may be down). */
const OPENLINEAGE_EXIT_WAIT_MS = 3000;

/**
 * Run events for mesh.yaml `openlineage`, sent in the background while the command runs; when the
 * process is about to exit, what is still queued gets at most OPENLINEAGE_EXIT_WAIT_MS, then is
 * abandoned (said on stderr). Settings that do not validate (MW8850) do not stop a build: stderr
 * says no events are sent, and `mesh serve` refuses to start until they are fixed.
 */
function openLineageFor(ctx: CliContext, workspace: DiskLoadResult): OpenLineageRunListener[] {
  try {
    const listener = openLineageListener({
      model: workspace.model,
      root: workspace.root,
      log: (message, fields) => {
        if (message !== 'OpenLineage event will be retried')
          ctx.streams.stderr.write(`${message} ${JSON.stringify(fields)}\n`);
      },
    });
    if (!listener) return [];
    process.once('beforeExit', () => void listener.close(OPENLINEAGE_EXIT_WAIT_MS));
    return [listener];
  } catch (error) {
    if (!isMeshworkError(error)) throw error;
    ctx.streams.stderr.write(`OpenLineage events not sent: ${error.code} ${error.message}\n`);
    return [];
  }
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
