/**
 * UNION, INTERSECT and EXCEPT: output columns by position (UNION BY NAME: by name), named after
 * the left branch. UNION and INTERSECT take each column's values from every branch; EXCEPT takes
 * them from the left only, and its right branch decides which rows remain ('filter').
 */
import { addDerivedColumn, type ExpressionEnvironment } from './expression-lineage.js';
import type { QueryEnvironment } from './lineage-scope.js';
import { modifierLineage } from './query-modifiers.js';
import { dynamicReasons, EMPTY_FROM, type DerivedColumn, type QueryLineage } from './query-lineage-types.js';
import { ColumnSourceSet, RowSourceSet } from './source-sets.js';
import { asNode, asText, sameName, type SqlNode } from './sql-tree.js';

export function setOperationLineage(node: SqlNode, env: QueryEnvironment): QueryLineage {
  const left = env.statement.evaluate(asNode(node.left), env);
  const right = env.statement.evaluate(asNode(node.right), env);
  const kind = asText(node.setop_type);
  const rows = new RowSourceSet();
  rows.addAll(left.rows);
  rows.addAll(right.rows);
  let columns: DerivedColumn[];
  if (kind === 'EXCEPT') {
    columns = [...left.columns];
    for (const column of right.columns) addDerivedColumn(column, 'filter', rows);
  } else if (kind === 'UNION_BY_NAME') {
    columns = byName(left.columns, right.columns);
  } else {
    columns = byPosition(left.columns, right.columns, rows);
  }
  const aliases = new Map(columns.filter((c) => c.dynamic === undefined).map((c) => [c.name.toLowerCase(), c]));
  const expressions: ExpressionEnvironment = {
    query: env,
    scope: { from: { ...EMPTY_FROM, star: columns }, parent: env.outer, aliases },
  };
  modifierLineage(node.modifiers, columns, expressions, rows);
  return { columns, rows: rows.sources(), gaps: [...left.gaps, ...right.gaps, ...rows.gaps()] };
}

/** Positional union of two branches' columns (also used by recursive CTEs). */
export function byPosition(
  left: readonly DerivedColumn[],
  right: readonly DerivedColumn[],
  rows: RowSourceSet,
): DerivedColumn[] {
  const dynamic = [...dynamicReasons(left), ...dynamicReasons(right)];
  if (dynamic.length > 0) {
    // Positions past a dynamic selection cannot be matched across branches.
    for (const reason of dynamic) rows.gap(reason);
    return [...left];
  }
  if (left.length !== right.length) rows.gap(`the branches have ${left.length} and ${right.length} columns`);
  return left.map((column, i) => merge(column.name, [column, right[i]]));
}

function byName(left: readonly DerivedColumn[], right: readonly DerivedColumn[]): DerivedColumn[] {
  const names = [...left, ...right.filter((r) => !left.some((l) => sameName(l.name, r.name)))].map((c) => c.name);
  return names.map((name) =>
    merge(
      name,
      [...left, ...right].filter((c) => c.dynamic === undefined && sameName(c.name, name)),
    ),
  );
}

function merge(name: string, columns: readonly (DerivedColumn | undefined)[]): DerivedColumn {
  const sink = new ColumnSourceSet();
  for (const column of columns) if (column) addDerivedColumn(column, 'direct', sink);
  return { name, sources: sink.sources(), unresolved: sink.gaps() };
}
