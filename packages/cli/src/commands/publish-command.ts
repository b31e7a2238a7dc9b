/**
 * `mesh publish [product…]`: the producer's release step — pass the governance gate (every
 * blocking policy, on the workspace and on the data profile of the latest build), register the
 * descriptor and contract versions (published versions are immutable), then build and publish
 * the data in dependency order. The gate runs before registration: the versioning policy compares
 * the workspace's contracts with the versions published so far. Webhook subscribers hear of a
 * publish refused for breaking changes (`contract.breaking-change`, with the consumers affected)
 * and of deprecations published for the first time (`port.deprecated`).
 */
import type { Command } from 'commander';
import { ConflictError } from '@meshwork/core';
import {
  announceDeprecations,
  announceRefusedBreakingChanges,
  assertPublishable,
  loadGovernance,
  registerProducts,
} from '@meshwork/server';
import { governanceCheckFor } from '../governance-for.js';
import { printFindings } from '../output/print-findings.js';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withLifecycle } from '../lifecycle-for.js';
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
        withLifecycle(ctx, workspace, store, async ({ context: lifecycle }) => {
          // Governance fails closed: a policy that does not load would silently not be enforced.
          const governance = loadGovernance(workspace.root, workspace.model);
          const broken = governance.diagnostics.filter((d) => d.severity === 'error');
          if (broken.length > 0) {
            throw new ConflictError(
              'MW5614',
              `publishing refused: ${broken.length} problems in the governance policies`,
              broken,
            );
          }
          const { check } = await governanceCheckFor(workspace, store, {
            ...(only ? { only } : {}),
            trigger: 'publish',
            actor: cliActor(ctx),
            governance,
          });
          if (!out.json && check.report.findings.length > 0) printFindings(out, check.report.findings);
          if (check.blocking.length > 0) {
            await store.appendAudit({
              actor: cliActor(ctx),
              action: 'governance.publish-refused',
              resource: only?.length === 1 ? `urn:meshwork:product:${only[0]}` : 'urn:meshwork:products',
              details: {
                products: [...new Set(check.blocking.map((f) => f.productId))].slice(0, 100),
                findings: check.blocking.slice(0, 100).map((f) => ({
                  policy: f.policyId,
                  product: f.productId,
                  port: f.port ?? null,
                  column: f.column ?? null,
                  message: f.message,
                })),
              },
            });
            // Consumers a breaking change would have broken are told it was refused (once per attempt and port).
            await announceRefusedBreakingChanges(lifecycle, check.blocking, governance.policies).catch(
              (error: unknown) => out.error(`breaking changes not announced: ${String(error)}`),
            );
          }
          assertPublishable(check);
          const result = await registerProducts(store, workspace.model, workspace.diagnostics, cliActor(ctx), only);
          // A deprecated contract published for the first time is announced to its consumers.
          await announceDeprecations(lifecycle, { actor: cliActor(ctx), ...(only ? { only } : {}) }).catch(
            (error: unknown) => out.error(`deprecations not announced: ${String(error)}`),
          );
          return result;
        }),
      );
      out.note(`registered ${registered.newVersions.length} new document versions (${registered.unchanged} unchanged)`);
      const withPipelines = (only ?? [...workspace.model.products.keys()]).filter(
        (id) => workspace.model.products.get(id)?.pipeline,
      );
      await runAndReport(ctx, withPipelines, { ...flags, all: false }, 'publish');
    });
}
