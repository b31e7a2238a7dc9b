/**
 * A product's operational status — fresh, stale, failing — as evaluated from its SLOs, with its
 * history. Not its lifecycle status (draft/active/…), which lives on the product record.
 */

export type ProductStatus = 'fresh' | 'stale' | 'failing' | 'unknown';
export const PRODUCT_STATUSES: readonly ProductStatus[] = ['fresh', 'stale', 'failing', 'unknown'];

export interface ProductStatusInput {
  readonly productId: string;
  readonly status: ProductStatus;
  /** Why, for people: `last snapshot 26 h old; frequency is 24 h`. */
  readonly reason: string;
  /** Defaults to the store's clock. */
  readonly at?: string | Date;
}

export interface ProductStatusRecord {
  readonly productId: string;
  readonly status: ProductStatus;
  readonly reason: string;
  readonly at: string;
}

/**
 * `changed` is false when the latest status already was this one: nothing was appended and
 * `current` is that latest entry, so an evaluator can record every evaluation and the history
 * still holds only transitions.
 */
export interface RecordedProductStatus {
  readonly current: ProductStatusRecord;
  readonly changed: boolean;
}
