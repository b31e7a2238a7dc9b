/**
 * The row-filter language's syntax tree: immutable nodes with a `kind` discriminant. Every node
 * an expression can be made of is listed here, and nothing else can reach the SQL: there are no
 * function calls, no subqueries and no raw SQL.
 */
export type FilterOperand =
  | { readonly kind: 'column'; readonly name: string; readonly offset: number }
  | { readonly kind: 'principal'; readonly attribute: string; readonly offset: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'boolean'; readonly value: boolean };

export const COMPARISON_OPERATORS = ['=', '<>', '<', '<=', '>', '>='] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export type FilterExpression =
  | { readonly kind: 'and' | 'or'; readonly left: FilterExpression; readonly right: FilterExpression }
  | { readonly kind: 'not'; readonly operand: FilterExpression }
  | {
      readonly kind: 'compare';
      readonly operator: ComparisonOperator;
      readonly left: FilterOperand;
      readonly right: FilterOperand;
    }
  | {
      readonly kind: 'in';
      readonly negated: boolean;
      readonly operand: FilterOperand;
      readonly list: readonly FilterOperand[];
    }
  | { readonly kind: 'isNull'; readonly negated: boolean; readonly operand: FilterOperand }
  /** A boolean column, attribute or literal on its own. */
  | { readonly kind: 'value'; readonly operand: FilterOperand };

/** Every column the expression reads, in order of appearance, without repeats. */
export function filterColumns(expression: FilterExpression): string[] {
  const names: string[] = [];
  const add = (operand: FilterOperand) => {
    if (operand.kind === 'column' && !names.includes(operand.name)) names.push(operand.name);
  };
  const visit = (e: FilterExpression): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        visit(e.left);
        visit(e.right);
        return;
      case 'not':
        visit(e.operand);
        return;
      case 'compare':
        add(e.left);
        add(e.right);
        return;
      case 'in':
        add(e.operand);
        e.list.forEach(add);
        return;
      case 'isNull':
      case 'value':
        add(e.operand);
        return;
    }
  };
  visit(expression);
  return names;
}
