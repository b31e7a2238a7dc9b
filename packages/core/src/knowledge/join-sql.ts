/**
 * The SQL of a join path, as the gateway reads it:
 * `sales.orders o JOIN customers.customer_profile cp ON o.customer_id = cp.customer_id`.
 */
import type { JoinStep } from './knowledge-types.js';

const SIMPLE = /^[a-z_][a-z0-9_]*$/;
const RESERVED = new Set([
  'as',
  'on',
  'to',
  'in',
  'is',
  'or',
  'by',
  'do',
  'if',
  'of',
  'at',
  'all',
  'and',
  'any',
  'end',
  'for',
  'not',
  'asc',
  'desc',
  'from',
  'join',
  'case',
  'cast',
  'else',
  'then',
  'when',
  'with',
  'user',
  'order',
  'group',
  'where',
  'limit',
  'select',
  'table',
]);

/** A column or alias, quoted unless it is a plain lowercase identifier. */
export function sqlName(name: string): string {
  return SIMPLE.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** Initials of the table name (`customer_profile` → `cp`), numbered when already taken. */
function alias(relation: string, taken: Set<string>): string {
  const table = relation.slice(relation.indexOf('.') + 1);
  let base = table
    .split('_')
    .filter(Boolean)
    .map((w) => w[0])
    .join('');
  if (!SIMPLE.test(base) || RESERVED.has(base)) base = `t${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

export function joinSql(steps: readonly JoinStep[]): string {
  const first = steps[0];
  if (!first) return '';
  const taken = new Set<string>();
  let previous = alias(first.left.relation, taken);
  let sql = `${first.left.relation} ${previous}`;
  for (const step of steps) {
    const next = alias(step.right.relation, taken);
    sql += ` JOIN ${step.right.relation} ${next} ON ${previous}.${sqlName(step.left.column)} = ${next}.${sqlName(step.right.column)}`;
    previous = next;
  }
  return sql;
}
