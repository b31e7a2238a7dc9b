/**
 * `mesh impact <ref> [--json]`: what a change to a product, port or column would affect — the
 * downstream products, ports and columns with their distance — and who would notice: agreements
 * in force on every affected port, recent queriers, the teams owning the downstream products.
 * Read from the workspace's metadata store, without a server; `--as` limits it as over HTTP.
 */
import type { Command } from 'commander';
import { analyzeImpact, loadLineageGraph } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withMetadataStore } from '../metadata-store-for.js';
import { printImpact } from '../output/print-impact.js';
import { lineageAccessFor, REF_HELP } from './lineage-command.js';

export function registerImpact(program: Command, ctx: CliContext): void {
  program
    .command('impact')
    .description('list the downstream products, ports and columns a change would affect, and their consumers')
    .argument('<ref>', REF_HELP)
    .option('--as <principal>', 'only what this user or service account may see (default: MESHWORK_USER)')
    .option('--json', 'print JSON (the API response)')
    .action(async (ref: string, flags: { as?: string; json?: boolean }) => {
      const out = outputFor(ctx, flags);
      const workspace = await openWorkspace(ctx);
      const access = lineageAccessFor(ctx, workspace, flags.as);
      const impact = await withMetadataStore(ctx, workspace, async (store) => {
        const graph = await loadLineageGraph(workspace.model, store);
        return analyzeImpact(graph, store, ref, {
          access,
          ownerOf: (productId) => workspace.model.products.get(productId)?.ownerTeam,
        });
      });
      if (flags.json) out.value(impact);
      else printImpact(out, impact);
    });
}
