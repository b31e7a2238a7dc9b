/**
 * Resolves a column reference (`c`, `t.c`, `t.s.field`, `s.field`) through FROM scopes as
 * DuckDB's binder does: a column of the FROM clause first (USING-merged columns before the
 * sides), then a select-list alias, then the enclosing query (correlation), then keywords such
 * as `current_date`. Ambiguous and unknown names are unresolved with the reason, never thrown.
 */
import type { Scope } from './lineage-scope.js';
import { dynamicReasons, type Binding, type DerivedColumn } from './query-lineage-types.js';
import { KEYWORD_COLUMN_REFS } from './sql-function-kinds.js';
import { sameName } from './sql-tree.js';

export type Resolution =
  /** `field`: a struct field of the column is read (`s.f.g`), which makes it an expression. */
  | { readonly kind: 'column'; readonly column: DerivedColumn; readonly field: boolean }
  /** A whole row as a struct (`SELECT t FROM t`). */
  | { readonly kind: 'row'; readonly columns: readonly DerivedColumn[] }
  | { readonly kind: 'keyword' }
  | { readonly kind: 'unresolved'; readonly reason: string };

export function resolveColumnRef(scope: Scope, parts: readonly string[]): Resolution {
  const [first, second] = parts;
  if (first === undefined) return { kind: 'unresolved', reason: 'an empty column reference' };
  if (second !== undefined) {
    const qualified = resolveQualified(scope, first, second, parts.length > 2);
    if (qualified) return qualified;
  }
  const unqualified = resolveName(scope, first, parts.length > 1);
  if (unqualified) return unqualified;
  if (parts.length === 1 && KEYWORD_COLUMN_REFS.has(first.toLowerCase())) return { kind: 'keyword' };
  return {
    kind: 'unresolved',
    reason:
      parts.length > 1
        ? `${parts.join('.')}: no relation or column named "${first}" is in scope`
        : `column "${first}" is not in any relation of the FROM clause`,
  };
}

/** `binding.column[.field…]`; undefined when no binding has that name (it may be a struct column). */
function resolveQualified(scope: Scope, relation: string, column: string, field: boolean): Resolution | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const binding = s.from.bindings.find((b) => sameName(b.name, relation));
    if (!binding) continue;
    const found = binding.columns.find((c) => c.dynamic === undefined && sameName(c.name, column));
    if (found) return { kind: 'column', column: found, field };
    const why = binding.opaque ?? dynamicReasons(binding.columns)[0];
    if (why !== undefined) return { kind: 'unresolved', reason: `${relation}.${column}: ${why}` };
    return { kind: 'unresolved', reason: `${relation}.${column}: "${binding.name}" has no column "${column}"` };
  }
  return undefined;
}

function resolveName(scope: Scope, name: string, field: boolean): Resolution | undefined {
  const lower = name.toLowerCase();
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const alias = s.aliases?.get(lower);
    if (alias && s.preferAliases) return { kind: 'column', column: alias, field };
    const merged = s.from.merged.get(lower);
    if (merged) return { kind: 'column', column: merged, field };
    const matches = s.from.bindings.flatMap((b) =>
      b.columns.filter((c) => c.dynamic === undefined && sameName(c.name, name)).map((column) => ({ b, column })),
    );
    const [match, other] = matches;
    if (match && other) {
      const names = matches.map(({ b, column }) => `${b.name}.${column.name}`).join(', ');
      return { kind: 'unresolved', reason: `column "${name}" is ambiguous (${names})` };
    }
    if (match) return { kind: 'column', column: match.column, field };
    const unknown = unknownColumns(s.from.bindings);
    if (unknown !== undefined) return { kind: 'unresolved', reason: `column "${name}" may come from ${unknown}` };
    if (alias) return { kind: 'column', column: alias, field };
    const row = s.from.bindings.find((b) => sameName(b.name, name));
    if (row && !field) return { kind: 'row', columns: row.columns };
  }
  return undefined;
}

/** When some binding's columns are not known, a name not found may still be one of them. */
function unknownColumns(bindings: readonly Binding[]): string | undefined {
  for (const b of bindings) {
    if (b.opaque !== undefined) return `"${b.name}", whose columns are unknown: ${b.opaque}`;
    const dynamic = dynamicReasons(b.columns)[0];
    if (dynamic !== undefined) return `"${b.name}", whose columns are partly unknown: ${dynamic}`;
  }
  return undefined;
}
