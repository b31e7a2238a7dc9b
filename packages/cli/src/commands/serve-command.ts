/** `mesh serve`: the HTTP API, the scheduler and the freshness monitor, until Ctrl-C. */
import type { Command } from 'commander';
import { startPlatform } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { printDiagnostics } from '../output/print-diagnostics.js';

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the workspace: HTTP API with its OpenAPI reference, scheduled runs, freshness SLOs')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'HTTP port (0: any free port)', '8080')
    .option('--wire-port <port>', 'PostgreSQL wire protocol port (0: any free port; default 5433)')
    .option('--no-wire', 'do not serve the PostgreSQL wire protocol')
    .option('--log', 'structured JSON request logs on stdout')
    .action(async (flags: { host: string; port: string; wirePort?: string; wire: boolean; log?: boolean }) => {
      const out = outputFor(ctx, {});
      const { root } = await openWorkspace(ctx);
      const platform = await startPlatform({
        root,
        env: ctx.env,
        host: flags.host,
        port: Number(flags.port),
        wirePort: flags.wire ? (flags.wirePort === undefined ? undefined : Number(flags.wirePort)) : false,
        logger: !!flags.log,
      });
      const policyErrors = platform.services.accessDiagnostics.filter((d) => d.severity === 'error');
      if (policyErrors.length > 0) {
        printDiagnostics(out, policyErrors);
        out.error(
          `${out.style.red('warning')} the access policies have errors: every request is denied until they are fixed (\`mesh validate\`)`,
        );
      }
      out.line(`Meshwork serving ${root}`);
      out.line(`  Portal      ${platform.url}/`);
      out.line(`  API         ${platform.url}/api/v1/products`);
      out.line(`  API docs    ${platform.url}/api/docs`);
      out.line(`  OpenAPI     ${platform.url}/api/openapi.json`);
      if (platform.wirePort !== undefined) {
        out.line(
          `  PostgreSQL  psql "host=${flags.host} port=${platform.wirePort} user=<principal> dbname=mesh" (password: an API token)`,
        );
      }
      for (const s of platform.schedule.scheduled)
        out.line(`  schedule    ${s.productId} "${s.schedule}" next ${s.next?.toISOString() ?? '—'}`);
      out.line('Press Ctrl-C to stop.');
      await ctx.waitForShutdown();
      out.note('stopping…');
      await platform.close();
      out.note('stopped');
    });
}
