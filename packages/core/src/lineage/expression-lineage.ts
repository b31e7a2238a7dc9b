/**
 * Walks one expression and sends each input column it reads to a sink, with how: the transform
 * grows along the path (a bare column is 'direct', any function or cast makes it 'expression',
 * an aggregate 'aggregate', a hash 'masked'), and parts that decide rows rather than values
 * switch to a row transform for that output column — CASE conditions 'conditional', window
 * PARTITION BY / ORDER BY 'window', an aggregate's FILTER 'filter', its ORDER BY 'sort'.
 * Called with a row transform (a WHERE clause's 'filter'), everything read is that dependency.
 */
import type { LineageTransform } from './lineage-types.js';
import { resolveColumnRef } from './column-resolution.js';
import type { QueryEnvironment, Scope } from './lineage-scope.js';
import type { DerivedColumn, QueryLineage } from './query-lineage-types.js';
import type { DependencySink } from './source-sets.js';
import { AGGREGATE_FUNCTIONS, MASKING_FUNCTIONS } from './sql-function-kinds.js';
import { asNode, asNodes, asText, asTexts, type SqlNode } from './sql-tree.js';
import { combineTransforms } from './transform-rules.js';

export interface ExpressionEnvironment {
  readonly query: QueryEnvironment;
  readonly scope: Scope;
  /** Lambda parameters in scope (`x -> x + 1`): not columns. */
  readonly lambdas?: ReadonlySet<string>;
}

export const DYNAMIC_SELECTION = 'COLUMNS(…) or a star pattern chooses the columns when the query runs';

export function expressionLineage(
  node: SqlNode | undefined,
  env: ExpressionEnvironment,
  transform: LineageTransform,
  sink: DependencySink,
): void {
  if (!node) return;
  switch (asText(node.class)) {
    case 'CONSTANT':
    case 'PARAMETER':
    case 'DEFAULT':
    case 'LAMBDA_REF':
      return;
    case 'COLUMN_REF':
      return columnRef(node, env, transform, sink);
    case 'POSITIONAL_REFERENCE':
      return positional(node, env, transform, sink);
    case 'FUNCTION':
      return functionCall(node, env, transform, sink);
    case 'WINDOW':
      return windowFunction(node, env, transform, sink);
    case 'CASE':
      return caseExpression(node, env, transform, sink);
    case 'SUBQUERY':
      return subquery(node, env, transform, sink);
    case 'LAMBDA':
      return lambda(node, env, transform, sink);
    case 'STAR':
      return sink.gap(DYNAMIC_SELECTION);
    default:
      // Casts, operators, comparisons, conjunctions, BETWEEN, COLLATE and anything newer: every
      // child expression is an input of a computed value.
      for (const child of childExpressions(node)) expressionLineage(child, env, expression(transform), sink);
  }
}

/** Adds a derived column's sources as seen through `transform`, and its gaps. */
export function addDerivedColumn(column: DerivedColumn, transform: LineageTransform, sink: DependencySink): void {
  for (const source of column.sources)
    sink.add({ ...source, transform: combineTransforms(transform, source.transform) });
  for (const reason of column.unresolved ?? []) sink.gap(reason);
  if (column.dynamic !== undefined) sink.gap(column.dynamic);
}

function expression(transform: LineageTransform): LineageTransform {
  return combineTransforms(transform, 'expression');
}

function columnRef(node: SqlNode, env: ExpressionEnvironment, transform: LineageTransform, sink: DependencySink) {
  const parts = asTexts(node.column_names);
  const first = parts[0]?.toLowerCase();
  if (first !== undefined && env.lambdas?.has(first)) return;
  const resolved = resolveColumnRef(env.scope, parts);
  switch (resolved.kind) {
    case 'column':
      return addDerivedColumn(resolved.column, resolved.field ? expression(transform) : transform, sink);
    case 'row':
      for (const column of resolved.columns) addDerivedColumn(column, expression(transform), sink);
      return;
    case 'keyword':
      return;
    case 'unresolved':
      return sink.gap(resolved.reason);
  }
}

/** `#2`: the second column of the FROM clause. */
function positional(node: SqlNode, env: ExpressionEnvironment, transform: LineageTransform, sink: DependencySink) {
  const index = typeof node.index === 'number' ? node.index : 0;
  const star = env.scope.from.star;
  const dynamic = star.slice(0, index).find((c) => c.dynamic !== undefined);
  const column = star[index - 1];
  if (dynamic?.dynamic !== undefined) sink.gap(`#${index}: ${dynamic.dynamic}`);
  else if (!column) sink.gap(`#${index}: the FROM clause has ${star.length} columns`);
  else addDerivedColumn(column, transform, sink);
}

function functionCall(node: SqlNode, env: ExpressionEnvironment, transform: LineageTransform, sink: DependencySink) {
  const name = asText(node.function_name).toLowerCase();
  const inner = AGGREGATE_FUNCTIONS.has(name)
    ? combineTransforms(transform, 'aggregate')
    : MASKING_FUNCTIONS.has(name)
      ? combineTransforms(transform, 'masked')
      : expression(transform);
  for (const child of asNodes(node.children)) expressionLineage(child, env, inner, sink);
  expressionLineage(asNode(node.filter), env, combineTransforms(transform, 'filter'), sink);
  for (const order of asNodes(asNode(node.order_bys)?.orders)) {
    expressionLineage(asNode(order.expression), env, combineTransforms(transform, 'sort'), sink);
  }
}

function windowFunction(node: SqlNode, env: ExpressionEnvironment, transform: LineageTransform, sink: DependencySink) {
  const name = asText(node.function_name).toLowerCase();
  const inner =
    asText(node.type) === 'WINDOW_AGGREGATE'
      ? combineTransforms(transform, MASKING_FUNCTIONS.has(name) ? 'masked' : 'aggregate')
      : expression(transform);
  const window = combineTransforms(transform, 'window');
  for (const child of asNodes(node.children)) expressionLineage(child, env, inner, sink);
  expressionLineage(asNode(node.default_expr), env, inner, sink);
  for (const partition of asNodes(node.partitions)) expressionLineage(partition, env, window, sink);
  for (const order of asNodes(node.orders)) expressionLineage(asNode(order.expression), env, window, sink);
  for (const bound of ['start_expr', 'end_expr', 'offset_expr'])
    expressionLineage(asNode(node[bound]), env, window, sink);
  expressionLineage(asNode(node.filter_expr), env, combineTransforms(transform, 'filter'), sink);
}

function caseExpression(node: SqlNode, env: ExpressionEnvironment, transform: LineageTransform, sink: DependencySink) {
  const condition = combineTransforms(transform, 'conditional');
  for (const check of asNodes(node.case_checks)) {
    expressionLineage(asNode(check.when_expr), env, condition, sink);
    expressionLineage(asNode(check.then_expr), env, expression(transform), sink);
  }
  expressionLineage(asNode(node.else_expr), env, expression(transform), sink);
}

/**
 * A scalar subquery's value flows into the column; IN / ANY compare against its values; EXISTS
 * reads only which rows it has. Its own row dependencies (its WHERE, correlation) stay row
 * dependencies of this column — or become the caller's, as a WHERE's 'filter'.
 */
function subquery(node: SqlNode, env: ExpressionEnvironment, transform: LineageTransform, sink: DependencySink) {
  const inner = asNode(asNode(node.subquery)?.node);
  const lineage: QueryLineage = env.query.statement.evaluate(inner, { ...env.query, outer: env.scope });
  const kind = asText(node.subquery_type);
  if (kind === 'SCALAR') {
    const [value] = lineage.columns;
    if (value) addDerivedColumn(value, transform, sink);
  } else if (kind !== 'EXISTS' && kind !== 'NOT_EXISTS') {
    expressionLineage(asNode(node.child), env, expression(transform), sink);
    for (const column of lineage.columns) addDerivedColumn(column, expression(transform), sink);
  }
  for (const row of lineage.rows) sink.add({ ...row, transform: combineTransforms(transform, row.transform) });
  for (const reason of lineage.gaps) sink.gap(reason);
}

function lambda(node: SqlNode, env: ExpressionEnvironment, transform: LineageTransform, sink: DependencySink) {
  const lhs = asNode(node.lhs);
  const parameters = lhs?.class === 'COLUMN_REF' ? [lhs] : asNodes(lhs?.children);
  const names = new Set(env.lambdas);
  for (const parameter of parameters) {
    const name = asTexts(parameter.column_names)[0];
    if (name !== undefined) names.add(name.toLowerCase());
  }
  expressionLineage(asNode(node.expr), { ...env, lambdas: names }, expression(transform), sink);
}

/** The child expressions of a node of a kind walked generically. */
function childExpressions(node: SqlNode): SqlNode[] {
  const children: SqlNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'cast_type' || key === 'value') continue;
    if (Array.isArray(value)) children.push(...asNodes(value).filter((child) => typeof child.class === 'string'));
    else {
      const child = asNode(value);
      if (typeof child?.class === 'string') children.push(child);
    }
  }
  return children;
}
