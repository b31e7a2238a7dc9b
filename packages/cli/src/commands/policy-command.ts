/**
 * `mesh policy test [dir]`: runs the access policy tests of `policies/access/tests/` against the
 * workspace's Cedar policies, masks and row filters; exit 1 when a case fails or a policy file
 * has errors.
 */
import type { Command } from 'commander';
import { hasErrors } from '@meshwork/core';
import { runAccessPolicyTests, type PolicyTestReport } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import type { CliOutput } from '../output/cli-output.js';
import { printDiagnostics, summarize } from '../output/print-diagnostics.js';

export function registerPolicy(program: Command, ctx: CliContext): void {
  const policy = program.command('policy').description('access policies as code: Cedar policies, masks, row filters');

  policy
    .command('test')
    .description('run the policy tests of policies/access/tests/ against the access policies')
    .argument('[dir]', 'workspace folder (default: the workspace containing the working directory)')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string | undefined, options: { json?: boolean }) => {
      const out = outputFor(ctx, options);
      const workspace = await openWorkspace(ctx, dir);
      const started = performance.now();
      const report = runAccessPolicyTests(workspace.root, workspace.model);
      // Policies are checked against the model: a broken workspace makes their results unreliable.
      const workspaceErrors = workspace.diagnostics.filter((d) => d.severity === 'error');
      const diagnostics = [...workspaceErrors, ...report.diagnostics];
      const ok = report.ok && !hasErrors(diagnostics);
      if (options.json) {
        out.value({
          root: workspace.root,
          ok,
          passed: report.passed,
          failed: report.failed,
          untested: report.untested,
          cases: report.cases,
          diagnostics,
        });
      } else {
        printReport(out, report);
        printDiagnostics(out, diagnostics);
        const { errors, warnings } = summarize(diagnostics);
        const elapsed = Math.round(performance.now() - started);
        const summary = `${report.passed} passed, ${report.failed} failed; ${errors} errors, ${warnings} warnings (${elapsed} ms)`;
        out.line(ok ? out.style.green(`✓ ${summary}`) : out.style.red(`✗ ${summary}`));
        if (report.cases.length === 0 && !hasErrors(diagnostics)) {
          out.note('no policy tests: add cases in policies/access/tests/*.yaml');
        } else if (report.untested.length > 0) {
          out.note(`not exercised by any test: ${report.untested.join(', ')}`);
        }
      }
      if (!ok) ctx.exitCode = 1;
    });
}

function printReport(out: CliOutput, report: PolicyTestReport): void {
  let file: string | undefined;
  for (const result of report.cases) {
    if (result.file !== file) {
      file = result.file;
      out.line(out.style.bold(file));
    }
    const mark = result.passed ? out.style.green('✓') : out.style.red('✗');
    out.line(`  ${mark} ${result.name}${result.passed ? '' : out.style.dim(`  (line ${result.line})`)}`);
    for (const failure of result.failures) out.line(`      ${out.style.red(failure)}`);
  }
}
