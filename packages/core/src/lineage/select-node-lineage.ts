/**
 * One SELECT: the FROM clause's bindings, the select list (stars expanded, aliases usable by
 * later items and clauses, as DuckDB allows), and the clauses that decide rows: WHERE, HAVING
 * and QUALIFY ('filter'), GROUP BY including positions and GROUP BY ALL ('group'), and the
 * modifiers.
 */
import { columnName } from './column-naming.js';
import {
  addDerivedColumn,
  DYNAMIC_SELECTION,
  expressionLineage,
  type ExpressionEnvironment,
} from './expression-lineage.js';
import { containsAggregate, containsStar } from './expression-shapes.js';
import { fromLineage } from './from-clause-lineage.js';
import type { QueryEnvironment, Scope } from './lineage-scope.js';
import { modifierLineage, outputReference } from './query-modifiers.js';
import type { DerivedColumn, QueryLineage } from './query-lineage-types.js';
import { ColumnSourceSet, RowSourceSet } from './source-sets.js';
import { expandStar } from './star-expansion.js';
import { asNode, asNodes, asText, type SqlNode } from './sql-tree.js';

export function selectNodeLineage(node: SqlNode, env: QueryEnvironment): QueryLineage {
  const from = fromLineage(asNode(node.from_table), env);
  const rows = new RowSourceSet();
  rows.addAll(from.rows);
  const aliases = new Map<string, DerivedColumn>();
  const scope: Scope = { from, parent: env.outer, aliases };
  const expressions: ExpressionEnvironment = { query: env, scope };

  const columns: DerivedColumn[] = [];
  const grouped: DerivedColumn[] = [];
  for (const item of asNodes(node.select_list)) {
    if (item.class === 'STAR') {
      const expanded = expandStar(item, expressions);
      columns.push(...expanded);
      grouped.push(...expanded);
      continue;
    }
    if (containsStar(item)) {
      columns.push({ name: '', sources: [], dynamic: DYNAMIC_SELECTION });
      continue;
    }
    const sink = new ColumnSourceSet();
    expressionLineage(item, expressions, 'direct', sink);
    const column: DerivedColumn = { name: columnName(item), sources: sink.sources(), unresolved: sink.gaps() };
    columns.push(column);
    if (!containsAggregate(item)) grouped.push(column);
    if (asText(item.alias) !== '') aliases.set(asText(item.alias).toLowerCase(), column);
  }

  expressionLineage(asNode(node.where_clause), expressions, 'filter', rows);
  for (const group of asNodes(node.group_expressions)) outputReference(group, columns, expressions, 'group', rows);
  // GROUP BY ALL groups by every select-list item that does not aggregate.
  if (asText(node.aggregate_handling) === 'FORCE_AGGREGATES') {
    for (const column of grouped) addDerivedColumn(column, 'group', rows);
  }
  expressionLineage(asNode(node.having), expressions, 'filter', rows);
  expressionLineage(asNode(node.qualify), expressions, 'filter', rows);
  modifierLineage(node.modifiers, columns, expressions, rows);
  return { columns, rows: rows.sources(), gaps: [...from.gaps, ...rows.gaps()] };
}
