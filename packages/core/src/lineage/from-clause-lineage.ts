/**
 * The FROM clause as bindings: pipeline relations (by name, case-insensitively), CTEs, subqueries
 * (lateral ones see the join's left side), joins with their keys as 'join' row dependencies and
 * their USING / NATURAL merged columns, UNNEST and other table functions, VALUES lists. What the
 * extractor cannot see into — a file read directly, an unknown relation, a PIVOT — becomes an
 * opaque binding: a statement gap, and a gap for every column that may come from it.
 */
import { expressionLineage } from './expression-lineage.js';
import type { QueryEnvironment, Scope } from './lineage-scope.js';
import { joinLineage } from './join-lineage.js';
import {
  EMPTY_FROM,
  type Binding,
  type DerivedColumn,
  type FromLineage,
  type QueryLineage,
} from './query-lineage-types.js';
import { ColumnSourceSet } from './source-sets.js';
import { DYNAMIC_SQL_FUNCTIONS, GENERATOR_FUNCTIONS, readsFiles, UNNEST_FUNCTIONS } from './sql-function-kinds.js';
import { asNode, asNodes, asText, asTexts, type SqlNode } from './sql-tree.js';

export function fromLineage(ref: SqlNode | undefined, env: QueryEnvironment): FromLineage {
  if (!ref) return EMPTY_FROM;
  switch (asText(ref.type)) {
    case '':
    case 'EMPTY':
    case 'EMPTY_FROM':
      return EMPTY_FROM;
    case 'BASE_TABLE':
      return baseTable(ref, env);
    case 'SUBQUERY': {
      const lineage = env.statement.evaluate(asNode(asNode(ref.subquery)?.node), env);
      return fromQuery(asText(ref.alias) || 'unnamed_subquery', lineage, asTexts(ref.column_name_alias));
    }
    case 'JOIN':
      return joinLineage(ref, env, fromLineage);
    case 'TABLE_FUNCTION':
      return tableFunction(ref, env);
    case 'EXPRESSION_LIST':
      return valuesList(ref, env);
    case 'PIVOT': {
      // Reading the source still records which relations are read.
      const source = fromLineage(asNode(ref.source), env);
      return opaque(asText(ref.alias) || 'pivot', 'PIVOT and UNPIVOT name their columns after data values', source);
    }
    default:
      return opaque(asText(ref.alias) || 'from', `${asText(ref.type).toLowerCase()} in FROM is not analysed`);
  }
}

/** A query's columns as a binding (a subquery, a CTE reference), its rows and gaps carried along. */
export function fromQuery(name: string, lineage: QueryLineage, aliases: readonly string[]): FromLineage {
  const columns = renameColumns(lineage.columns, aliases);
  return { bindings: [{ name, columns }], star: columns, merged: new Map(), rows: lineage.rows, gaps: lineage.gaps };
}

/** `AS t(a, b)`: the first columns take the new names. */
export function renameColumns(columns: readonly DerivedColumn[], aliases: readonly string[]): DerivedColumn[] {
  return columns.map((column, i) => {
    const alias = aliases[i];
    return alias === undefined || column.dynamic !== undefined ? column : { ...column, name: alias };
  });
}

function baseTable(ref: SqlNode, env: QueryEnvironment): FromLineage {
  const name = asText(ref.table_name);
  const schema = asText(ref.schema_name);
  const catalog = asText(ref.catalog_name);
  const alias = asText(ref.alias) || name;
  const aliases = asTexts(ref.column_name_alias);
  const cte = schema === '' && catalog === '' ? env.ctes.get(name.toLowerCase()) : undefined;
  if (cte) return fromQuery(alias, cte.lineage, aliases);
  const plain = catalog === '' && (schema === '' || /^(main|temp)$/i.test(schema));
  const relation = plain ? env.statement.relations.lookup(name) : undefined;
  if (relation) {
    env.statement.reads.add(relation.name);
    const columns = relation.columns.map((column) => ({
      name: column,
      sources: [{ relation: relation.name, column, transform: 'direct' as const }],
    }));
    const renamed = renameColumns(columns, aliases);
    return { ...EMPTY_FROM, bindings: [{ name: alias, columns: renamed }], star: renamed };
  }
  const qualified = [catalog, schema, name].filter(Boolean).join('.');
  return opaque(
    alias,
    /[./\\:]/.test(name)
      ? `reads files directly ('${name}'), not through a pipeline input`
      : `"${qualified}" is not an input or an earlier step of the pipeline`,
  );
}

function tableFunction(ref: SqlNode, env: QueryEnvironment): FromLineage {
  const call = asNode(ref.function);
  const name = asText(call?.function_name).toLowerCase();
  const alias = asText(ref.alias);
  const [firstAlias] = asTexts(ref.column_name_alias);
  if (UNNEST_FUNCTIONS.has(name) || GENERATOR_FUNCTIONS.has(name)) {
    // UNNEST of a lateral column: the unnested values come from it; generators from constants.
    const sink = new ColumnSourceSet();
    const scope: Scope = { from: EMPTY_FROM, parent: env.outer };
    for (const child of asNodes(call?.children)) expressionLineage(child, { query: env, scope }, 'expression', sink);
    const column: DerivedColumn = { name: firstAlias ?? name, sources: sink.sources(), unresolved: sink.gaps() };
    return { ...EMPTY_FROM, bindings: [{ name: alias || name, columns: [column] }], star: [column] };
  }
  const argument = asNodes(call?.children).find((c) => c.class === 'CONSTANT');
  const first = asText(asNode(argument?.value)?.value);
  const shown = `${name}(${first ? `'${first}'` : ''})`;
  if (readsFiles(name)) return opaque(alias || name, `reads files directly (${shown}), not through a pipeline input`);
  if (DYNAMIC_SQL_FUNCTIONS.has(name))
    return opaque(alias || name, `runs SQL text given when the query runs (${shown})`);
  return opaque(alias || name, `table function ${name}() has columns the extractor cannot know`);
}

/** `VALUES (…), (…)`: columns col0, col1… fed by each row's expressions. */
function valuesList(ref: SqlNode, env: QueryEnvironment): FromLineage {
  const rows = Array.isArray(ref.values) ? ref.values.map(asNodes) : [];
  const width = Math.max(0, ...rows.map((row) => row.length));
  const scope: Scope = { from: EMPTY_FROM, parent: env.outer };
  const columns = Array.from({ length: width }, (_, i): DerivedColumn => {
    const sink = new ColumnSourceSet();
    for (const row of rows) expressionLineage(row[i], { query: env, scope }, 'direct', sink);
    return { name: `col${i}`, sources: sink.sources(), unresolved: sink.gaps() };
  });
  const binding: Binding = { name: asText(ref.alias) || 'valueslist', columns };
  return { ...EMPTY_FROM, bindings: [binding], star: columns };
}

/** A binding whose columns the extractor cannot know, with why. */
function opaque(name: string, reason: string, inner: FromLineage = EMPTY_FROM): FromLineage {
  return {
    bindings: [{ name, columns: [], opaque: reason }],
    star: [{ name: '', sources: [], dynamic: reason }],
    merged: new Map(),
    rows: inner.rows,
    gaps: [...inner.gaps, reason],
  };
}
