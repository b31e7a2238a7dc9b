/** An input made available to SQL steps under its pipeline name. */
export interface BoundInput {
  readonly name: string;
  readonly kind: 'file' | 'postgres' | 'product';
  /** What it reads, for the run report (a path, a table, `domain.product.port vN@snapshot`). */
  readonly source: string;
  /** For product inputs: the upstream snapshot read, for lineage and retention. */
  readonly snapshot?: {
    readonly productId: string;
    readonly port: string;
    readonly major: number;
    readonly snapshotId: string;
  };
  /** Rows the input holds, when binding already knows it (a copied table, a snapshot's manifest). */
  readonly rows?: number;
  /** For CSV inputs: the DuckDB tables that collect malformed rows. */
  readonly rejects?: { readonly table: string; readonly scan: string; readonly mode: 'fail' | 'reject' };
}
