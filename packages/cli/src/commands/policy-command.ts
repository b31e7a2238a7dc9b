/**
 * `mesh policy test [dir]`: runs the access policy tests of `policies/access/tests/` against the
 * workspace's Cedar policies, masks and row filters, and the governance policy tests (the
 * workspace's and those of the built-ins it enables); exit 1 when a case fails or a policy file
 * has errors. `simulate`, `list`, `show` and `waivers` live in policy-governance-commands.ts.
 */
import type { Command } from 'commander';
import { hasErrors } from '@meshwork/core';
import {
  loadGovernance,
  runAccessPolicyTests,
  runGovernanceTests,
  type GovernanceTestReport,
  type PolicyTestReport,
} from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import type { CliOutput } from '../output/cli-output.js';
import { printDiagnostics, summarize } from '../output/print-diagnostics.js';
import { registerGovernancePolicyCommands } from './policy-governance-commands.js';

export function registerPolicy(program: Command, ctx: CliContext): void {
  const policy = program
    .command('policy')
    .description('policies as code: access (Cedar, masks, row filters) and governance (publish-time checks)');

  policy
    .command('test')
    .description('run the tests of the access policies and of the governance policies')
    .argument('[dir]', 'workspace folder (default: the workspace containing the working directory)')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string | undefined, options: { json?: boolean }) => {
      const out = outputFor(ctx, options);
      const workspace = await openWorkspace(ctx, dir);
      const started = performance.now();
      const report = runAccessPolicyTests(workspace.root, workspace.model);
      const governance = loadGovernance(workspace.root, workspace.model);
      const governed = runGovernanceTests(governance);
      // Policies are checked against the model: a broken workspace makes their results unreliable.
      const workspaceErrors = workspace.diagnostics.filter((d) => d.severity === 'error');
      const diagnostics = [
        ...workspaceErrors,
        ...report.diagnostics,
        ...governance.diagnostics,
        ...governed.diagnostics,
      ];
      const ok = report.ok && governed.ok && !hasErrors(diagnostics);
      if (options.json) {
        out.value({
          root: workspace.root,
          ok,
          passed: report.passed,
          failed: report.failed,
          untested: report.untested,
          cases: report.cases,
          governance: governed,
          diagnostics,
        });
      } else {
        printReport(out, report);
        printGovernanceReport(out, governed);
        printDiagnostics(out, diagnostics);
        const { errors, warnings } = summarize(diagnostics);
        const elapsed = Math.round(performance.now() - started);
        const passed = report.passed + governed.passed;
        const failed = report.failed + governed.failed;
        const summary = `${passed} passed, ${failed} failed; ${errors} errors, ${warnings} warnings (${elapsed} ms)`;
        out.line(ok ? out.style.green(`✓ ${summary}`) : out.style.red(`✗ ${summary}`));
        if (report.cases.length === 0 && !hasErrors(diagnostics)) {
          out.note('no policy tests: add cases in policies/access/tests/*.yaml');
        } else if (report.untested.length + governed.untested.length > 0) {
          out.note(`not exercised by any test: ${[...report.untested, ...governed.untested].join(', ')}`);
        }
      }
      if (!ok) ctx.exitCode = 1;
    });
  registerGovernancePolicyCommands(policy, ctx);
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

function printGovernanceReport(out: CliOutput, report: GovernanceTestReport): void {
  let file: string | undefined;
  for (const result of report.results) {
    if (result.file !== file) {
      file = result.file;
      out.line(out.style.bold(file));
    }
    const mark = result.passed ? out.style.green('✓') : out.style.red('✗');
    const line = result.passed || result.line === undefined ? '' : out.style.dim(`  (line ${result.line})`);
    out.line(`  ${mark} ${result.policyId}: ${result.name}${line}`);
    if (!result.passed) {
      out.line(
        `      ${out.style.red(`expected ${result.expected}, got ${result.actual}${result.detail ? `: ${result.detail}` : ''}`)}`,
      );
    }
  }
}
