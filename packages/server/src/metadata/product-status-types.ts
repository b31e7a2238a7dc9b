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

/**
 * A transition into `failing` or `stale` — a breach of the product's promises — as
 * `listStatusBreaches` pages them across products, with what surrounds it in its history.
 */
export interface StatusBreach extends ProductStatusRecord {
  readonly status: 'failing' | 'stale';
  /** The transition's number in its product's history: 1, 2, 3… in the order recorded. */
  readonly seq: number;
  /** The product's latest status before this one, `unknown` aside; null when there is none. */
  readonly priorStatus: Exclude<ProductStatus, 'unknown'> | null;
  /** When the product was next `fresh`; null while it has not been since. */
  readonly freshAgainAt: string | null;
}

/**
 * A position in the breaches, which are newest first by `at`, then by product id, then by `seq`
 * descending. Any breach is its own key; seq 0 stands after every breach of the product at `at`.
 */
export interface StatusBreachKey {
  readonly at: string;
  readonly productId: string;
  readonly seq: number;
}

export interface StatusBreachQuery {
  /** The page starts after this key: the previous page's `next`, or any breach. */
  readonly after?: StatusBreachKey;
  /** 1–1000, default 100. */
  readonly limit?: number;
}
