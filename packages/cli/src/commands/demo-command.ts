/**
 * `mesh demo <dir>` (what `npm start` runs): validates the demo mesh, registers it in its
 * metadata store and says what to try. The server (portal, API, SQL) joins it as it is built.
 */
import type { Command } from 'commander';
import { hasErrors } from '@meshwork/core';
import { registerProducts } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withMetadataStore } from '../metadata-store-for.js';
import { printDiagnostics } from '../output/print-diagnostics.js';

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('validate and register the demo mesh, and show what to try')
    .argument('[dir]', 'demo workspace', 'examples/demo-mesh')
    .action(async (dir: string) => {
      const out = outputFor(ctx, {});
      const workspace = await openWorkspace(ctx, dir);
      const { model, diagnostics, root } = workspace;
      if (hasErrors(diagnostics)) {
        printDiagnostics(out, diagnostics);
        ctx.exitCode = 1;
        return;
      }
      const result = await withMetadataStore(ctx, workspace, (store) =>
        registerProducts(store, model, diagnostics, 'demo'),
      );
      const { bold, dim } = out.style;
      out.line(bold(`Meshwork demo mesh: ${model.name}`));
      out.line(
        `${model.domains.size} domains, ${model.products.size} products (${result.newVersions.length} new document versions registered)`,
      );
      out.line();
      out.table(
        ['product', 'archetype', 'status', 'owner', 'ports'],
        [...model.products.values()].map((p) => [
          p.id,
          p.archetype ?? '',
          p.status,
          p.ownerTeam ?? '',
          p.outputPorts.map((port) => `${port.name} v${port.major}`).join(', '),
        ]),
      );
      out.line();
      out.line(bold('Users'));
      for (const user of model.users.values())
        out.line(`  ${user.id.padEnd(8)} ${user.name} ${dim(`(${user.roles.join(', ')})`)}`);
      out.line();
      out.line(bold('Try'));
      out.line(`  cd ${dir}`);
      out.line('  npx mesh validate');
      out.line('  npx mesh show sales/orders');
      out.line('  npx mesh export odcs customers/customer-profile');
      out.line('  npx mesh audit verify');
      out.line(
        dim(
          `Workspace: ${root}. The server (portal, HTTP API, SQL on port 5433) arrives with the runtime and gateway.`,
        ),
      );
    });
}
