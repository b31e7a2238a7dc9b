/**
 * `mesh health [product] [--json]`: health scorecards from the workspace's metadata store (runs,
 * status history, agreements, usage) and a governance check run now (not recorded). Without a
 * product, every product as a table, best score first; with one, its components and evidence.
 * With `--as` (or MESHWORK_USER), only products that principal may discover.
 */
import type { Command } from 'commander';
import { NotFoundError, type MeshModel } from '@meshwork/core';
import { computeScorecards, loadAccessPolicies, type HealthScorecard } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { governanceCheckFor } from '../governance-for.js';
import { cliActor, withMetadataStore } from '../metadata-store-for.js';
import type { CliOutput } from '../output/cli-output.js';
import { principalFor } from '../principal-for.js';

interface HealthFlags {
  as?: string;
  json?: boolean;
}

export function registerHealth(program: Command, ctx: CliContext): void {
  program
    .command('health')
    .description('health scorecards: documentation, SLO attainment, quality, compliance, usage')
    .argument('[product]', 'domain.product (or domain/product); all products when absent')
    .option('--as <principal>', 'only products this user or service account may discover (default: $MESHWORK_USER)')
    .option('--json', 'print JSON')
    .action(async (ref: string | undefined, flags: HealthFlags) => {
      const out = outputFor(ctx, flags);
      const workspace = await openWorkspace(ctx);
      const visible = discoverFilter(ctx, workspace.root, workspace.model, flags.as);
      const productId = ref?.replace('/', '.');
      if (productId !== undefined && (!workspace.model.products.has(productId) || !visible(productId))) {
        throw new NotFoundError('MW8013', `no product "${ref}"`);
      }
      const cards = await withMetadataStore(ctx, workspace, async (store) => {
        const { governance, check } = await governanceCheckFor(workspace, store, { actor: cliActor(ctx) });
        const snapshot = { report: check.report, policies: governance.policies };
        return computeScorecards({ model: workspace.model, store, governance: () => snapshot }, new Date());
      });
      if (productId !== undefined) return printOne(out, cards.get(productId)!);
      const all = [...cards.values()]
        .filter((c) => visible(c.productId))
        .sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1));
      printAll(out, all);
    });
}

function discoverFilter(ctx: CliContext, root: string, model: MeshModel, as: string | undefined) {
  if (as === undefined && ctx.env.MESHWORK_USER === undefined) return () => true;
  const principal = principalFor(ctx, model, as);
  const { authorizer } = loadAccessPolicies(root, model);
  return (productId: string) => authorizer.isAllowed(principal, 'discover', { kind: 'product', productId }).allowed;
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

function printAll(out: CliOutput, cards: readonly HealthScorecard[]): void {
  if (out.json) return out.value({ items: cards });
  const names = ['documentation', 'slo', 'quality', 'compliance', 'usage'] as const;
  out.table(
    ['product', 'score', ...names],
    cards.map((card) => [
      card.productId,
      card.score.toFixed(1),
      ...names.map((n) => percent(card.components.find((c) => c.name === n)?.value ?? null)),
    ]),
  );
  out.note('— means no evidence yet; its weight goes to the other components (docs/reference/health.md)');
}

function printOne(out: CliOutput, card: HealthScorecard): void {
  if (out.json) return out.value(card);
  out.table(
    ['component', 'value', 'weight', 'summary'],
    card.components.map((c) => [c.name, percent(c.value), c.weight.toFixed(2), c.summary]),
  );
  out.note(`${card.productId}: health ${card.score.toFixed(1)} / 100 (computed ${card.computedAt})`);
}
