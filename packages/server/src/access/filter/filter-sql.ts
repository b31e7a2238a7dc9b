/**
 * Compiles a parsed row filter into SQL for one principal: principal attributes become literals,
 * columns are double-quoted and literals single-quoted, each with its quote doubled, and numbers
 * are re-checked. A filter that needs an attribute the principal lacks (or one that cannot be
 * written as a literal) compiles to `FALSE` as a whole: the principal sees no rows rather than
 * rows chosen by an expression with a hole in it (under NOT, a hole could let everything in).
 */
import type { Principal, PrincipalAttributeValue } from '../../identity/principal.js';
import type { FilterExpression, FilterOperand } from './filter-ast.js';

const NUMBER = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

export const quoteSqlIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const quoteSqlString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** A value the filter needs has no literal for this principal: the filter becomes FALSE. */
class NoLiteral extends Error {}

export function compileFilterSql(expression: FilterExpression, principal: Principal): string {
  try {
    return render(expression, principal, 0);
  } catch (error) {
    if (error instanceof NoLiteral) return 'FALSE';
    throw error;
  }
}

/** Binding strength, to parenthesise only where SQL would read the text differently. */
const PRECEDENCE = { or: 1, and: 2, not: 3 } as const;

function render(e: FilterExpression, principal: Principal, context: number): string {
  switch (e.kind) {
    case 'or':
    case 'and': {
      const own = PRECEDENCE[e.kind];
      const text = `${render(e.left, principal, own)} ${e.kind.toUpperCase()} ${render(e.right, principal, own)}`;
      return own < context ? `(${text})` : text;
    }
    case 'not':
      return `NOT (${render(e.operand, principal, 0)})`;
    case 'compare':
      return `${operand(e.left, principal)} ${e.operator} ${operand(e.right, principal)}`;
    case 'in': {
      const list = e.list.map((item) => operand(item, principal)).join(', ');
      return `${operand(e.operand, principal)} ${e.negated ? 'NOT IN' : 'IN'} (${list})`;
    }
    case 'isNull':
      return `${operand(e.operand, principal)} IS ${e.negated ? 'NOT NULL' : 'NULL'}`;
    case 'value':
      return operand(e.operand, principal);
  }
}

function operand(o: FilterOperand, principal: Principal): string {
  switch (o.kind) {
    case 'column':
      return quoteSqlIdentifier(o.name);
    case 'string':
      return literal(o.value);
    case 'number':
      return literal(Number(o.text), o.text);
    case 'boolean':
      return o.value ? 'TRUE' : 'FALSE';
    case 'principal': {
      const value: PrincipalAttributeValue | undefined =
        o.attribute === 'id'
          ? principal.id
          : Object.hasOwn(principal.attributes, o.attribute)
            ? principal.attributes[o.attribute]
            : undefined;
      if (value === undefined) throw new NoLiteral();
      return literal(value);
    }
  }
}

function literal(value: PrincipalAttributeValue, numberText?: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    const text = numberText ?? String(value);
    // Non-finite numbers have no SQL literal (`String` may give `1e+21`, which DuckDB reads).
    if (!Number.isFinite(value) || !NUMBER.test(text)) throw new NoLiteral();
    return text;
  }
  // DuckDB cannot take a NUL character in SQL text; fail closed instead of failing the query.
  if (value.includes('\u0000')) throw new NoLiteral();
  return quoteSqlString(value);
}
