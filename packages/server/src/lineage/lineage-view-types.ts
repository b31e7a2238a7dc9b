/**
 * What lineage and impact queries return: nodes named by the references people type, edges in
 * the direction data flows (from the source to what depends on it), and how many nodes were
 * left out because the caller may not discover their products.
 */
import type { LineageTransform } from '@meshwork/core';

export type LineageDirection = 'upstream' | 'downstream' | 'both';
export type LineageNodeKind = 'product' | 'port' | 'column' | 'dataset';
/** `external`: named by OpenLineage events; `file` and `database`: pipeline inputs. */
export type LineageDatasetKind = 'external' | 'file' | 'database';
/**
 * `dataset`: one dataset (port, input, external dataset) feeds another; `column`: an output
 * column's values come from an input column (`transform` says how); `row`: an input column
 * decides which rows an output has (filter, join, group…), so every column of it depends on it.
 */
export type LineageEdgeKind = 'dataset' | 'column' | 'row';
export type LineageEdgeSource = 'model' | 'pipeline' | 'openlineage';

export interface LineageNodeView {
  /** The node's reference: what `mesh lineage` takes. */
  readonly ref: string;
  readonly kind: LineageNodeKind;
  /** The product the node belongs to (products, ports, their columns). */
  readonly productId?: string;
  readonly port?: string;
  readonly major?: number;
  readonly column?: string;
  readonly dataset?: {
    readonly kind: LineageDatasetKind;
    readonly namespace?: string;
    readonly name: string;
  };
  /** Hops from the node asked about, going upstream / downstream; 0 for the node itself. */
  readonly upstream?: number;
  readonly downstream?: number;
  /** Why this node's lineage is incomplete (the extractor's reasons), when it is. */
  readonly unresolved?: string;
}

export interface LineageEdgeView {
  readonly from: string;
  readonly to: string;
  readonly kind: LineageEdgeKind;
  readonly transform?: LineageTransform;
  readonly source: LineageEdgeSource;
  /**
   * Set on an edge that stands in for column lineage nobody could resolve: the column feeds a
   * dataset whose columns' sources are unknown, so all of them may depend on it.
   */
  readonly unresolved?: string;
}

export interface LineageQueryOptions {
  readonly direction?: LineageDirection;
  /** 1–50 hops; default 10. */
  readonly depth?: number;
  /** Follow column-level lineage too (always, for a column). */
  readonly columns?: boolean;
  /** Stop after this many nodes (default 10,000); `truncated` says so. */
  readonly maxNodes?: number;
}

export interface LineageResult {
  readonly ref: string;
  readonly node: LineageNodeView;
  readonly direction: LineageDirection;
  readonly depth: number;
  readonly columns: boolean;
  /** The node asked about (and, for a product or port, what it contains) first, then by distance. */
  readonly nodes: readonly LineageNodeView[];
  readonly edges: readonly LineageEdgeView[];
  /** Nodes reached but left out: their products are not discoverable by the caller. */
  readonly hidden: number;
  readonly truncated: boolean;
}

/**
 * Who is asking, as the lineage sees it. Without one (the CLI on its own workspace), everything
 * is visible.
 */
export interface LineageAccess {
  /** May the caller discover the product (its nodes, edges and existence)? */
  discover(productId: string): boolean;
  /** May the caller see who consumes the product (agreements, queriers)? Else counts only. */
  seeConsumers(productId: string): boolean;
}
