/**
 * A join: both sides' bindings, the ON condition's columns (and the USING / NATURAL key columns
 * of both sides) as 'join' row dependencies, and the merged key columns of USING / NATURAL —
 * which side's value a merged column takes depends on the join type, as in DuckDB. The right
 * side is evaluated with the left side in scope, so LATERAL subqueries and UNNEST resolve.
 */
import { addDerivedColumn, expressionLineage } from './expression-lineage.js';
import type { QueryEnvironment, Scope } from './lineage-scope.js';
import type { DerivedColumn, FromLineage } from './query-lineage-types.js';
import { ColumnSourceSet, RowSourceSet } from './source-sets.js';
import { asNode, asText, asTexts, sameName, type SqlNode } from './sql-tree.js';

type FromEvaluator = (ref: SqlNode | undefined, env: QueryEnvironment) => FromLineage;

export function joinLineage(ref: SqlNode, env: QueryEnvironment, evaluate: FromEvaluator): FromLineage {
  const left = evaluate(asNode(ref.left), env);
  const right = evaluate(asNode(ref.right), { ...env, outer: { from: left, parent: env.outer } });
  const joinType = asText(ref.join_type);
  const both: FromLineage = {
    bindings: [...left.bindings, ...right.bindings],
    star: [...left.star, ...right.star],
    merged: new Map([...left.merged, ...right.merged]),
    rows: [],
    gaps: [],
  };
  const rows = new RowSourceSet();
  rows.addAll(left.rows);
  rows.addAll(right.rows);
  const scope: Scope = { from: both, parent: env.outer };
  expressionLineage(asNode(ref.condition), { query: env, scope }, 'join', rows);

  const keys = asText(ref.ref_type) === 'NATURAL' ? naturalKeys(left, right, rows) : asTexts(ref.using_columns);
  const merged = new Map(both.merged);
  const mergedByKey = new Map<string, DerivedColumn>();
  for (const key of keys) {
    const l = sideColumn(left, key);
    const r = sideColumn(right, key);
    if (!l || !r) {
      rows.gap(`join key "${key}" is not a known column of both sides`);
      continue;
    }
    addDerivedColumn(l, 'join', rows);
    addDerivedColumn(r, 'join', rows);
    const column = mergedColumn(key, l, r, joinType);
    merged.set(key.toLowerCase(), column);
    mergedByKey.set(key.toLowerCase(), column);
  }
  const semi = joinType === 'SEMI' || joinType === 'ANTI';
  const star = semi
    ? left.star
    : [
        ...left.star.map((c) => (c.dynamic === undefined ? (mergedByKey.get(c.name.toLowerCase()) ?? c) : c)),
        ...right.star.filter((c) => c.dynamic !== undefined || !mergedByKey.has(c.name.toLowerCase())),
      ];
  return {
    // A semi or anti join's right side only decides which left rows stay.
    bindings: semi ? left.bindings : both.bindings,
    star,
    merged,
    rows: rows.sources(),
    gaps: [...left.gaps, ...right.gaps, ...rows.gaps()],
  };
}

/** NATURAL joins on every column name both sides have. */
function naturalKeys(left: FromLineage, right: FromLineage, rows: RowSourceSet): string[] {
  if ([...left.star, ...right.star].some((c) => c.dynamic !== undefined)) {
    rows.gap('a NATURAL join over a relation whose columns are unknown: its keys are unknown');
  }
  return left.star
    .filter(
      (l) => l.dynamic === undefined && right.star.some((r) => r.dynamic === undefined && sameName(l.name, r.name)),
    )
    .map((c) => c.name);
}

function sideColumn(side: FromLineage, name: string): DerivedColumn | undefined {
  return (
    side.merged.get(name.toLowerCase()) ?? side.star.find((c) => c.dynamic === undefined && sameName(c.name, name))
  );
}

/** Inner and left joins keep the left key, right joins the right one, full joins coalesce both. */
function mergedColumn(name: string, left: DerivedColumn, right: DerivedColumn, joinType: string): DerivedColumn {
  if (joinType === 'RIGHT') return { ...right, name };
  if (joinType !== 'OUTER' && joinType !== 'FULL') return { ...left, name };
  const sink = new ColumnSourceSet();
  addDerivedColumn(left, 'expression', sink);
  addDerivedColumn(right, 'expression', sink);
  return { name, sources: sink.sources(), unresolved: sink.gaps() };
}
