/**
 * The editor's autocompletion from the relations the viewer may query: schemas (domains), then
 * relations (`sales.orders`, `sales.orders_v1`), then their columns with type and whether the
 * viewer sees them masked — so the completions list exactly what the gateway would let them read.
 */
import type { Completion } from '@codemirror/autocomplete';
import type { SQLNamespace } from '@codemirror/lang-sql';
import type { QueryRelation } from './console-api.js';

export function completionSchema(relations: readonly QueryRelation[]): SQLNamespace {
  const schemas: Record<string, { self: Completion; children: Record<string, SQLNamespace> }> = {};
  for (const relation of relations) {
    const schema = (schemas[relation.schema] ??= {
      self: named(relation.schema, { type: 'namespace', detail: 'domain' }),
      children: {},
    });
    schema.children[relation.name] = {
      self: named(relation.name, {
        type: 'class',
        detail: `${relation.productId} · ${relation.port} v${relation.major}`,
        ...(relation.description ? { info: relation.description } : {}),
      }),
      children: relation.columns.map((column) =>
        named(column.name, {
          type: 'property',
          detail: column.masked ? `${column.typeName} · masked for you` : column.typeName,
          ...(column.description ? { info: column.description } : {}),
        }),
      ),
    };
  }
  return schemas;
}

/** A completion for a SQL name, inserted double-quoted when it is not a plain lower-case identifier. */
function named(name: string, rest: Omit<Completion, 'label'>): Completion {
  return /^[a-z_][a-z0-9_]*$/.test(name)
    ? { label: name, ...rest }
    : { label: name, apply: `"${name.replaceAll('"', '""')}"`, ...rest };
}
