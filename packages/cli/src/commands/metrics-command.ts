/**
 * `mesh metrics list` and `mesh metrics query <metric> --by <dimension>[,…] [--via <product>]`:
 * the glossary's metrics, planned across products by the knowledge graph (packages/core/src/
 * metrics) and run through the governed gateway as the principal — every access policy, mask
 * and row filter applies. Prints the plan and the SQL, then the result (`--sql-only`: no run).
 */
import type { Command } from 'commander';
import { buildKnowledgeIndex, listMetrics, planMetric, type MetricPlan } from '@meshwork/core';
import { discoverableBy, loadAccessPolicies } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withGateway } from '../gateway-for.js';
import { collectTable, printResultTable } from '../output/result-table.js';
import { principalFor } from '../principal-for.js';
import { collect, TABLE_MAX_ROWS } from './query-options.js';

interface MetricsFlags {
  as?: string;
  by: string[];
  via: string[];
  sqlOnly?: boolean;
  json?: boolean;
}

const list = (value: string, previous: string[]) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

export function registerMetrics(program: Command, ctx: CliContext): void {
  const metrics = program
    .command('metrics')
    .description('metrics of the glossary, planned across products and run governed');

  metrics
    .command('list')
    .description('the metrics defined in glossary/, with their grain and dimensions')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const out = outputFor(ctx, flags);
      const workspace = await openWorkspace(ctx);
      const items = listMetrics(buildKnowledgeIndex(workspace.model));
      if (out.json) return out.value({ items });
      if (items.length === 0) return out.note('no metric is defined in glossary/');
      out.table(
        ['metric', 'grain', 'measure', 'dimensions', 'plannable'],
        items.map((m) => [m.name, m.grain, m.measure, m.dimensions.join(', '), m.plannable ? 'yes' : 'no']),
      );
    });

  metrics
    .command('query')
    .description('plan a metric across products, print the SQL and run it through the governed gateway')
    .argument('<metric>', 'e.g. customer-lifetime-value or CustomerLifetimeValue')
    .option('--by <dimension>', 'break down by these dimensions, e.g. segment (comma-separated, repeatable)', list, [])
    .option('--via <product>', 'settle an ambiguous product or path, e.g. customers.customer-profile', collect, [])
    .option('--as <principal>', 'the user or service account to query as (default: MESHWORK_USER)')
    .option('--sql-only', 'print the plan and the SQL without running it')
    .option('--json', 'print JSON: {sql, plan, columns, rows}')
    .action(async (name: string, flags: MetricsFlags) => {
      const out = outputFor(ctx, flags);
      const workspace = await openWorkspace(ctx);
      const principal = principalFor(ctx, workspace.model, flags.as);
      const { authorizer } = loadAccessPolicies(workspace.root, workspace.model);
      const plan = planMetric(
        buildKnowledgeIndex(workspace.model),
        { metric: name, by: flags.by, via: flags.via },
        { visible: discoverableBy(authorizer, principal) },
      );
      if (flags.sqlOnly) {
        if (out.json) return out.value({ sql: plan.sql, plan });
        return printPlan(ctx, plan);
      }
      if (!out.json) printPlan(ctx, plan);
      await withGateway(ctx, workspace, async (gateway) => {
        const stream = await gateway.stream(
          principal,
          { sql: plan.sql },
          { onLimit: 'truncate', maxRows: TABLE_MAX_ROWS },
        );
        const table = await collectTable(stream);
        if (out.json) {
          const rows = table.rows.map((row) =>
            Object.fromEntries(table.headers.map((h, i) => [h, cellValue(row[i]!, table.numeric[i]!)])),
          );
          return out.value({ sql: plan.sql, plan, columns: table.headers, rows });
        }
        out.line('');
        printResultTable(out, table);
      });
    });
}

function cellValue(cell: string | null, numeric: boolean): string | number | null {
  if (cell === null || !numeric) return cell;
  const n = Number(cell);
  return Number.isFinite(n) ? n : cell;
}

function printPlan(ctx: CliContext, plan: MetricPlan): void {
  const out = outputFor(ctx, {});
  out.line(`${out.style.bold(plan.metric)} per ${plan.grain}: ${plan.description}`);
  out.line(`products: ${plan.products.join(', ')}`);
  for (const line of plan.explanation) out.line(`  - ${line}`);
  out.line('');
  out.line(plan.sql);
}
