/**
 * `*` and `t.*` in a select list, with EXCLUDE, REPLACE and RENAME, expanded over the FROM
 * clause's known columns. A pattern (`COLUMNS('x.*')`, `COLUMNS(c -> …)`, `* LIKE …`) chooses
 * columns by name when the query runs: it becomes a dynamic placeholder, never a guess.
 */
import { DYNAMIC_SELECTION, expressionLineage, type ExpressionEnvironment } from './expression-lineage.js';
import type { DerivedColumn } from './query-lineage-types.js';
import { ColumnSourceSet } from './source-sets.js';
import { asNode, asNodes, asText, asTexts, sameName, type SqlNode } from './sql-tree.js';

export function expandStar(star: SqlNode, env: ExpressionEnvironment): DerivedColumn[] {
  if (star.columns === true && asNode(star.expr)) return [{ name: '', sources: [], dynamic: DYNAMIC_SELECTION }];
  const relation = asText(star.relation_name);
  let columns: readonly DerivedColumn[] = env.scope.from.star;
  if (relation !== '') {
    const binding = env.scope.from.bindings.find((b) => sameName(b.name, relation));
    if (!binding) return [{ name: '', sources: [], dynamic: `${relation}.*: no relation "${relation}" in FROM` }];
    columns = binding.opaque === undefined ? binding.columns : [{ name: '', sources: [], dynamic: binding.opaque }];
  }
  const excluded = [
    ...asTexts(star.exclude_list),
    ...asNodes(star.qualified_exclude_list).map((entry) => asText(entry.column)),
  ];
  const replaced = new Map(asNodes(star.replace_list).map((entry) => [asText(entry.key).toLowerCase(), entry.value]));
  const renamed = new Map(
    asNodes(star.rename_list).map((entry) => [asText(asNode(entry.key)?.column).toLowerCase(), asText(entry.value)]),
  );
  return columns
    .filter((c) => c.dynamic !== undefined || !excluded.some((name) => sameName(name, c.name)))
    .map((c) => {
      if (c.dynamic !== undefined) return c;
      const replacement = asNode(replaced.get(c.name.toLowerCase()));
      const column = replacement ? replacedColumn(c.name, replacement, env) : c;
      const name = renamed.get(c.name.toLowerCase());
      return name === undefined ? column : { ...column, name };
    });
}

/** `* REPLACE (expr AS c)`: the column keeps its name and place, with the expression's lineage. */
function replacedColumn(name: string, expression: SqlNode, env: ExpressionEnvironment): DerivedColumn {
  const sink = new ColumnSourceSet();
  expressionLineage(expression, env, 'direct', sink);
  return { name, sources: sink.sources(), unresolved: sink.gaps() };
}
