/**
 * Column lineage of one SQL statement from DuckDB's own parse tree. Never throws: whatever the
 * extractor cannot resolve is recorded as a gap with its reason.
 *
 * @example
 *   // tree = the first of `SELECT json_serialize_sql('SELECT id, upper(name) AS name FROM raw')`'s statements
 *   extractStatementLineage(tree, { raw: ['id', 'name'] }).columns
 *   // → [{ column: 'id',   sources: [{ relation: 'raw', column: 'id',   transform: 'direct' }] },
 *   //    { column: 'name', sources: [{ relation: 'raw', column: 'name', transform: 'expression' }] }]
 */
import type { ColumnLineage, LineageGap, StatementLineage } from './lineage-types.js';
import { catalogOf, type QueryEnvironment, type StatementContext } from './lineage-scope.js';
import { queryNodeLineage, unknownQuery } from './query-node-lineage.js';
import type { DerivedColumn, QueryLineage } from './query-lineage-types.js';
import { asNode, type SqlNode } from './sql-tree.js';

/** Relation name → its column names in order: the pipeline's inputs and the steps before this one. */
export type RelationColumns = ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>;

export interface StatementLineageOptions {
  /**
   * The statement's real output columns, in order (the step's view, described). The extractor
   * then names columns as DuckDB does, and places those a dynamic selection produced.
   */
  readonly outputColumns?: readonly string[];
}

/** Subqueries nested deeper than this are reported, not followed (the JavaScript stack is finite). */
const MAX_NESTING = 100;

/**
 * @param statement one entry of `json_serialize_sql(...)`'s `statements` (or its `node`)
 * @param relations what the statement may read, by name
 */
export function extractStatementLineage(
  statement: unknown,
  relations: RelationColumns,
  options: StatementLineageOptions = {},
): StatementLineage {
  try {
    const root = asNode(statement);
    const node = asNode(root?.node) ?? root;
    const context = statementContext(relations);
    const env: QueryEnvironment = { statement: context, ctes: new Map() };
    const lineage = context.evaluate(node, env);
    return finish(lineage, context.reads, options.outputColumns);
  } catch (error) {
    // A bug or an exhausted stack on a pathological tree: a gap, never a failed run.
    const reason = `the extractor could not analyse this statement: ${error instanceof Error ? error.message : String(error)}`;
    return finish({ columns: [], rows: [], gaps: [] }, new Set(), options.outputColumns, reason);
  }
}

function statementContext(relations: RelationColumns): StatementContext {
  const map = relations instanceof Map ? relations : new Map(Object.entries(relations));
  let depth = 0;
  const context: StatementContext = {
    relations: catalogOf(map),
    reads: new Set(),
    evaluate: (node: SqlNode | undefined, env: QueryEnvironment) => {
      if (depth >= MAX_NESTING) return unknownQuery('a query nested this deeply');
      depth++;
      try {
        return queryNodeLineage(node, env);
      } finally {
        depth--;
      }
    },
  };
  return context;
}

function finish(
  lineage: QueryLineage,
  reads: ReadonlySet<string>,
  outputColumns: readonly string[] | undefined,
  failure?: string,
): StatementLineage {
  const gaps = new Set(failure === undefined ? lineage.gaps : [failure]);
  const columns = outputColumns
    ? alignColumns(failure === undefined ? lineage.columns : [], outputColumns, gaps, failure)
    : lineage.columns.filter((c) => {
        if (c.dynamic !== undefined) gaps.add(c.dynamic);
        return c.dynamic === undefined;
      });
  const result: ColumnLineage[] = columns.map((c) => {
    const reasons = [...new Set(c.unresolved ?? [])];
    return reasons.length === 0
      ? { column: c.name, sources: c.sources }
      : { column: c.name, sources: c.sources, unresolved: reasons.join('; ') };
  });
  const unresolved: LineageGap[] = [
    ...[...gaps].map((reason) => ({ reason })),
    ...result.flatMap((c) => (c.unresolved === undefined ? [] : [{ column: c.column, reason: c.unresolved }])),
  ];
  return { columns: result, rows: lineage.rows, reads: [...reads].sort(), unresolved };
}

/**
 * Matches the extracted columns to the real output columns by position. Columns before the
 * first dynamic selection match from the start, those after the last one from the end; the real
 * columns in between came from the dynamic selection and are unresolved with its reason.
 */
function alignColumns(
  extracted: readonly DerivedColumn[],
  names: readonly string[],
  gaps: Set<string>,
  failure: string | undefined,
): DerivedColumn[] {
  const first = extracted.findIndex((c) => c.dynamic !== undefined);
  const last = extracted.findLastIndex((c) => c.dynamic !== undefined);
  const before = first < 0 ? extracted : extracted.slice(0, first);
  const after = first < 0 ? [] : extracted.slice(last + 1);
  const dynamic = first < 0 ? [] : extracted.slice(first, last + 1).flatMap((c) => (c.dynamic ? [c.dynamic] : []));
  const fits = first < 0 ? before.length === names.length : before.length + after.length <= names.length;
  if (!fits && failure === undefined) {
    gaps.add(`the extractor found ${extracted.length} output columns where the statement has ${names.length}`);
  }
  const unmatched = failure ?? (dynamic.length > 0 ? [...new Set(dynamic)].join('; ') : 'not matched to the query');
  return names.map((name, i) => {
    const fromEnd = names.length - i;
    const column =
      i < before.length ? before[i] : fits && fromEnd <= after.length ? after[after.length - fromEnd] : undefined;
    return column ? { ...column, name } : { name, sources: [], unresolved: [unmatched] };
  });
}
