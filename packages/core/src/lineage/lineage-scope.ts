/**
 * Name scopes of one statement: which pipeline relations exist (the catalog), which CTEs are
 * visible, and which FROM bindings a column reference can mean — with the enclosing query's
 * scope as the parent, for correlated subqueries and lateral joins.
 */
import type { DerivedColumn, FromLineage, QueryLineage } from './query-lineage-types.js';
import type { SqlNode } from './sql-tree.js';

/** Pipeline relations by name: what the statement may read. */
export interface RelationCatalog {
  /** The relation as the caller named it, matched case-insensitively. */
  lookup(name: string): { readonly name: string; readonly columns: readonly string[] } | undefined;
}

/** State of one statement's extraction. */
export interface StatementContext {
  readonly relations: RelationCatalog;
  /** Pipeline relations read (caller's names). */
  readonly reads: Set<string>;
  /**
   * Evaluates a nested query node (subquery, CTE body, set operation branch). Injected so that
   * expressions and FROM items can hold queries without the modules importing each other.
   */
  readonly evaluate: (node: SqlNode | undefined, env: QueryEnvironment) => QueryLineage;
}

/** A CTE as its references see it: its lineage (columns renamed by its aliases). */
export interface CteDefinition {
  readonly name: string;
  readonly lineage: QueryLineage;
}

/** What a query node is evaluated in. */
export interface QueryEnvironment {
  readonly statement: StatementContext;
  /** Visible CTEs by lower-case name. */
  readonly ctes: ReadonlyMap<string, CteDefinition>;
  /** The enclosing scope, for correlated references. */
  readonly outer?: Scope;
}

/** Where a column reference is looked up. */
export interface Scope {
  readonly from: FromLineage;
  readonly parent?: Scope;
  /** The select list's aliases seen so far (DuckDB lets later clauses and items use them). */
  readonly aliases?: ReadonlyMap<string, DerivedColumn>;
  /** ORDER BY and DISTINCT ON mean an output column before a FROM column of the same name. */
  readonly preferAliases?: boolean;
}

export function catalogOf(relations: ReadonlyMap<string, readonly string[]>): RelationCatalog {
  const byLowerName = new Map<string, { name: string; columns: readonly string[] }>();
  for (const [name, columns] of relations) byLowerName.set(name.toLowerCase(), { name, columns });
  return { lookup: (name) => byLowerName.get(name.toLowerCase()) };
}
