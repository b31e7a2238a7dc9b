/**
 * Any query node: its WITH clause first (each CTE sees only the CTEs before it, as in DuckDB),
 * then the SELECT or set operation. A recursive CTE is evaluated to a fixed point: the anchor's
 * lineage, then the recursive part reading the lineage so far, until nothing new is added.
 */
import type { CteDefinition, QueryEnvironment } from './lineage-scope.js';
import { renameColumns } from './from-clause-lineage.js';
import type { QueryLineage } from './query-lineage-types.js';
import { selectNodeLineage } from './select-node-lineage.js';
import { byPosition, setOperationLineage } from './set-operation-lineage.js';
import { RowSourceSet } from './source-sets.js';
import { asNode, asNodes, asText, asTexts, type SqlNode } from './sql-tree.js';

/** A recursive CTE's lineage settles in a few rounds; more means something is off. */
const MAX_ROUNDS = 16;

/** Nested queries are evaluated through `env.statement.evaluate`, which bounds the nesting. */
export function queryNodeLineage(node: SqlNode | undefined, env: QueryEnvironment): QueryLineage {
  if (!node) return unknownQuery('a query the parser did not give');
  const ctes = new Map(env.ctes);
  for (const entry of asNodes(asNode(node.cte_map)?.map)) {
    const name = asText(entry.key);
    const value = asNode(entry.value);
    const body = asNode(asNode(value?.query)?.node);
    const scoped: QueryEnvironment = { ...env, ctes: new Map(ctes) };
    const aliases = asTexts(value?.aliases);
    ctes.set(
      name.toLowerCase(),
      lazyCte(name, () => {
        const lineage =
          body?.type === 'RECURSIVE_CTE_NODE'
            ? recursiveCteLineage(body, name, aliases, scoped)
            : env.statement.evaluate(body, scoped);
        return { ...lineage, columns: renameColumns(lineage.columns, aliases) };
      }),
    );
  }
  const inner: QueryEnvironment = { ...env, ctes };
  switch (asText(node.type)) {
    case 'SELECT_NODE':
      return selectNodeLineage(node, inner);
    case 'SET_OPERATION_NODE':
      return setOperationLineage(node, inner);
    case 'RECURSIVE_CTE_NODE':
      return recursiveCteLineage(node, asText(node.cte_name), asTexts(node.aliases), inner);
    case 'CTE_NODE': {
      // Older trees spell a materialized CTE as a node with the CTE and the query using it.
      const name = asText(node.cte_name) || asText(node.ctename);
      const cte: CteDefinition = { name, lineage: env.statement.evaluate(asNode(node.query), inner) };
      const scoped = new Map(ctes).set(name.toLowerCase(), cte);
      return env.statement.evaluate(asNode(node.child), { ...inner, ctes: scoped });
    }
    default:
      return unknownQuery(`a ${asText(node.type).toLowerCase() || 'query'} node`);
  }
}

/**
 * A CTE is analysed when first read, in the scope where it was declared: a CTE nobody reads
 * adds no reads, rows or gaps (DuckDB does not run it either).
 */
function lazyCte(name: string, analyse: () => QueryLineage): CteDefinition {
  let lineage: QueryLineage | undefined;
  return {
    name,
    get lineage() {
      return (lineage ??= analyse());
    },
  };
}

function recursiveCteLineage(
  node: SqlNode,
  name: string,
  aliases: readonly string[],
  env: QueryEnvironment,
): QueryLineage {
  const anchor = env.statement.evaluate(asNode(node.left), env);
  let current: QueryLineage = { ...anchor, columns: renameColumns(anchor.columns, aliases) };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const ctes = new Map(env.ctes).set(name.toLowerCase(), { name, lineage: current });
    const step = env.statement.evaluate(asNode(node.right), { ...env, ctes });
    const rows = new RowSourceSet();
    rows.addAll(current.rows);
    rows.addAll(step.rows);
    const next: QueryLineage = {
      columns: byPosition(current.columns, step.columns, rows),
      rows: rows.sources(),
      gaps: [...new Set([...current.gaps, ...step.gaps, ...rows.gaps()])],
    };
    if (JSON.stringify(next) === JSON.stringify(current)) return current;
    current = next;
  }
  return { ...current, gaps: [...current.gaps, `recursive CTE "${name}": its lineage did not settle`] };
}

/** A query that is not analysed: its columns are unknown, so readers of them are unresolved too. */
export function unknownQuery(what: string): QueryLineage {
  const reason = `${what} is not analysed`;
  return { columns: [{ name: '', sources: [], dynamic: reason }], rows: [], gaps: [reason] };
}
