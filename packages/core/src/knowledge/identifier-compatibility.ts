/**
 * The mesh-wide view of the `global-identifiers` governance policy: every column bound to one
 * glossary identifier, across domains, compared with the glossary's logical type, format and
 * pattern — the same three comparisons the policy makes per column.
 */
import { InputError } from '../errors/domain-errors.js';
import type { KnowledgeIndex } from './build-knowledge-index.js';
import { requireTerm, type VisibilityOptions } from './knowledge-queries.js';
import type { ColumnBinding, ColumnCompatibility, IdentifierCompatibility } from './knowledge-types.js';

type Loose = Record<string, unknown>;

/** @example identifierCompatibility(index, 'Customer.customer_id').compatible // true */
export function identifierCompatibility(
  index: KnowledgeIndex,
  term: string,
  options: VisibilityOptions = {},
): IdentifierCompatibility {
  const resolved = requireTerm(index, term);
  if (resolved.kind !== 'identifier') {
    throw new InputError(
      'MW8603',
      `${term} is a glossary ${resolved.kind}, not an identifier: change the term to <Entity>.<identifier>`,
    );
  }
  const { identifier } = resolved;
  const expected = {
    logicalType: identifier.logicalType,
    ...(identifier.format !== undefined ? { format: identifier.format } : {}),
    ...(identifier.pattern !== undefined ? { pattern: identifier.pattern } : {}),
  };
  const bindings = (index.byTerm.get(term) ?? []).filter((b) => options.visible?.(b.productId) ?? true);
  const columns = bindings.map((binding) => compare(index, binding, expected));
  return {
    term,
    expected,
    compatible: columns.every((c) => c.compatible),
    domains: [...new Set(bindings.map((b) => b.domain))].sort(),
    columns,
  };
}

function compare(
  index: KnowledgeIndex,
  binding: ColumnBinding,
  expected: IdentifierCompatibility['expected'],
): ColumnCompatibility {
  const options = typeOptions(index, binding);
  const format = typeof options.format === 'string' ? options.format : undefined;
  const pattern = typeof options.pattern === 'string' ? options.pattern : undefined;
  const reasons: string[] = [];
  if (binding.logicalType !== expected.logicalType) {
    reasons.push(`logicalType is ${binding.logicalType ?? 'not declared'}, the glossary says ${expected.logicalType}`);
  }
  if (expected.format !== undefined && format !== expected.format) {
    reasons.push(`format is ${format ?? 'not declared'}, the glossary says ${expected.format}`);
  }
  if (expected.pattern !== undefined && pattern !== expected.pattern) {
    reasons.push(`pattern is ${pattern ?? 'not declared'}, the glossary says ${expected.pattern}`);
  }
  return {
    binding,
    ...(binding.logicalType !== undefined ? { logicalType: binding.logicalType } : {}),
    ...(format !== undefined ? { format } : {}),
    ...(pattern !== undefined ? { pattern } : {}),
    compatible: reasons.length === 0,
    reasons,
  };
}

/** The column's `logicalTypeOptions` in the ODCS document as written. */
function typeOptions(index: KnowledgeIndex, binding: ColumnBinding): Loose {
  const port = index.model.products
    .get(binding.productId)
    ?.outputPorts.find((p) => p.name === binding.port && p.major === binding.major);
  const doc = port?.contract?.document as unknown as Loose | undefined;
  const schema = Array.isArray(doc?.schema) ? (doc.schema as Loose[]) : [];
  const props = schema[binding.tableIndex]?.properties;
  const raw = Array.isArray(props) ? (props[binding.columnIndex] as Loose | undefined) : undefined;
  const options = raw?.logicalTypeOptions;
  return options !== null && typeof options === 'object' ? (options as Loose) : {};
}
