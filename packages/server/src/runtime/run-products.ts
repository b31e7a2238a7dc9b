/**
 * `mesh run`: builds products in dependency order — independent products in parallel up to a
 * limit — each through runProduct (write, audit, publish). A product whose upstream failed in
 * the same invocation is skipped, not run against stale data.
 */
import { InputError, type Diagnostic } from '@meshwork/core';
import { productRecord } from '../catalog/product-record.js';
import { runDag, DagCycleError } from './run-dag.js';
import { overridesByProduct } from './run-parameters.js';
import { runProduct, type RunOptions, type RunSummary } from './run-product.js';
import type { RuntimeContext } from './runtime-context.js';

export interface RunProductsOptions extends RunOptions {
  /** How many products build at once (default 2). */
  readonly parallel?: number;
}

export type ProductRunResult =
  | { readonly productId: string; readonly outcome: 'succeeded' | 'failed'; readonly summary: RunSummary }
  | { readonly productId: string; readonly outcome: 'skipped'; readonly blockedBy: string };

export async function runProducts(
  ctx: RuntimeContext,
  diagnostics: readonly Diagnostic[],
  selection: readonly string[] | 'all',
  options: RunProductsOptions,
): Promise<ProductRunResult[]> {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new InputError('MW8008', 'the workspace has validation errors; fix them first (`mesh validate`)', errors);
  const ids =
    selection === 'all' ? [...ctx.model.products.values()].filter((p) => p.pipeline).map((p) => p.id) : selection;
  const products = ids.map((id) => {
    const product = ctx.model.products.get(id);
    if (!product) throw new InputError('MW8013', `no product "${id}" in the workspace`);
    if (!product.pipeline) throw new InputError('MW8011', `${id} has no pipeline.yaml to run`);
    return product;
  });
  const parameters = overridesByProduct(
    products.map((p) => ({ id: p.id, declared: p.pipeline?.definition.parameters })),
    options.parameters ?? {},
    (ctx.clock ?? (() => new Date()))(),
  );
  for (const product of products) await ctx.store.upsertProduct(productRecord(ctx.model, product));
  await ctx.warehouse.recover();
  try {
    const results = await runDag(
      ids,
      (id) => ctx.model.products.get(id)?.dependsOn ?? [],
      options.parallel ?? 2,
      async (id) => {
        const summary = await runProduct(ctx, id, { ...options, parameters: parameters.get(id) });
        if (summary.status === 'failed') throw new FailedRun(summary);
        return summary;
      },
    );
    return results.map((r): ProductRunResult => {
      if (r.outcome === 'skipped') {
        ctx.observer?.({ type: 'run-skipped', productId: r.node, blockedBy: r.blockedBy! });
        return { productId: r.node, outcome: 'skipped', blockedBy: r.blockedBy! };
      }
      if (r.outcome === 'succeeded') return { productId: r.node, outcome: 'succeeded', summary: r.value! };
      if (r.error instanceof FailedRun) return { productId: r.node, outcome: 'failed', summary: r.error.summary };
      throw r.error;
    });
  } catch (error) {
    if (error instanceof DagCycleError)
      throw new InputError('MW3007', `products form a dependency cycle: ${error.cycle.join(' → ')}`);
    throw error;
  } finally {
    // Listeners' store writes (the lineage record) land before the caller may close the store.
    await Promise.all((ctx.listeners ?? []).map((l) => l.idle?.().catch(() => undefined)));
  }
}

class FailedRun extends Error {
  constructor(readonly summary: RunSummary) {
    super(summary.error?.message ?? 'run failed');
  }
}
