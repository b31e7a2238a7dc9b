/** What `impact(ref)` returns: the affected nodes with their distance, and who would notice. */
import type { LineageDatasetKind, LineageNodeView } from './lineage-view-types.js';

export interface ImpactResult {
  readonly ref: string;
  readonly node: LineageNodeView;
  /** Affected products (those with an affected port), nearest first. */
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
    readonly port?: string;
    readonly major?: number;
    /** For a column of an external dataset or pipeline input: the dataset's name. */
    readonly dataset?: string;
    readonly column: string;
    readonly distance: number;
  }[];
  /** External datasets (OpenLineage) downstream. */
  readonly datasets: readonly { readonly ref: string; readonly kind: LineageDatasetKind; readonly distance: number }[];
  readonly consumers: {
    /** Queriers are counted from this time on. */
    readonly since: string;
    /** Agreements in force on an affected port. */
    readonly agreements: readonly {
      readonly id: string;
      readonly principalId: string;
      readonly productId: string;
      readonly port: string;
      readonly major: number;
      readonly purpose: string;
      readonly startsAt: string;
      readonly endsAt: string;
    }[];
    /** Who queried an affected product since `since`, most queries first per product. */
    readonly queriers: readonly {
      readonly principalId: string;
      readonly productId: string;
      readonly queries: number;
      readonly lastQueryAt: string;
      readonly purposes: readonly string[];
    }[];
    /** Teams owning the affected products other than the node's own. */
    readonly owners: readonly { readonly team: string; readonly products: readonly string[] }[];
    /** Products whose consumers the caller may not see: counts only. */
    readonly withheld: readonly {
      readonly productId: string;
      readonly activeAgreements: number;
      readonly queriers: number;
      readonly reason: string;
    }[];
  };
  /** Nodes on the way whose lineage is incomplete, with the reasons. */
  readonly unresolved: readonly { readonly ref: string; readonly reason: string }[];
  /** Affected products (or datasets) left out: the caller may not discover them. */
  readonly hidden: number;
  readonly truncated: boolean;
}
