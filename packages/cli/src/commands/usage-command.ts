/**
 * `mesh usage <domain.product> [--since 30d|<date>] [--queries] --as <principal>`: who consumes a
 * product and how — queries, rows, bytes, time, purposes and agreements per consumer, or its
 * recent queries — read from the workspace's metadata store (what `mesh serve` recorded). The
 * rule is the HTTP API's: whoever the access policies let approve access to the product sees it;
 * a product the principal may not discover is "not found", as over HTTP.
 */
import type { Command } from 'commander';
import { InputError, MESH_FILE, NotFoundError, hasErrors, type Diagnostic } from '@meshwork/core';
import {
  loadAccessPolicies,
  parseUsageSince,
  requireUsageAccess,
  type DiskLoadResult,
  type MetadataStore,
  type QueryUsageRecord,
  type QueryUsageSummary,
} from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withMetadataStore } from '../metadata-store-for.js';
import type { CliOutput } from '../output/cli-output.js';
import { principalFor } from '../principal-for.js';

interface UsageFlags {
  as?: string;
  since?: string;
  queries?: boolean;
  limit: string;
  after?: string;
  json?: boolean;
}

export function registerUsage(program: Command, ctx: CliContext): void {
  program
    .command('usage')
    .description('who consumes a product and how: queries, rows, bytes, purposes and agreements per consumer')
    .argument('<product>', 'domain.product (or domain/product)')
    .option('--since <when>', 'from: a period such as 30d, 12h or 4w, a date YYYY-MM-DD or an ISO time', '30d')
    .option('--queries', 'list recent queries, newest first, instead of the summary per consumer')
    .option('--limit <n>', 'with --queries: at most this many (1-1000)', '50')
    .option('--after <cursor>', 'with --queries: the page after this cursor (printed when there are more)')
    .option('--as <principal>', 'the user or service account asking (default: $MESHWORK_USER)')
    .option('--json', 'print JSON')
    .action(async (ref: string, flags: UsageFlags) => {
      const out = outputFor(ctx, flags);
      const workspace = await openUsageWorkspace(ctx);
      const principal = principalFor(ctx, workspace.model, flags.as);
      const productId = ref.replace('/', '.');
      const { authorizer } = loadAccessPolicies(workspace.root, workspace.model);
      const discoverable =
        workspace.model.products.has(productId) &&
        authorizer.isAllowed(principal, 'discover', { kind: 'product', productId }).allowed;
      if (!discoverable) throw new NotFoundError('MW8013', `no product "${ref}"`);
      requireUsageAccess(authorizer, principal, productId);
      const since = parseUsageSince(flags.since, new Date());
      await withMetadataStore(ctx, workspace, (store) =>
        flags.queries ? printQueries(out, store, productId, flags) : printSummary(out, store, productId, since),
      );
    });
}

async function printSummary(out: CliOutput, store: MetadataStore, productId: string, since: Date): Promise<void> {
  const consumers = await store.summarizeQueryUsage(productId, since);
  if (out.json) return out.value({ productId, since: since.toISOString(), consumers });
  if (consumers.length === 0) {
    out.note(`no queries of ${productId} since ${since.toISOString()}`);
    return;
  }
  out.table(
    ['consumer', 'queries', 'failed', 'rows', 'bytes', 'time', 'last query', 'purposes', 'agreements'],
    consumers.map((c: QueryUsageSummary) => [
      c.principalId,
      String(c.queries),
      c.failed + c.cancelled > 0 ? out.style.red(String(c.failed + c.cancelled)) : '0',
      String(c.rows),
      bytesText(c.bytes),
      durationText(c.durationMs),
      c.lastQueryAt,
      c.purposes.join('; '),
      c.agreementIds.join(', '),
    ]),
  );
  out.note(`${productId} since ${since.toISOString()}; failed counts failed and cancelled queries`);
}

async function printQueries(out: CliOutput, store: MetadataStore, productId: string, flags: UsageFlags) {
  // The store refuses a limit outside 1–1000 and a foreign cursor (MW6103).
  const page = await store.listQueryUsage({ productId, limit: Number(flags.limit), after: flags.after });
  if (out.json) return out.value(page);
  out.table(
    ['started', 'consumer', 'status', 'rows', 'bytes', 'time', 'purpose', 'agreements'],
    page.items.map((q: QueryUsageRecord) => [
      q.startedAt,
      q.principalId,
      q.status === 'ok' ? 'ok' : out.style.red(`${q.status}${q.errorCode ? ` ${q.errorCode}` : ''}`),
      String(q.rows),
      bytesText(q.bytes),
      durationText(q.durationMs),
      q.purpose ?? '',
      q.agreementIds.join(', '),
    ]),
  );
  if (page.next !== undefined) out.note(`more: mesh usage ${productId} --queries --after ${page.next}`);
}

/** The workspace, refusing a mesh.yaml with errors: principals come from it. */
async function openUsageWorkspace(ctx: CliContext): Promise<DiskLoadResult> {
  const workspace = await openWorkspace(ctx);
  const meshErrors: Diagnostic[] = workspace.diagnostics.filter((d) => d.severity === 'error' && d.file === MESH_FILE);
  if (hasErrors(meshErrors)) {
    throw new InputError('MW8008', 'mesh.yaml has validation errors; fix them first (`mesh validate`)', meshErrors);
  }
  return workspace;
}

function bytesText(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

function durationText(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
