/** `mesh run [product…] | --all`, `mesh run show <id>` and `mesh runs [product]`. */
import type { Command } from 'commander';
import { InputError } from '@meshwork/core';
import { runProducts, type ProductRunResult } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withLifecycle } from '../lifecycle-for.js';
import { cliActor, withMetadataStore } from '../metadata-store-for.js';
import type { CliOutput } from '../output/cli-output.js';
import { createRunProgress } from '../output/run-progress.js';
import { runtimeFor } from '../runtime-for.js';
import { findProduct } from './product-ref.js';

interface RunFlags {
  all?: boolean;
  param: string[];
  parallel: string;
  json?: boolean;
}

export function registerRun(program: Command, ctx: CliContext): void {
  const run = program
    .command('run')
    .description(
      'build products: write each output as a snapshot, check it against its contract, publish it (in dependency order)',
    )
    .argument('[products...]', 'domain/product to build')
    .option('--all', 'build every product that has a pipeline')
    .option('--param <name=value>', 'run parameter (repeatable), e.g. run_date=2026-01-31', collect, [])
    .option('--parallel <n>', 'products built at once', '2')
    .option('--json', 'print one JSON line per event and the results as JSON')
    .action(async (refs: string[], flags: RunFlags) => {
      await runAndReport(ctx, refs, flags, 'manual');
    });

  run
    .command('show')
    .description('show one run: status, timings, rows, every check and its result, the snapshots produced')
    .argument('<run-id>')
    .option('--json', 'print JSON')
    .action(async (id: string, _flags: { json?: boolean }, command: Command) => {
      // `run` has a --json of its own, which commander gives the parent: read both.
      const flags = command.optsWithGlobals<{ json?: boolean }>();
      const out = outputFor(ctx, flags);
      const workspace = await openWorkspace(ctx);
      const record = await withMetadataStore(ctx, workspace, (store) => store.getRun(id));
      if (!record) throw new InputError('MW6121', `no run "${id}"`);
      if (flags.json) return out.value(record);
      out.line(`${out.style.bold(`Run ${record.id}`)} ${record.productId} ${statusText(out, record.status)}`);
      out.line(
        `  started ${record.startedAt}  finished ${record.finishedAt ?? '—'}  by ${record.requestedBy} (${record.trigger})`,
      );
      out.line(`  rows in ${record.rowsIn ?? '—'}  rows out ${record.rowsOut ?? '—'}`);
      if (record.error) out.line(`  ${out.style.red(record.error.code)} ${record.error.message}`);
      for (const o of record.outputs)
        out.line(
          `  output ${o.port} v${o.major}: ${o.snapshotId ? `snapshot ${o.snapshotId}` : `no snapshot (${o.reason})`}, ${o.rowCount ?? 0} rows`,
        );
      if (record.steps.length > 0)
        out.table(
          ['step', 'rows', 'ms'],
          record.steps.map((s) => [s.name, String(s.rows), String(s.ms)]),
        );
      const checks = record.checks as {
        id: string;
        status: string;
        observed?: unknown;
        threshold?: string;
        message: string;
      }[];
      if (checks.length > 0) {
        out.line();
        out.table(
          ['check', 'status', 'observed', 'threshold'],
          checks.map((c) => [c.id, c.status, c.observed === undefined ? '' : String(c.observed), c.threshold ?? '']),
        );
      }
    });

  program
    .command('runs')
    .description('list runs, newest first')
    .argument('[product]', 'only runs of this domain/product')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(async (ref: string | undefined, flags: { limit: string; json?: boolean }) => {
      const out = outputFor(ctx, flags);
      const workspace = await openWorkspace(ctx);
      const productId = ref ? findProduct(workspace.model, ref).id : undefined;
      const page = await withMetadataStore(ctx, workspace, (store) =>
        store.listRuns({ productId, limit: Number(flags.limit) }),
      );
      if (flags.json) return out.value(page);
      out.table(
        ['run', 'product', 'status', 'started', 'rows out', 'error'],
        page.items.map((r) => [
          r.id,
          r.productId,
          statusText(out, r.status),
          r.startedAt,
          String(r.rowsOut ?? ''),
          r.error?.code ?? '',
        ]),
      );
    });
}

export async function runAndReport(
  ctx: CliContext,
  refs: string[],
  flags: RunFlags,
  trigger: 'manual' | 'publish',
): Promise<ProductRunResult[]> {
  const out = outputFor(ctx, flags);
  if (!flags.all && refs.length === 0) throw new InputError('MW8013', 'name the products to build, or pass --all');
  const workspace = await openWorkspace(ctx);
  const selection = flags.all ? 'all' : refs.map((r) => findProduct(workspace.model, r).id);
  const progress = createRunProgress(ctx.streams, out, !flags.json && !!ctx.streams.stderr.isTTY);
  const results = await withMetadataStore(ctx, workspace, (store) =>
    // Runs are told to webhook subscribers; deliveries finish (or are logged for retry) before the store closes.
    withLifecycle(ctx, workspace, store, async (lifecycle) => {
      const runtime = runtimeFor(ctx, workspace, store, progress.observer, lifecycle);
      try {
        return await runProducts(runtime, workspace.diagnostics, selection, {
          trigger,
          requestedBy: cliActor(ctx),
          parameters: parseParams(flags.param),
          parallel: Number(flags.parallel),
        });
      } finally {
        runtime.engine.close();
      }
    }),
  ).finally(() => progress.finish());
  if (flags.json) out.value(results);
  else printResults(out, results);
  if (results.some((r) => r.outcome !== 'succeeded')) ctx.exitCode = 1;
  return results;
}

function printResults(out: CliOutput, results: readonly ProductRunResult[]): void {
  for (const r of results) {
    if (r.outcome === 'skipped') {
      out.line(`${out.style.yellow('-')} ${r.productId} skipped: upstream ${r.blockedBy} failed`);
      continue;
    }
    const s = r.summary;
    const outputs = s.outputs
      .map((o) => `${o.port} v${o.major}${o.snapshotId ? ` @${o.snapshotId}` : ''} (${o.rowCount ?? 0} rows)`)
      .join(', ');
    out.line(`${statusText(out, s.status)} ${r.productId} ${outputs} in ${(s.ms / 1000).toFixed(1)}s — run ${s.runId}`);
    if (s.error) out.line(`    ${out.style.red(s.error.code)} ${s.error.message.split('\n').join('\n    ')}`);
    for (const rejected of s.rejects)
      out.line(
        `    ${rejected.count} rows rejected from input ${rejected.input}${rejected.mode === 'reject' ? ' (kept out, see the run)' : ''}`,
      );
  }
}

function statusText(out: CliOutput, status: string): string {
  return status === 'succeeded'
    ? out.style.green('✓ succeeded')
    : status === 'running'
      ? out.style.cyan('… running')
      : out.style.red(`✗ ${status}`);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseParams(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new InputError('MW8012', `--param "${pair}" is not name=value`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}
