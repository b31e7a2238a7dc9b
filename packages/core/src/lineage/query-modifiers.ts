/**
 * ORDER BY ('sort'), DISTINCT and DISTINCT ON ('group') and LIMIT / OFFSET ('filter') of a
 * SELECT or a set operation, and the positional and output-name references they and GROUP BY
 * allow (`ORDER BY 2`, `ORDER BY ALL`, `ORDER BY alias`).
 */
import { addDerivedColumn, expressionLineage, type ExpressionEnvironment } from './expression-lineage.js';
import type { LineageTransform } from './lineage-types.js';
import type { DerivedColumn } from './query-lineage-types.js';
import type { DependencySink } from './source-sets.js';
import { asNode, asNodes, asText, integerConstant, type SqlNode } from './sql-tree.js';

export function modifierLineage(
  modifiers: unknown,
  columns: readonly DerivedColumn[],
  env: ExpressionEnvironment,
  rows: DependencySink,
): void {
  // Output names come before FROM columns in these clauses.
  const byName: ExpressionEnvironment = { ...env, scope: { ...env.scope, preferAliases: true } };
  for (const modifier of asNodes(modifiers)) {
    switch (asText(modifier.type)) {
      case 'ORDER_MODIFIER':
        for (const order of asNodes(modifier.orders)) {
          outputReference(asNode(order.expression), columns, byName, 'sort', rows);
        }
        break;
      case 'DISTINCT_MODIFIER': {
        const targets = asNodes(modifier.distinct_on_targets);
        if (targets.length === 0) for (const column of columns) addDerivedColumn(column, 'group', rows);
        for (const target of targets) outputReference(target, columns, byName, 'group', rows);
        break;
      }
      default:
        // LIMIT, OFFSET, LIMIT PERCENT: expressions, nearly always constants.
        for (const key of ['limit', 'offset']) expressionLineage(asNode(modifier[key]), env, 'filter', rows);
    }
  }
}

/**
 * An expression of ORDER BY, GROUP BY or DISTINCT ON: an integer constant is a select-list
 * position, a bare star (`ORDER BY ALL`) every output column, anything else an expression.
 */
export function outputReference(
  expression: SqlNode | undefined,
  columns: readonly DerivedColumn[],
  env: ExpressionEnvironment,
  transform: LineageTransform,
  sink: DependencySink,
): void {
  if (!expression) return;
  const position = integerConstant(expression);
  if (position !== undefined) {
    const column = columns[position - 1];
    if (column) addDerivedColumn(column, transform, sink);
    else sink.gap(`position ${position} is not in the select list`);
    return;
  }
  if (expression.class === 'STAR' && expression.columns === true && !asNode(expression.expr)) {
    for (const column of columns) addDerivedColumn(column, transform, sink);
    return;
  }
  expressionLineage(expression, env, transform, sink);
}
