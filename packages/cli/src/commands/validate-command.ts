/** `mesh validate [dir]`: every problem in the workspace at once; exit 1 when any is an error. */
import type { Command } from 'commander';
import { hasErrors, sortDiagnostics } from '@meshwork/core';
import { loadAccessPolicies, loadGovernance } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { printDiagnostics, summarize } from '../output/print-diagnostics.js';

export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check every descriptor, contract, pipeline, access and governance policy, and the rules across files')
    .argument('[dir]', 'workspace folder (default: the workspace containing the working directory)')
    .option('--json', 'print diagnostics as JSON')
    .action(async (dir: string | undefined, options: { json?: boolean }) => {
      const out = outputFor(ctx, options);
      const started = performance.now();
      const workspace = await openWorkspace(ctx, dir);
      const { model, root } = workspace;
      // Policies are code of the workspace too: a broken access policy makes the server deny
      // everything, a broken governance policy is left out of every check.
      const diagnostics = sortDiagnostics([
        ...workspace.diagnostics,
        ...loadAccessPolicies(root, model).diagnostics,
        ...loadGovernance(root, model).diagnostics,
      ]);
      const { errors, warnings } = summarize(diagnostics);
      if (options.json) {
        out.value({ root, ok: errors === 0, errors, warnings, products: model.products.size, diagnostics });
      } else {
        printDiagnostics(out, diagnostics);
        const elapsed = Math.round(performance.now() - started);
        const summary = `${model.domains.size} domains, ${model.products.size} products: ${errors} errors, ${warnings} warnings (${elapsed} ms)`;
        out.line(errors === 0 ? out.style.green(`✓ ${summary}`) : out.style.red(`✗ ${summary}`));
      }
      if (hasErrors(diagnostics)) ctx.exitCode = 1;
    });
}
