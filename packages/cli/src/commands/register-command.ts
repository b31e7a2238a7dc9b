/**
 * `mesh register [product…]`: record the workspace's products and document versions in the
 * metadata store. A deprecated contract registered for the first time is announced (`port.deprecated`).
 */
import type { Command } from 'commander';
import { announceDeprecations, registerProducts } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withLifecycle } from '../lifecycle-for.js';
import { cliActor, withMetadataStore } from '../metadata-store-for.js';
import { findProduct } from './product-ref.js';

export function registerRegister(program: Command, ctx: CliContext): void {
  program
    .command('register')
    .description('record products and every descriptor/contract version in the metadata store (versions are immutable)')
    .argument('[products...]', 'domain/product to register (default: all)')
    .option('--json', 'print the result as JSON')
    .action(async (refs: string[], options: { json?: boolean }) => {
      const out = outputFor(ctx, options);
      const workspace = await openWorkspace(ctx);
      const only = refs.length > 0 ? refs.map((r) => findProduct(workspace.model, r).id) : undefined;
      const result = await withMetadataStore(ctx, workspace, (store) =>
        withLifecycle(ctx, workspace, store, async ({ context }) => {
          const registered = await registerProducts(store, workspace.model, workspace.diagnostics, cliActor(ctx), only);
          await announceDeprecations(context, { actor: cliActor(ctx), ...(only ? { only } : {}) }).catch(
            (error: unknown) => out.error(`deprecations not announced: ${String(error)}`),
          );
          return registered;
        }),
      );
      if (options.json) return out.value(result);
      for (const v of result.newVersions) out.line(`registered ${v.productId} ${v.kind} ${v.documentId} v${v.version}`);
      out.line(`${result.products} products: ${result.newVersions.length} new versions, ${result.unchanged} unchanged`);
    });
}
