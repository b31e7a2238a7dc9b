/**
 * `mesh publish [product…]`: the producer's release step — register the descriptor and
 * contract versions (published versions are immutable), then build and publish the data in
 * dependency order. Governance gates join here as they are built.
 */
import type { Command } from 'commander';
import { registerProducts } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { cliActor, withMetadataStore } from '../metadata-store-for.js';
import { findProduct } from './product-ref.js';
import { runAndReport } from './run-command.js';

export function registerPublish(program: Command, ctx: CliContext): void {
  program
    .command('publish')
    .description('register the product versions, then build, check and publish their data (default: every product)')
    .argument('[products...]', 'domain/product to publish')
    .option('--param <name=value>', 'run parameter (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--parallel <n>', 'products built at once', '2')
    .option('--json', 'print JSON')
    .action(async (refs: string[], flags: { param: string[]; parallel: string; json?: boolean }) => {
      const out = outputFor(ctx, flags);
      const workspace = await openWorkspace(ctx);
      const only = refs.length > 0 ? refs.map((r) => findProduct(workspace.model, r).id) : undefined;
      const registered = await withMetadataStore(ctx, workspace, (store) =>
        registerProducts(store, workspace.model, workspace.diagnostics, cliActor(ctx), only),
      );
      out.note(`registered ${registered.newVersions.length} new document versions (${registered.unchanged} unchanged)`);
      const withPipelines = (only ?? [...workspace.model.products.keys()]).filter(
        (id) => workspace.model.products.get(id)?.pipeline,
      );
      await runAndReport(ctx, withPipelines, { ...flags, all: false }, 'publish');
    });
}
