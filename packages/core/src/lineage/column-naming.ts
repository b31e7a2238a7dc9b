/**
 * The name of a select-list item without an alias, close to the one DuckDB gives it: a column
 * reference is named after its last part, anything else after its text. Callers that know the
 * real names (the step's view, described) pass them to `extractStatementLineage` instead; this
 * matters for subquery columns read by name, which are nearly always plain columns or aliased.
 */
import { asNode, asNodes, asText, asTexts, type SqlNode } from './sql-tree.js';

export function columnName(node: SqlNode): string {
  const alias = asText(node.alias);
  return alias !== '' ? alias : expressionText(node);
}

function expressionText(node: SqlNode): string {
  switch (asText(node.class)) {
    case 'COLUMN_REF':
      return asTexts(node.column_names).at(-1) ?? '';
    case 'CONSTANT': {
      const value = asNode(node.value);
      if (value?.is_null === true) return 'NULL';
      const inner = value?.value;
      return typeof inner === 'string' ? `'${inner}'` : String(inner);
    }
    case 'CAST':
      return `CAST(${expressionText(asNode(node.child) ?? {})} AS ${asText(asNode(node.cast_type)?.id)})`;
    case 'FUNCTION': {
      const name = asText(node.function_name);
      const args = asNodes(node.children).map(expressionText);
      if (node.is_operator === true && args.length === 2) return `(${args[0]} ${name} ${args[1]})`;
      return `${name}(${args.join(', ')})`;
    }
    default:
      return asText(node.type).toLowerCase();
  }
}
