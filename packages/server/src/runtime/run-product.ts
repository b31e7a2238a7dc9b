/**
 * One run of one product: write, audit, publish. Each output is staged and written to Parquet,
 * checked against its contract, and only when every blocking check of every output passed do
 * the ports' current snapshots move. On any failure everything staged is dropped and the
 * previous snapshots keep serving. The run, its checks and its outcome go to the metadata store
 * and the audit log either way. A run that cannot take the product's lock (another run holds
 * it, or the warehouse cannot be written) fails without starting.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  contractRetirement,
  InputError,
  isMeshworkError,
  NotFoundError,
  type DataProduct,
  type OutputPort,
  type PipelineLineage,
} from '@meshwork/core';
import type { JsonValue } from '../metadata/canonical-json.js';
import type { RunError, RunStep, RunTrigger } from '../metadata/run-types.js';
import { profileStagedOutput } from '../profiling/index.js';
import { checkContract } from '../quality/index.js';
import type { SnapshotColumnProfile } from '../warehouse/snapshot-manifest.js';
import type { ProductLock } from '../warehouse/warehouse-types.js';
import { applyRetention } from './apply-retention.js';
import type { RunDatabase } from './duckdb-session.js';
import { collectRejects, type InputRejects } from './inputs/csv-rejects.js';
import { countInputRows } from './inputs/input-rows.js';
import { bindInputsAndSteps, writeOutput } from './pipeline-execution.js';
import { resolveParameters, setParameters } from './run-parameters.js';
import { checksJson, runSummary, summarizeChecks, toRunError, type OutputWork, type RunSummary } from './run-report.js';
import type { RuntimeContext } from './runtime-context.js';
import { describeRelation, parquetRelation } from './staged-relation.js';
import { extractPipelineLineage } from '../lineage/extract-pipeline-lineage.js';
import { notifyRunListeners, type RunFinished, type RunStarted } from './run-listener.js';
import { snapshotResolver } from './snapshot-resolver.js';

export type { RunSummary } from './run-report.js';

export interface RunOptions {
  readonly trigger: RunTrigger;
  readonly requestedBy: string;
  /** Overrides of pipeline parameters (`run_date` included). */
  readonly parameters?: Readonly<Record<string, string>>;
}

export async function runProduct(ctx: RuntimeContext, productId: string, options: RunOptions): Promise<RunSummary> {
  const product = ctx.model.products.get(productId);
  if (!product) throw new NotFoundError('MW8013', `no product "${productId}" in the workspace`);
  const runId = randomUUID();
  const started = performance.now();
  const now = ctx.clock ?? (() => new Date());
  const emit = ctx.observer ?? (() => undefined);
  const parameters = resolveParameters(product.pipeline?.definition.parameters, options.parameters ?? {}, now());
  let lock: ProductLock;
  try {
    lock = await ctx.warehouse.acquireProductLock(productId, { runId });
  } catch (error) {
    return refusedRun(ctx, product, { runId, started }, lockRefusal(productId, error));
  }
  const work: ProfiledWork[] = [];
  const steps: RunStep[] = [];
  let rejects: InputRejects[] = [];
  let rowsIn = 0;
  let database: RunDatabase | undefined;
  let runRecorded = false;
  let lineage: PipelineLineage | undefined;
  const startedRun: RunStarted = {
    product,
    runId,
    at: now(),
    trigger: options.trigger,
    requestedBy: options.requestedBy,
  };
  const finished = (outcome: RunFinished['outcome'], error?: RunError) =>
    notifyRunListeners(ctx.listeners, (l) =>
      l.finished?.({ ...startedRun, outcome, endedAt: now(), outputs: outputResults(work), lineage, error }),
    );
  try {
    // We hold the product lock, so a run still marked running was left by a dead process.
    await ctx.store.failStaleRuns({ productId, reason: 'the process that ran it stopped before it finished' });
    await ctx.store.createRun({
      id: runId,
      productId,
      trigger: options.trigger,
      requestedBy: options.requestedBy,
      parameters,
    });
    runRecorded = true;
    emit({ type: 'run-started', productId, runId, at: now().toISOString() });
    notifyRunListeners(ctx.listeners, (l) => l.started?.(startedRun));
    // A port version past its contract's endOfLife is no longer built (nor served to readers).
    const targets = outputTargets(product).filter(({ port }) => {
      const retired = port.contract ? contractRetirement(port.contract) : undefined;
      if (!retired || retired > now()) return true;
      steps.push({ name: `retired:${port.name}:v${port.major}`, rows: 0, ms: 0 });
      return false;
    });

    database = await ctx.engine.open();
    const { connection } = database;
    await setParameters(connection, parameters);
    const execution = await bindInputsAndSteps({
      connection,
      product,
      root: ctx.root,
      config: ctx.model.config,
      resolveSnapshot: snapshotResolver(ctx.model, ctx.warehouse, now),
      observer: { step: (step) => emit({ type: 'step', productId, runId, step }) },
    });
    steps.push(...execution.steps.map((s) => ({ name: s.name, rows: 0, ms: s.ms })));
    // Lineage is read from what was bound; it never fails the run (gaps carry their reasons).
    lineage = await extractPipelineLineage({ connection, product, root: ctx.root }).catch((error: unknown) => ({
      productId,
      inputs: [],
      outputs: [],
      unresolved: [{ reason: `lineage extraction failed: ${error instanceof Error ? error.message : String(error)}` }],
    }));
    await ctx.faultPoint?.('inputs-bound');

    for (const { port, from } of targets) {
      const staged = await ctx.warehouse.stage({ productId, port: port.name, major: port.major, runId });
      const item: ProfiledWork = { port, from, staged, rowCount: 0 };
      work.push(item);
      const writeStarted = performance.now();
      emit({ type: 'step', productId, runId, step: `write ${port.name} v${port.major}` });
      const file = join(staged.dataDir, 'part-00000.parquet');
      const iceberg = await ctx.warehouse.icebergTable(staged.table);
      item.rowCount = await writeOutput(connection, from, file, productId, iceberg?.metadata);
      steps.push({
        name: `write:${port.name}:v${port.major}`,
        rows: item.rowCount,
        ms: Math.round(performance.now() - writeStarted),
      });
      emit({ type: 'rows', productId, runId, output: `${port.name} v${port.major}`, rows: item.rowCount });
      await ctx.faultPoint?.('output-written');

      emit({ type: 'step', productId, runId, step: `check ${port.name} v${port.major}` });
      const checkStarted = performance.now();
      const relation = parquetRelation([file]);
      const schemaObject = schemaObjectFor(port);
      item.schema = await describeRelation(connection, relation);
      item.report = await checkContract({ connection, relation, schemaObject, contract: port.contract!.document });
      // The data profile for governance (only of data that can be published: it costs a scan).
      // It never fails the build; a failure is told to the observer and noted in the manifest.
      if (item.report.passed) {
        const profile = await profileStagedOutput({ connection, relation, schema: item.schema, schemaObject });
        if (profile.ok) item.profile = profile.columns;
        else {
          item.profileError = profile.error;
          emit({
            type: 'step',
            productId,
            runId,
            step: `profile ${port.name} v${port.major} failed: ${profile.error}`,
          });
        }
      }
      steps.push({
        name: `check:${port.name}:v${port.major}`,
        rows: item.report.rowCount,
        ms: Math.round(performance.now() - checkStarted),
      });
    }
    rowsIn = await countInputRows(connection, execution.inputs);
    await ctx.faultPoint?.('checks-done');

    rejects = await collectRejects(connection, execution.inputs);
    const fatal = rejects.filter((r) => r.mode === 'fail');
    if (fatal.length > 0) {
      const where = fatal.flatMap((r) => r.sample.slice(0, 3).map((s) => `${s.file}:${s.line}: ${s.error}`));
      throw new InputError(
        'MW8002',
        `${fatal.reduce((n, r) => n + r.count, 0)} malformed rows in inputs (${fatal.map((r) => r.input).join(', ')}):\n${where.join('\n')}`,
      );
    }
    const failed = work.flatMap((w) =>
      (w.report?.checks ?? [])
        .filter((c) => c.blocking && (c.status === 'failed' || c.status === 'error'))
        .map((c) => ({ w, c })),
    );
    if (failed.length > 0) {
      const lines = failed
        .slice(0, 10)
        .map(
          ({ w, c }) =>
            `${w.port.name} v${w.port.major} ${c.id}: ${c.message}${c.observed !== undefined ? ` (observed ${c.observed}${c.threshold ? `, ${c.threshold}` : ''})` : ''}`,
        );
      throw new InputError(
        'MW8006',
        `${failed.length} blocking contract checks failed; nothing was published:\n${lines.join('\n')}`,
      );
    }

    refuseByDataPolicies(ctx, productId, work);

    await ctx.faultPoint?.('before-publish');
    for (const [i, item] of work.entries()) {
      if (i > 0) await ctx.faultPoint?.('between-publishes');
      const report = item.report!;
      const manifest = await ctx.warehouse.publish(item.staged, {
        contract: { id: item.port.contract!.id, version: item.port.contract!.version },
        schema: item.schema!,
        rowCount: item.rowCount,
        columnStats: report.columnStats.map((s) => ({
          column: s.column,
          nullCount: s.nullCount,
          distinctCount: s.distinctCount,
          min: s.min === undefined ? undefined : String(s.min),
          max: s.max === undefined ? undefined : String(s.max),
        })),
        checks: summarizeChecks(report),
        profile: item.profile,
        audit: {
          runId,
          rejects: rejects.map((r) => ({ input: r.input, count: r.count })),
          // Why the snapshot has no profile, for whoever reads it.
          ...(item.profileError === undefined ? {} : { profileError: item.profileError }),
        },
      });
      item.published = manifest.snapshotId;
    }
    const summary = runSummary(product, runId, started, 'succeeded', rowsIn, work, rejects);
    await ctx.store.finishRun(runId, {
      status: 'succeeded',
      rowsIn,
      rowsOut: summary.rowsOut,
      steps,
      checks: checksJson(work, rejects),
      outputs: summary.outputs,
    });
    await ctx.store.appendAudit({
      actor: options.requestedBy,
      action: 'product.published',
      resource: product.urn,
      details: { runId, outputs: summary.outputs as unknown as JsonValue },
    });
    await ctx.store.recordProductStatus({ productId, status: 'fresh', reason: `published by run ${runId}` });
    // Old snapshots past the contract's retention go now, under this run's lock; a failure here
    // never fails the run that already published.
    const expired = await applyRetention(ctx.warehouse, product, runId, now()).catch(() => []);
    if (expired.length > 0) {
      await ctx.store.appendAudit({
        actor: options.requestedBy,
        action: 'snapshots.expired',
        resource: product.urn,
        details: { runId, expired: expired.map((e) => ({ port: e.port, major: e.major, snapshots: [...e.removed] })) },
      });
    }
    emit({ type: 'run-finished', productId, runId, status: 'succeeded', ms: summary.ms, rowsOut: summary.rowsOut });
    finished('succeeded');
    return summary;
  } catch (error) {
    for (const item of work) if (!item.published) await ctx.warehouse.abort(item.staged).catch(() => undefined);
    const runError = toRunError(error);
    // A failure between two publishes leaves the outputs published before it current: say so.
    const summary = { ...runSummary(product, runId, started, 'failed', rowsIn, work, rejects), error: runError };
    if (runRecorded) {
      await ctx.store.finishRun(runId, {
        status: 'failed',
        rowsIn,
        rowsOut: summary.rowsOut,
        error: runError,
        steps,
        checks: checksJson(work, rejects),
        outputs: summary.outputs,
      });
      await ctx.store.appendAudit({
        actor: options.requestedBy,
        action: 'run.failed',
        resource: product.urn,
        details: { runId, error: { ...runError } },
      });
      await ctx.store.recordProductStatus({
        productId,
        status: 'failing',
        reason: `run ${runId} failed: ${runError.code}`,
      });
    }
    emit({ type: 'run-finished', productId, runId, status: 'failed', ms: summary.ms, rowsOut: 0, error: runError });
    if (runRecorded) finished('failed', runError);
    if (!runRecorded) throw error;
    return summary;
  } finally {
    database?.close();
    await lock.release();
  }
}

/** What listeners are told of each output: published or not, with its schema and checks. */
function outputResults(work: readonly ProfiledWork[]): RunFinished['outputs'] {
  return work.map((w) => ({
    port: w.port,
    snapshotId: w.published,
    rowCount: w.rowCount,
    schema: w.schema,
    checks: w.report?.checks ?? [],
  }));
}

/** An output and, once audited, its data profile (or why profiling failed). */
interface ProfiledWork extends OutputWork {
  profile?: readonly SnapshotColumnProfile[];
  profileError?: string;
}

/**
 * Why the product lock could not be taken, as a run error: held by another live run (MW8007,
 * naming it), or the warehouse could not be written (its own code and path). Bugs are thrown.
 */
function lockRefusal(productId: string, error: unknown): RunError {
  if (!isMeshworkError(error)) throw error;
  if (error.code === 'MW8105') {
    return { code: 'MW8007', message: `${productId} is being built by another run: ${error.message}` };
  }
  return { code: error.code, message: error.message };
}

/**
 * A run that could not start. It is reported to the caller but not recorded: the store keeps
 * one running run per product, and the run holding the lock is that one.
 */
function refusedRun(
  ctx: RuntimeContext,
  product: DataProduct,
  run: { readonly runId: string; readonly started: number },
  error: RunError,
): RunSummary {
  const emit = ctx.observer ?? (() => undefined);
  const at = (ctx.clock ?? (() => new Date()))();
  emit({ type: 'run-started', productId: product.id, runId: run.runId, at: at.toISOString() });
  const summary = { ...runSummary(product, run.runId, run.started, 'failed', 0, [], []), error };
  emit({
    type: 'run-finished',
    productId: product.id,
    runId: run.runId,
    status: 'failed',
    ms: summary.ms,
    rowsOut: 0,
    error,
  });
  return summary;
}

/** Which port version each pipeline output feeds; two outputs may not feed the same one. */
function outputTargets(product: DataProduct): { port: OutputPort; from: string }[] {
  const targets = product.pipeline!.definition.outputs.map((output) => ({
    port: outputPort(product, output.port, output.majorVersion),
    from: output.from,
  }));
  const seen = new Map<string, string>();
  for (const { port, from } of targets) {
    const key = `${port.name} v${port.major}`;
    const other = seen.get(key);
    if (other !== undefined)
      throw new InputError(
        'MW8011',
        `${product.id}: outputs "${other}" and "${from}" both feed ${key}; give each a different majorVersion`,
      );
    seen.set(key, from);
  }
  return targets;
}

function outputPort(product: DataProduct, name: string, major: number | undefined): OutputPort {
  const ports = product.outputPorts.filter((p) => p.name === name);
  const port =
    major === undefined
      ? ports.reduce<OutputPort | undefined>((a, p) => (!a || p.major > a.major ? p : a), undefined)
      : ports.find((p) => p.major === major);
  if (!port?.contract)
    throw new InputError(
      'MW8011',
      `${product.id}: output "${name}"${major === undefined ? '' : ` v${major}`} has no output port with a contract`,
    );
  return port;
}

/** The ODCS schema object describing the port's table: the one named like the port, else the first. */
function schemaObjectFor(port: OutputPort): object {
  const schema = (port.contract!.document as { schema?: { name?: string; physicalName?: string }[] }).schema ?? [];
  return schema.find((s) => s.name === port.name || s.physicalName === port.name) ?? schema[0] ?? {};
}

/** Blocking data policies over the staged outputs' profiles: nothing is published when one fails. */
function refuseByDataPolicies(ctx: RuntimeContext, productId: string, work: readonly ProfiledWork[]): void {
  if (!ctx.dataPolicyGate) return;
  const outputs = work.flatMap((w) =>
    w.profile ? [{ port: w.port.name, major: w.port.major, profile: w.profile }] : [],
  );
  if (outputs.length === 0) return;
  const refused = ctx.dataPolicyGate(productId, outputs, ctx.clock?.() ?? new Date());
  if (refused.length === 0) return;
  const lines = refused
    .slice(0, 10)
    .map((f) => `[${f.policyId}] ${[f.port, f.column].filter(Boolean).join(' › ')}: ${f.message}`);
  throw new InputError(
    'MW5705',
    `${refused.length} blocking governance finding${refused.length === 1 ? '' : 's'} on the new data; nothing was published:\n${lines.join('\n')}`,
  );
}
