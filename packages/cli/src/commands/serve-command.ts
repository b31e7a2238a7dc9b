/**
 * `mesh serve`: the HTTP API, the scheduler and the freshness monitor, until Ctrl-C or SIGTERM,
 * which stop it gracefully (docs/operations/monitoring.md). Logs are JSON lines on stdout when
 * stdout is not a terminal (the banner then goes to stderr), or as --log/--no-log/MESHWORK_LOG say.
 */
import { Option, type Command } from 'commander';
import { InputError } from '@meshwork/core';
import { startPlatform, type MetricsAccess } from '@meshwork/server';
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
    .option('--log', 'JSON logs on stdout (the default when stdout is not a terminal; MESHWORK_LOG=json)')
    .option('--no-log', 'no JSON logs (MESHWORK_LOG=off)')
    .addOption(
      new Option(
        '--metrics <access>',
        'who may read /metrics: auth (a service account or an administrator), public, off',
      )
        .choices(['auth', 'public', 'off'])
        .default('auth'),
    )
    .option(
      '--shutdown-grace <seconds>',
      'on Ctrl-C or SIGTERM, how long requests, queries and runs in progress may go on before they are cancelled',
      '20',
    )
    .action(async (flags: ServeFlags) => {
      const out = outputFor(ctx, {});
      const graceSeconds = shutdownGrace(flags.shutdownGrace);
      const jsonLogs = logsAsJson(flags.log, ctx.env.MESHWORK_LOG, !!ctx.streams.stdout.isTTY);
      // With JSON lines on stdout, the banner is for the terminal: stderr.
      const say = jsonLogs ? (text: string) => out.note(text) : (text: string) => out.line(text);
      const { root } = await openWorkspace(ctx);
      const platform = await startPlatform({
        root,
        env: ctx.env,
        host: flags.host,
        port: Number(flags.port),
        wirePort: flags.wire ? (flags.wirePort === undefined ? undefined : Number(flags.wirePort)) : false,
        logger: jsonLogs ? { stream: ctx.streams.stdout } : false,
        metrics: flags.metrics,
      });
      const policyErrors = platform.services.accessDiagnostics.filter((d) => d.severity === 'error');
      if (policyErrors.length > 0) {
        printDiagnostics(out, policyErrors);
        out.error(
          `${out.style.red('warning')} the access policies have errors: every request is denied until they are fixed (\`mesh validate\`)`,
        );
      }
      say(`Meshwork serving ${root}`);
      say(`  Portal      ${platform.url}/`);
      say(`  API         ${platform.url}/api/v1/products`);
      say(`  API docs    ${platform.url}/api/docs`);
      say(`  OpenAPI     ${platform.url}/api/openapi.json`);
      if (platform.wirePort !== undefined) {
        say(
          `  PostgreSQL  psql "host=${flags.host} port=${platform.wirePort} user=<principal> dbname=mesh" (password: an API token)`,
        );
      }
      for (const s of platform.schedule.scheduled)
        say(`  schedule    ${s.productId} "${s.schedule}" next ${s.next?.toISOString() ?? '—'}`);
      say('Press Ctrl-C to stop.');
      await ctx.waitForShutdown();
      out.note(`stopping… (work in progress gets ${graceSeconds} s; Ctrl-C again stops at once)`);
      const report = await platform.shutdown({ graceMs: graceSeconds * 1000 });
      out.note(report.cancelled ? `stopped (cancelled what still ran after ${graceSeconds} s)` : 'stopped');
    });
}

interface ServeFlags {
  host: string;
  port: string;
  wirePort?: string;
  wire: boolean;
  log?: boolean;
  metrics: MetricsAccess;
  shutdownGrace: string;
}

/** --log/--no-log, else MESHWORK_LOG (json|off), else JSON when stdout is not a terminal. */
function logsAsJson(flag: boolean | undefined, env: string | undefined, terminal: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env === undefined || env === '') return !terminal;
  if (env === 'json') return true;
  if (env === 'off') return false;
  throw new InputError('MW8305', `MESHWORK_LOG must be json or off, not ${JSON.stringify(env)}`);
}

function shutdownGrace(text: string): number {
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds < 0 || seconds > 3600) {
    throw new InputError(
      'MW8305',
      `--shutdown-grace must be a number of seconds from 0 to 3600, not ${JSON.stringify(text)}`,
    );
  }
  return seconds;
}
