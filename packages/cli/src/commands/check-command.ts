/**
 * `mesh check [product…]`: validation plus every governance policy, on the workspace and on the
 * data profile of the latest builds. Prints every finding with policy, severity, product, file,
 * line, field, why and how to fix; exit 1 when validation has errors or a blocking policy fails.
 * A check of the whole mesh is recorded in the compliance history.
 */
import type { Command } from 'commander';
import { hasErrors, sortDiagnostics } from '@meshwork/core';
import { loadAccessPolicies } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { governanceCheckFor } from '../governance-for.js';
import { cliActor, withMetadataStore } from '../metadata-store-for.js';
import { printDiagnostics, summarize } from '../output/print-diagnostics.js';
import { countFindings, printFindings } from '../output/print-findings.js';
import { findProduct } from './product-ref.js';

export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('validate the workspace and run every governance policy (default: on every product)')
    .argument('[products...]', 'domain/product or domain.product to check')
    .option('--json', 'print the report as JSON')
    .action(async (refs: string[], options: { json?: boolean }) => {
      const out = outputFor(ctx, options);
      const started = performance.now();
      const workspace = await openWorkspace(ctx);
      const { model, root } = workspace;
      const only = refs.length > 0 ? refs.map((ref) => findProduct(model, ref).id) : undefined;
      const { governance, check } = await withMetadataStore(ctx, workspace, (store) =>
        governanceCheckFor(workspace, store, { ...(only ? { only } : {}), trigger: 'check', actor: cliActor(ctx) }),
      );
      const diagnostics = sortDiagnostics([
        ...workspace.diagnostics,
        ...loadAccessPolicies(root, model).diagnostics,
        ...governance.diagnostics,
      ]);
      const counts = countFindings(check.report.findings);
      const ok = !hasErrors(diagnostics) && check.blocking.length === 0;
      if (options.json) {
        out.value({
          root,
          ok,
          products: check.report.productCount,
          policies: check.report.policyCount,
          ...counts,
          findings: check.report.findings,
          compliance: check.report.counts,
          diagnostics,
          ...(check.checkId ? { checkId: check.checkId } : {}),
        });
      } else {
        printDiagnostics(out, diagnostics);
        printFindings(out, check.report.findings);
        const { errors, warnings } = summarize(diagnostics);
        const elapsed = Math.round(performance.now() - started);
        const summary =
          `${check.report.productCount} products, ${check.report.policyCount} policies: ` +
          `${counts.blocking} blocking, ${plural(counts.errors, 'policy error')}, ${plural(counts.warnings, 'warning')}, ${counts.waived} waived; ` +
          `validation ${plural(errors, 'error')}, ${plural(warnings, 'warning')} (${elapsed} ms)`;
        out.line(ok ? out.style.green(`✓ ${summary}`) : out.style.red(`✗ ${summary}`));
      }
      if (!ok) ctx.exitCode = 1;
    });
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
