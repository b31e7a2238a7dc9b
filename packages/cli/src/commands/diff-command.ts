/**
 * `mesh diff <product>`: what changed in a product's contracts, each change classified
 * breaking / risky / non-breaking for consumers. By default the newest published version of
 * each port's contract against the workspace; `--fail-on` turns the verdict into an exit code
 * for CI.
 */
import { Option, type Command } from 'commander';
import { CHANGE_SEVERITIES, type ChangeSeverity } from '@meshwork/core';
import { diffProductContracts, WORKSPACE_VERSION } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withMetadataStore } from '../metadata-store-for.js';
import { printContractDiff } from '../output/print-contract-diff.js';
import { findProduct } from './product-ref.js';

interface DiffFlags {
  port?: string;
  fromPort?: string;
  from?: string;
  to?: string;
  failOn?: 'breaking' | 'risky';
  json?: boolean;
}

export function registerDiff(program: Command, ctx: CliContext): void {
  program
    .command('diff')
    .description(
      "show what changed in a product's contracts, classified breaking / risky / non-breaking (default: newest published → workspace)",
    )
    .argument('<domain/product>', 'e.g. sales/orders')
    .option('--port <name>', 'only this output port: name, or name@major for one major version')
    .option(
      '--from <version>',
      `a registered version of the contract, or ${WORKSPACE_VERSION} (default: the newest registered)`,
    )
    .option('--to <version>', `a registered version of the contract, or ${WORKSPACE_VERSION} (the default)`)
    .option(
      '--from-port <name>',
      "compare from another port's contract, e.g. orders@1 (default target: the newest other major of that port)",
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a change is this severe or worse').choices(['breaking', 'risky']),
    )
    .option('--json', 'print JSON')
    .action(async (ref: string, flags: DiffFlags) => {
      const out = outputFor(ctx, flags);
      const workspace = await openWorkspace(ctx);
      const product = findProduct(workspace.model, ref);
      const { port, fromPort, from, to } = flags;
      const diff = await withMetadataStore(ctx, workspace, (store) =>
        diffProductContracts(store, product, { port, fromPort, from, to }),
      );
      const errors = workspace.diagnostics.filter((d) => d.severity === 'error').length;
      if (errors > 0) out.note(`the workspace has ${errors} validation errors (\`mesh validate\`)`);
      if (flags.json) out.value(diff);
      else printContractDiff(out, product, diff);
      if (flags.failOn && atLeast(diff.overall, flags.failOn)) ctx.exitCode = 1;
    });
}

function atLeast(overall: ChangeSeverity | 'none', threshold: ChangeSeverity): boolean {
  return overall !== 'none' && CHANGE_SEVERITIES.indexOf(overall) >= CHANGE_SEVERITIES.indexOf(threshold);
}
