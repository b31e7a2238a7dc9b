/**
 * `mesh query "<sql>"`: one governed query, as the principal named by --as (or MESHWORK_USER),
 * through the same gateway as the HTTP API and the wire protocol — the same checks, masks, row
 * filters and limits. Prints a table, or streams CSV, JSON or NDJSON with the API's encoders.
 * `mesh query --relations` lists what the principal may query.
 */
import { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import {
  encoderFor,
  textSinkWriter,
  writableByteWriter,
  type ByteWriter,
  type VisibleRelation,
} from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withGateway } from '../gateway-for.js';
import type { CliOutput } from '../output/cli-output.js';
import { printDeprecations } from '../output/print-deprecations.js';
import { collectTable, printResultTable } from '../output/result-table.js';
import { principalFor } from '../principal-for.js';
import { collect, positiveInteger, TABLE_MAX_ROWS } from './query-options.js';

interface QueryFlags {
  as?: string;
  purpose?: string;
  format: 'table' | 'csv' | 'json' | 'ndjson';
  maxRows?: number;
  param: string[];
  relations?: boolean;
}

export function registerQuery(program: Command, ctx: CliContext): void {
  program
    .command('query')
    .description('run one governed SQL query over the data products, as a principal of mesh.yaml')
    .argument('[sql]', 'one read-only statement, e.g. "SELECT * FROM sales.orders LIMIT 10"')
    .option('--as <principal>', 'the user or service account to query as (default: MESHWORK_USER)')
    .option('--purpose <purpose>', 'why you query: agreements and policies may depend on it')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'csv', 'json', 'ndjson']).default('table'),
    )
    .option('--max-rows <n>', `at most this many rows (default for tables: ${TABLE_MAX_ROWS})`, positiveInteger)
    .option('--param <value>', 'a value for $1, $2, … in order (repeatable)', collect, [])
    .option('--relations', 'list the relations you may query instead of running a query')
    .action(async (sql: string | undefined, flags: QueryFlags, command: Command) => {
      const out = outputFor(ctx, { json: flags.format === 'json' });
      if (!flags.relations && (sql === undefined || sql.trim() === '')) {
        command.error('error: give the query to run, e.g. mesh query "SELECT 1", or --relations', { exitCode: 2 });
      }
      const workspace = await openWorkspace(ctx);
      const principal = principalFor(ctx, workspace.model, flags.as);
      await withGateway(ctx, workspace, async (gateway) => {
        if (flags.relations) return printRelations(out, flags.format, await gateway.visibleRelations(principal));
        const maxRows = flags.maxRows ?? (flags.format === 'table' ? TABLE_MAX_ROWS : undefined);
        const stream = await gateway.stream(
          principal,
          {
            sql: sql!,
            ...(flags.param.length > 0 ? { parameters: flags.param } : {}),
            ...(flags.purpose !== undefined ? { purpose: flags.purpose } : {}),
          },
          { onLimit: 'truncate', ...(maxRows !== undefined ? { maxRows } : {}) },
        );
        printDeprecations(out, stream);
        if (flags.format === 'table') return printResultTable(out, await collectTable(stream));
        const encoder = encoderFor(flags.format, { tempDirectory: workspace.root });
        const outcome = await encoder.encode(stream, stdoutWriter(ctx), {
          maxBytes: gateway.limits.maxBytes,
          onLimit: 'truncate',
        });
        if (outcome.error) {
          // The JSON document is closed with the error; the exit code says so too.
          out.error(`${out.style.red('error')} ${outcome.error.code}: ${outcome.error.message}`);
          ctx.exitCode = 1;
        } else if (outcome.truncated) {
          out.note(out.style.yellow(`truncated by a row or size limit after ${outcome.rows} rows (--max-rows)`));
        }
      });
    });
}

/** Standard output; a real stream (not a test's sink) is written with backpressure, as HTTP is. */
function stdoutWriter(ctx: CliContext): ByteWriter {
  const stdout = ctx.streams.stdout;
  return stdout instanceof Writable ? writableByteWriter(stdout) : textSinkWriter(stdout);
}

export function printRelations(out: CliOutput, format: string, relations: readonly VisibleRelation[]): void {
  if (format === 'json' || format === 'ndjson') {
    if (format === 'json') return out.value(relations);
    for (const relation of relations) out.line(JSON.stringify(relation));
    return;
  }
  if (relations.length === 0) {
    out.note('No relations you may query: request access to a product (`mesh access request …`).');
    return;
  }
  out.table(
    ['relation', 'product', 'port', 'version', 'columns', 'masked'],
    relations.map((r) => [
      `${r.schema}.${r.name}`,
      r.productId,
      r.port,
      `v${r.major}`,
      String(r.columns.length),
      r.columns
        .filter((c) => c.masked)
        .map((c) => c.name)
        .join(', '),
    ]),
  );
}
