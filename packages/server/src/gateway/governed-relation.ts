/**
 * The SQL that stands in for a product relation in a user's query: the snapshot's Parquet files,
 * only the contract's columns, each in clear or masked as the read plan says, and only the rows
 * the row filters let through.
 *
 * With row filters, every column is also wrapped in `CASE WHEN <filters> THEN … END`. DuckDB may
 * push a user's predicate below the filter and evaluate it on rows the filter removes (it reorders
 * conjunctions by cost); wrapped like this, such rows show only NULLs, so a predicate that fails
 * — a cast error, an overflow — cannot tell anything about their values.
 */
import type { ReadPlan } from '../access/access-types.js';
import type { ColumnSchema } from '../warehouse/snapshot-manifest.js';
import { maskExpression } from './mask-sql.js';
import { quoteIdentifier, quoteLiteral } from './relation-name.js';

export interface GovernedSource {
  readonly schema: readonly ColumnSchema[];
  readonly files: readonly string[];
}

export function governedRelationSql(source: GovernedSource, plan: ReadPlan): string {
  const treatments = new Map(plan.columns.map((column) => [column.name.toLowerCase(), column.treatment]));
  const filter = plan.rowFilters.map((rule) => `(${rule.sql})`).join(' AND ');
  const columns = source.schema.flatMap((column) => {
    const treatment = treatments.get(column.name.toLowerCase());
    // Fail closed: a column the contract does not declare is not exposed at all.
    if (!treatment) return [];
    const quoted = quoteIdentifier(column.name);
    let expression = treatment.kind === 'mask' ? maskExpression(treatment.strategy, quoted, column.type) : quoted;
    if (filter !== '') expression = `CASE WHEN ${filter} THEN ${expression} END`;
    return [`${expression} AS ${quoted}`];
  });
  if (columns.length === 0) return 'SELECT NULL AS "no_visible_columns" WHERE false';
  if (source.files.length === 0) {
    // An empty snapshot has no files: the same columns, no rows.
    const empty = source.schema
      .filter((column) => treatments.has(column.name.toLowerCase()))
      .map((column) => `CAST(NULL AS ${column.type}) AS ${quoteIdentifier(column.name)}`);
    return `SELECT ${empty.join(', ')} WHERE false`;
  }
  const files = `read_parquet([${source.files.map(quoteLiteral).join(', ')}])`;
  return `SELECT ${columns.join(', ')} FROM ${files}${filter === '' ? '' : ` WHERE ${filter}`}`;
}

/** A key that changes whenever the governed SQL would. */
export function governedRelationKey(snapshotKey: string, plan: ReadPlan): string {
  const columns = plan.columns
    .map((c) => `${c.name}:${c.treatment.kind === 'mask' ? c.treatment.strategy : 'clear'}`)
    .join(',');
  return `${snapshotKey}|${columns}|${plan.rowFilters.map((f) => f.sql).join(' AND ')}`;
}
