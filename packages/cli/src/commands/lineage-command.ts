/**
 * `mesh lineage <ref> [--upstream|--downstream] [--depth N] [--columns] [--json]`: the lineage
 * around a product, port, column or external dataset — from the model, the column lineage the
 * workspace's runs recorded, and accepted OpenLineage events — read from the metadata store
 * without a server. With `--as` (or MESHWORK_USER) only what that principal may discover is
 * shown, as over HTTP; without either, everything in the workspace.
 */
import type { Command } from 'commander';
import { InputError, type MeshModel } from '@meshwork/core';
import {
  DEFAULT_LINEAGE_DEPTH,
  loadAccessPolicies,
  loadLineageGraph,
  MAX_LINEAGE_DEPTH,
  queryLineage,
  type DiskLoadResult,
  type LineageAccess,
  type LineageDirection,
} from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withMetadataStore } from '../metadata-store-for.js';
import { printLineage } from '../output/print-lineage.js';
import { principalFor } from '../principal-for.js';

interface LineageFlags {
  upstream?: boolean;
  downstream?: boolean;
  depth?: string;
  columns?: boolean;
  as?: string;
  json?: boolean;
}

export const REF_HELP =
  'sales.orders, sales.orders.orders (current major), …orders@2 or …orders_v2, sales.orders.orders.amount, or <namespace>/<name>';

export function registerLineage(program: Command, ctx: CliContext): void {
  program
    .command('lineage')
    .description('show where a product, port or column comes from and what it feeds, with column transforms')
    .argument('<ref>', REF_HELP)
    .option('--upstream', 'only what it comes from')
    .option('--downstream', 'only what it feeds')
    .option('--depth <n>', `hops to follow, 1-${MAX_LINEAGE_DEPTH}`, String(DEFAULT_LINEAGE_DEPTH))
    .option('--columns', 'follow column lineage too (always for a column)')
    .option('--as <principal>', 'only what this user or service account may discover (default: MESHWORK_USER)')
    .option('--json', 'print JSON (the API response)')
    .action(async (ref: string, flags: LineageFlags) => {
      const out = outputFor(ctx, flags);
      const depth = parseDepth(flags.depth);
      const direction: LineageDirection =
        flags.upstream === flags.downstream ? 'both' : flags.upstream ? 'upstream' : 'downstream';
      const workspace = await openWorkspace(ctx);
      const access = lineageAccessFor(ctx, workspace, flags.as);
      const graph = await withMetadataStore(ctx, workspace, (store) => loadLineageGraph(workspace.model, store));
      const result = queryLineage(graph, ref, { direction, depth, columns: flags.columns === true }, access);
      if (flags.json) out.value(result);
      else printLineage(out, result);
    });
}

/** What the principal of `--as` (else MESHWORK_USER) may see; undefined (everything) without one. */
export function lineageAccessFor(
  ctx: CliContext,
  workspace: DiskLoadResult,
  as: string | undefined,
): LineageAccess | undefined {
  if (as === undefined && ctx.env.MESHWORK_USER === undefined) return undefined;
  const model: MeshModel = workspace.model;
  const principal = principalFor(ctx, model, as);
  const { authorizer } = loadAccessPolicies(workspace.root, model);
  return {
    discover: (productId) => authorizer.isAllowed(principal, 'discover', { kind: 'product', productId }).allowed,
    seeConsumers: (productId) => authorizer.isAllowed(principal, 'approve', { kind: 'product', productId }).allowed,
  };
}

function parseDepth(value: string | undefined): number {
  const depth = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || depth < 1 || depth > MAX_LINEAGE_DEPTH) {
    throw new InputError(
      'MW8823',
      `--depth must be a whole number from 1 to ${MAX_LINEAGE_DEPTH}; got ${JSON.stringify(value)}`,
    );
  }
  return depth;
}
