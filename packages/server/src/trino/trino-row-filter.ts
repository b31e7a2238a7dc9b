/**
 * A read plan's row filters as one Trino filter. The filter language compiles to a subset of SQL
 * (quoted columns, quoted literals, comparisons, IN, IS NULL, AND/OR/NOT) that Trino reads the
 * same way DuckDB does, with principal attributes already literals — so the gateway's SQL text is
 * the Trino filter. What differs is typing: DuckDB casts `'5'` to compare it with a number, Trino
 * refuses the query. Each filter is therefore type-checked against the table's Trino types, and a
 * comparison across kinds withholds the table (fail closed) instead of exporting a filter Trino
 * would reject — or read differently.
 */
import type { RowFilter } from '../access/access-types.js';
import { compileFilterSql } from '../access/filter/filter-sql.js';
import type { FilterExpression, FilterOperand } from '../access/filter/filter-ast.js';
import type { RowFilterRule } from '../access/row-filters.js';
import type { Principal } from '../identity/principal.js';
import { familyOf, type TrinoType, type TypeFamily } from './trino-types.js';

export type TrinoRowFilter = { readonly sql?: string } | { readonly refused: string; readonly ruleId: string };

/**
 * @param columnTypes lower-cased column name → Trino type (undefined: no known Trino type)
 */
export function trinoRowFilter(
  filters: readonly RowFilter[],
  rules: readonly RowFilterRule[],
  principal: Principal,
  columnTypes: ReadonlyMap<string, TrinoType | undefined>,
): TrinoRowFilter {
  const parts: string[] = [];
  for (const filter of filters) {
    // FALSE: the principal lacks an attribute, or the port a column — no rows, in any engine.
    if (filter.sql !== 'FALSE') {
      const rule = rules.find((r) => r.id === filter.ruleId);
      if (!rule || compileFilterSql(rule.expression, principal) !== filter.sql) {
        return { refused: 'its SQL could not be traced back to the filter language', ruleId: filter.ruleId };
      }
      const problem = typeProblem(rule.expression, principal, columnTypes);
      if (problem !== undefined) return { refused: problem, ruleId: filter.ruleId };
    }
    parts.push(filters.length === 1 ? filter.sql : `(${filter.sql})`);
  }
  return parts.length === 0 ? {} : { sql: parts.join(' AND ') };
}

interface Typed {
  readonly family: TypeFamily | undefined;
  readonly label: string;
}

/** Why Trino would not read the filter as DuckDB does, or undefined when it would. */
function typeProblem(
  expression: FilterExpression,
  principal: Principal,
  columnTypes: ReadonlyMap<string, TrinoType | undefined>,
): string | undefined {
  const typed = (o: FilterOperand): Typed => {
    switch (o.kind) {
      case 'column': {
        const type = columnTypes.get(o.name.toLowerCase());
        return {
          family: type === undefined ? undefined : familyOf(type),
          label: `column "${o.name}" (${type ?? 'no Trino type'})`,
        };
      }
      case 'string':
        return { family: 'text', label: 'a text' };
      case 'number':
        return { family: 'numeric', label: 'a number' };
      case 'boolean':
        return { family: 'boolean', label: 'a boolean' };
      case 'principal': {
        const value = o.attribute === 'id' ? principal.id : principal.attributes[o.attribute];
        const family: TypeFamily =
          typeof value === 'string' ? 'text' : typeof value === 'number' ? 'numeric' : 'boolean';
        return { family, label: `principal.${o.attribute} (${family === 'text' ? 'a text' : `a ${family}`})` };
      }
    }
  };
  const same = (left: Typed, right: Typed) =>
    left.family === undefined || left.family !== right.family
      ? `it compares ${left.label} with ${right.label}`
      : undefined;
  const visit = (e: FilterExpression): string | undefined => {
    switch (e.kind) {
      case 'and':
      case 'or':
        return visit(e.left) ?? visit(e.right);
      case 'not':
        return visit(e.operand);
      case 'compare':
        return same(typed(e.left), typed(e.right));
      case 'in': {
        const operand = typed(e.operand);
        for (const item of e.list) {
          const problem = same(operand, typed(item));
          if (problem !== undefined) return problem;
        }
        return undefined;
      }
      case 'isNull':
        return undefined;
      case 'value': {
        const operand = typed(e.operand);
        return operand.family === 'boolean' ? undefined : `it uses ${operand.label} as a condition`;
      }
    }
  };
  return visit(expression);
}
