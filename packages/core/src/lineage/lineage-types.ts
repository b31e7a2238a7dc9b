/**
 * Column-level lineage of SQL: which output column comes from which input columns, and how.
 *
 * Two kinds of dependency, as OpenLineage's columnLineage facet has them:
 * - a **value** dependency (`direct`, `expression`, `aggregate`, `masked`): the input column's
 *   values flow into the output column's values;
 * - a **row** dependency (`filter`, `join`, `group`, `sort`, `window`, `conditional`): the input
 *   column decides which rows exist, how they are grouped or ordered, or which branch a value
 *   takes, without its values appearing in the output.
 *
 * Relations are named as the SQL names them (a pipeline's input or step names); the pipeline
 * composition (`composePipelineLineage`) rewrites them to the pipeline's inputs.
 */

/** How an output column depends on an input column. */
export type LineageTransform =
  'direct' | 'expression' | 'aggregate' | 'masked' | 'filter' | 'join' | 'group' | 'sort' | 'window' | 'conditional';

export const VALUE_TRANSFORMS = ['direct', 'expression', 'aggregate', 'masked'] as const;
export const ROW_TRANSFORMS = ['filter', 'join', 'group', 'sort', 'window', 'conditional'] as const;

/** One input column an output depends on. */
export interface ColumnSource {
  /** The relation as named in the SQL (an input or step of the pipeline). */
  readonly relation: string;
  readonly column: string;
  readonly transform: LineageTransform;
}

/** Lineage of one output column. */
export interface ColumnLineage {
  readonly column: string;
  /** Value and conditional dependencies of this column, each input column once (strongest transform). */
  readonly sources: readonly ColumnSource[];
  /** Set when some of this column's sources could not be resolved: why, for people. */
  readonly unresolved?: string;
}

/** Something the extractor could not resolve: never a failure, always recorded with its reason. */
export interface LineageGap {
  /** The output column concerned; absent for the statement as a whole. */
  readonly column?: string;
  readonly reason: string;
}

/** Lineage of one SELECT statement (a pipeline step) over named relations. */
export interface StatementLineage {
  /** In output order. */
  readonly columns: readonly ColumnLineage[];
  /** Row dependencies that apply to every output column (WHERE, JOIN ON, GROUP BY, ORDER BY, …). */
  readonly rows: readonly ColumnSource[];
  /** Every relation the statement reads, sorted. */
  readonly reads: readonly string[];
  readonly unresolved: readonly LineageGap[];
}

/** What a pipeline input is, so lineage can name datasets outside the pipeline. */
export interface LineageInput {
  /** The input's name in the pipeline (what the SQL reads). */
  readonly name: string;
  readonly kind: 'product' | 'file' | 'postgres';
  /** For product inputs: the upstream output port. */
  readonly product?: string;
  readonly port?: string;
  readonly major?: number;
  /** For file and database inputs: the file path (relative to the product) or `connection:table`. */
  readonly location?: string;
}

/** Lineage of one output port of a product, in terms of the pipeline's inputs. */
export interface PortLineage {
  readonly port: string;
  readonly major: number;
  /** The step or input the output is written from. */
  readonly from: string;
  /** Sources name pipeline inputs (`relation` = `LineageInput.name`). */
  readonly columns: readonly ColumnLineage[];
  readonly rows: readonly ColumnSource[];
  readonly unresolved: readonly LineageGap[];
}

/** Lineage of a product's pipeline as built by one run (or extracted statically). */
export interface PipelineLineage {
  readonly productId: string;
  readonly inputs: readonly LineageInput[];
  readonly outputs: readonly PortLineage[];
  /** Steps that could not be analysed at all, with the step name in the reason. */
  readonly unresolved: readonly LineageGap[];
}

/** Transform strength: composing two steps keeps the stronger (a masked value stays masked). */
export const VALUE_TRANSFORM_RANK: Readonly<Record<LineageTransform, number>> = {
  direct: 1,
  expression: 2,
  aggregate: 3,
  masked: 4,
  conditional: 0,
  filter: 0,
  join: 0,
  group: 0,
  sort: 0,
  window: 0,
};
