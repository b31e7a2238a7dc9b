/**
 * The extractor's working model. Every column it meets — of a pipeline relation, a CTE, a
 * subquery, a select list — is a `DerivedColumn` whose sources already name pipeline relations,
 * so a reference to it anywhere just combines its sources with the context's transform.
 */
import type { ColumnSource } from './lineage-types.js';

export interface DerivedColumn {
  readonly name: string;
  /** Value and column-level row dependencies, in pipeline relations. */
  readonly sources: readonly ColumnSource[];
  /** Why some of this column's sources are unknown. */
  readonly unresolved?: readonly string[];
  /**
   * Set on a placeholder for a dynamic selection (`COLUMNS('x.*')`, `*` over a relation of
   * unknown columns): an unknown number of columns stand here, for this reason.
   */
  readonly dynamic?: string;
}

/** Lineage of one query node (a SELECT, a set operation, a CTE body). */
export interface QueryLineage {
  readonly columns: readonly DerivedColumn[];
  /** Row dependencies of the whole query. */
  readonly rows: readonly ColumnSource[];
  /** Statement-level gaps. */
  readonly gaps: readonly string[];
}

/** A name the FROM clause binds: a pipeline relation, CTE, subquery or table function. */
export interface Binding {
  /** The alias, or the relation's name. */
  readonly name: string;
  readonly columns: readonly DerivedColumn[];
  /** Set when the binding's columns are unknown (a file read, an unknown relation): why. */
  readonly opaque?: string;
}

/** What a FROM clause (or one of its items) contributes to the query. */
export interface FromLineage {
  readonly bindings: readonly Binding[];
  /** What `*` expands to, in order (USING columns once, semi-joined sides left out). */
  readonly star: readonly DerivedColumn[];
  /** Columns merged by USING / NATURAL joins, by lower-case name: unqualified names mean these. */
  readonly merged: ReadonlyMap<string, DerivedColumn>;
  /** Join keys, and the row dependencies of subqueries and CTEs read. */
  readonly rows: readonly ColumnSource[];
  readonly gaps: readonly string[];
}

export const EMPTY_FROM: FromLineage = { bindings: [], star: [], merged: new Map(), rows: [], gaps: [] };

/** The dynamic placeholders' reasons among some columns. */
export function dynamicReasons(columns: readonly DerivedColumn[]): string[] {
  return columns.flatMap((c) => (c.dynamic === undefined ? [] : [c.dynamic]));
}
