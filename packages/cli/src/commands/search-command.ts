/**
 * `mesh search [words…]`: the catalog search of `GET /api/v1/search`, run in-process on the
 * workspace — the same index, facets and ranking, and only the products the principal (`--as`,
 * else MESHWORK_USER, as for `mesh query`) may discover. Freshness comes from the metadata store.
 */
import type { Command } from 'commander';
import {
  createCatalogSearch,
  createFreshnessView,
  loadAccessPolicies,
  searchQueryFrom,
  SEARCH_FACETS,
  type SearchResults,
} from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withMetadataStore } from '../metadata-store-for.js';
import type { CliOutput } from '../output/cli-output.js';
import { principalFor } from '../principal-for.js';
import { collect } from './query-options.js';

interface SearchFlags {
  as?: string;
  json?: boolean;
  limit?: string;
  offset?: string;
  domain: string[];
  archetype: string[];
  status: string[];
  tag: string[];
  classification: string[];
  owner: string[];
  freshness: string[];
}

export function registerSearch(program: Command, ctx: CliContext): void {
  program
    .command('search')
    .description('search the catalog: products by name, description, tags, columns and glossary terms')
    .argument('[words...]', 'what to find (typos and prefixes allowed); none lists the catalog')
    .option('--as <principal>', 'search as this user or service account (default: MESHWORK_USER)')
    .option('--domain <domain>', 'only this domain (repeatable)', collect, [])
    .option('--archetype <archetype>', 'source-aligned, aggregate or consumer-aligned (repeatable)', collect, [])
    .option('--status <status>', 'lifecycle status, e.g. active (repeatable)', collect, [])
    .option('--tag <tag>', 'only products with this tag (repeatable)', collect, [])
    .option('--classification <class>', 'only products with a column of this classification (repeatable)', collect, [])
    .option('--owner <team>', 'only products owned by this team (repeatable)', collect, [])
    .option('--freshness <bucket>', 'fresh, stale or unknown (repeatable)', collect, [])
    .option('--limit <n>', 'results per page (1-100, default 20)')
    .option('--offset <n>', 'results to skip')
    .option('--json', 'print the results as JSON (the API response)')
    .action(async (words: string[], flags: SearchFlags) => {
      const out = outputFor(ctx, flags);
      const query = searchQueryFrom({
        q: words.join(' '),
        ...(flags.limit !== undefined ? { limit: Number(flags.limit) } : {}),
        ...(flags.offset !== undefined ? { offset: Number(flags.offset) } : {}),
        ...Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, flags[facet]])),
      });
      const workspace = await openWorkspace(ctx);
      const { model, root } = workspace;
      const principal = principalFor(ctx, model, flags.as);
      const freshness = await withMetadataStore(ctx, workspace, async (store) => {
        const view = createFreshnessView(store, model);
        await view.refresh();
        return view;
      });
      const authorizer = loadAccessPolicies(root, model).authorizer;
      const results = createCatalogSearch(model, { freshness: freshness.bucket }).search(
        query,
        (productId) => authorizer.isAllowed(principal, 'discover', { kind: 'product', productId }).allowed,
      );
      if (flags.json) out.value(results);
      else printResults(out, results, query.offset);
    });
}

function printResults(out: CliOutput, results: SearchResults, offset: number): void {
  if (results.total === 0) {
    out.note('No products found: try fewer words, or remove a filter.');
    return;
  }
  out.table(
    ['id', 'title', 'domain', 'score'],
    results.items.map((hit) => [hit.id, hit.title, hit.domain, hit.score.toFixed(2)]),
  );
  const shown = results.items.length;
  out.line(out.style.dim(`${offset + 1}–${offset + shown} of ${results.total}`));
  for (const facet of SEARCH_FACETS) {
    const counts = results.facets[facet];
    if (counts.length === 0) continue;
    out.line(`${out.style.bold(facet)}: ${counts.map((c) => `${c.value} (${c.count})`).join(', ')}`);
  }
}
