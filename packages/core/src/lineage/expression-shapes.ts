/** Questions about an expression's shape that decide how a select-list item is treated. */
import { AGGREGATE_FUNCTIONS } from './sql-function-kinds.js';
import { asNode, asText, type SqlNode } from './sql-tree.js';

/** Whether the expression aggregates (outside subqueries and window functions): GROUP BY ALL skips it. */
export function containsAggregate(node: SqlNode): boolean {
  return someNode(
    node,
    (n) => n.class === 'FUNCTION' && AGGREGATE_FUNCTIONS.has(asText(n.function_name).toLowerCase()),
  );
}

/**
 * Whether the item holds a star (`min(COLUMNS(*))`, `* LIKE 'a%'`, `COLUMNS('x') + 1`): it stands
 * for as many output columns as the star matches.
 */
export function containsStar(node: SqlNode): boolean {
  return someNode(node, (n) => n.class === 'STAR');
}

function someNode(node: SqlNode, test: (node: SqlNode) => boolean): boolean {
  if (test(node)) return true;
  if (node.class === 'SUBQUERY' || node.class === 'WINDOW') return false;
  for (const value of Object.values(node)) {
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      const n = asNode(child);
      if (n && someNode(n, test)) return true;
    }
  }
  return false;
}
