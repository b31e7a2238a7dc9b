/**
 * `mesh sql`: an interactive SQL shell over the governed gateway, as the principal named by
 * --as (or MESHWORK_USER). Results are tables; `\dt` and `\d` show what the principal may query.
 */
import type { Command } from 'commander';
import { NotFoundError } from '@meshwork/core';
import type { VisibleRelation } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withGateway } from '../gateway-for.js';
import type { CliOutput, CliStreams } from '../output/cli-output.js';
import { collectTable, printResultTable } from '../output/result-table.js';
import { printDeprecations } from '../output/print-deprecations.js';
import { principalFor } from '../principal-for.js';
import { runSqlShell } from '../sql-shell.js';
import { printRelations } from './query-command.js';
import { positiveInteger, TABLE_MAX_ROWS } from './query-options.js';

interface SqlFlags {
  as?: string;
  purpose?: string;
  maxRows?: number;
}

type Input = NodeJS.ReadableStream & { readonly isTTY?: boolean };

export function registerSql(program: Command, ctx: CliContext): void {
  program
    .command('sql')
    .description('an interactive SQL shell over the governed gateway (reads statements from stdin when piped)')
    .option('--as <principal>', 'the user or service account to query as (default: MESHWORK_USER)')
    .option('--purpose <purpose>', 'why you query: agreements and policies may depend on it')
    .option('--max-rows <n>', `rows shown per result (default ${TABLE_MAX_ROWS})`, positiveInteger)
    .action(async (flags: SqlFlags) => {
      const out = outputFor(ctx, {});
      const workspace = await openWorkspace(ctx);
      const principal = principalFor(ctx, workspace.model, flags.as);
      const input = stdinOf(ctx);
      const stdout = ctx.streams.stdout;
      const terminal = input.isTTY && isWritable(stdout) ? stdout : undefined;
      await withGateway(ctx, workspace, async (gateway) => {
        const failures = await runSqlShell({
          input,
          ...(terminal ? { terminal } : {}),
          out,
          actions: {
            run: async (sql, signal) => {
              const stream = await gateway.stream(
                principal,
                { sql, ...(flags.purpose !== undefined ? { purpose: flags.purpose } : {}) },
                { signal, onLimit: 'truncate', maxRows: flags.maxRows ?? TABLE_MAX_ROWS },
              );
              printDeprecations(out, stream);
              printResultTable(out, await collectTable(stream));
            },
            listRelations: async () => printRelations(out, 'table', await gateway.visibleRelations(principal)),
            describe: async (name) => describeRelation(out, await gateway.visibleRelations(principal), name),
          },
        });
        // A script with failing statements fails; a person at a terminal saw each error already.
        if (failures > 0 && !terminal) ctx.exitCode = 1;
      });
    });
}

function describeRelation(out: CliOutput, relations: readonly VisibleRelation[], name: string): void {
  const wanted = name.toLowerCase();
  const matches = relations.filter((r) =>
    wanted.includes('.') ? `${r.schema}.${r.name}` === wanted : r.name === wanted,
  );
  const relation = matches[0];
  // As the gateway does, a relation the principal may not query "does not exist".
  if (!relation || matches.length > 1) {
    throw new NotFoundError(
      'MW5004',
      matches.length > 1
        ? `${name} is ambiguous: ${matches.map((r) => `${r.schema}.${r.name}`).join(', ')}`
        : `relation ${name} does not exist`,
    );
  }
  out.line(
    out.style.bold(`${relation.schema}.${relation.name}`) +
      `  ${relation.productId} ${relation.port} v${relation.major}`,
  );
  if (relation.description) out.line(relation.description);
  out.table(
    ['column', 'type', 'nullable', 'masked', 'description'],
    relation.columns.map((c) => [
      c.name,
      c.typeName,
      c.nullable ? 'yes' : 'no',
      c.masked ? 'masked' : '',
      c.description ?? '',
    ]),
  );
}

/**
 * The standard input. CliStreams has no stdin yet, so a caller that wants to give one (a test)
 * adds `stdin` to the streams it passes; otherwise this is the process's.
 */
function stdinOf(ctx: CliContext): Input {
  const streams: CliStreams & { readonly stdin?: Input } = ctx.streams;
  return streams.stdin ?? process.stdin;
}

function isWritable(stream: CliStreams['stdout']): stream is CliStreams['stdout'] & NodeJS.WritableStream {
  return typeof (stream as { on?: unknown }).on === 'function';
}
