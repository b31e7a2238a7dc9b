/**
 * The JSON of `GET /api/v1/lineage/{ref}` and `GET /api/v1/impact/{ref}` as the portal reads it
 * (the server's packages/server/src/lineage/lineage-view-types.ts and impact-types.ts; the
 * OpenAPI document is the contract). Edges go the way data flows: `from` the source `to` what
 * depends on it.
 */

export const LINEAGE_DIRECTIONS = ['upstream', 'downstream', 'both'] as const;
export type LineageDirection = (typeof LINEAGE_DIRECTIONS)[number];

/** How an output's value depends on an input (docs/lineage.md, "Transforms"). */
export const VALUE_TRANSFORMS = ['direct', 'expression', 'aggregate', 'masked'] as const;
/** How an input decides which rows (or which branch) an output has. */
export const ROW_TRANSFORMS = ['filter', 'join', 'group', 'sort', 'window', 'conditional'] as const;
export type LineageTransform = (typeof VALUE_TRANSFORMS)[number] | (typeof ROW_TRANSFORMS)[number];

export type LineageNodeKind = 'product' | 'port' | 'column' | 'dataset';
export type LineageDatasetKind = 'external' | 'file' | 'database';

export interface LineageNode {
  /** What lineage and impact take: `sales.orders`, `sales.orders.orders@2`, `…orders@2.amount`. */
  readonly ref: string;
  readonly kind: LineageNodeKind;
  readonly productId?: string;
  readonly port?: string;
  readonly major?: number;
  readonly column?: string;
  readonly dataset?: { readonly kind: LineageDatasetKind; readonly namespace?: string; readonly name: string };
  /** Hops from the node asked about, upstream / downstream; 0 for the node itself. */
  readonly upstream?: number;
  readonly downstream?: number;
  /** Why this node's lineage is incomplete, when it is. */
  readonly unresolved?: string;
}

export interface LineageEdge {
  readonly from: string;
  readonly to: string;
  /** `dataset`: one dataset feeds another; `column`: a value dependency; `row`: a row dependency. */
  readonly kind: 'dataset' | 'column' | 'row';
  readonly transform?: LineageTransform;
  readonly source: 'model' | 'pipeline' | 'openlineage';
  /** Set on a fallback edge: the target's column lineage is unknown. */
  readonly unresolved?: string;
}

/** `GET /api/v1/lineage/{ref}`. */
export interface LineageResult {
  readonly ref: string;
  readonly node: LineageNode;
  readonly direction: LineageDirection;
  readonly depth: number;
  readonly columns: boolean;
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
  /** Nodes left out: their products are not discoverable by the viewer. */
  readonly hidden: number;
  /** The walk stopped at its node limit. */
  readonly truncated: boolean;
}

export interface LineageRequest {
  readonly ref: string;
  readonly direction: LineageDirection;
  /** 1–50 hops. */
  readonly depth: number;
  /** Follow column lineage too. */
  readonly columns: boolean;
}

/** `GET /api/v1/impact/{ref}`: what a change would affect, and who would notice. */
export interface ImpactResult {
  readonly ref: string;
  readonly node: LineageNode;
  readonly products: readonly { readonly productId: string; readonly distance: number }[];
  readonly ports: readonly {
    readonly ref: string;
    readonly productId: string;
    readonly port: string;
    readonly major: number;
    readonly distance: number;
  }[];
  readonly columns: readonly {
    readonly ref: string;
    readonly productId?: string;
    readonly column: string;
    readonly dataset?: string;
    readonly distance: number;
  }[];
  readonly datasets: readonly { readonly ref: string; readonly kind: LineageDatasetKind; readonly distance: number }[];
  readonly consumers: {
    readonly since: string;
    readonly agreements: readonly ImpactAgreement[];
    readonly queriers: readonly ImpactQuerier[];
    readonly owners: readonly { readonly team: string; readonly products: readonly string[] }[];
    /** Products whose consumers the viewer may not see: counts only. */
    readonly withheld: readonly ImpactWithheld[];
  };
  readonly unresolved: readonly { readonly ref: string; readonly reason: string }[];
  /** Affected products left out: the viewer may not discover them. */
  readonly hidden: number;
  readonly truncated: boolean;
}

export interface ImpactAgreement {
  readonly id: string;
  readonly principalId: string;
  readonly productId: string;
  readonly port: string;
  readonly major: number;
  readonly purpose: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface ImpactQuerier {
  readonly principalId: string;
  readonly productId: string;
  readonly queries: number;
  readonly lastQueryAt: string;
  readonly purposes: readonly string[];
}

export interface ImpactWithheld {
  readonly productId: string;
  readonly activeAgreements: number;
  readonly queriers: number;
  readonly reason: string;
}
