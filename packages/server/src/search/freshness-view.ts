/**
 * Freshness for the search index, read from the products' status history in the metadata store.
 * The index asks synchronously for every match, so statuses are copied into a map; the server
 * refreshes it after each freshness evaluation (so the facet lags by at most one period).
 */
import type { MeshModel } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { ProductStatus } from '../metadata/product-status-types.js';
import type { FreshnessBucket } from './search-types.js';

export interface FreshnessView {
  bucket(productId: string): FreshnessBucket;
  refresh(): Promise<void>;
}

/** A failing product serves its last good snapshot, which no longer keeps its promise: stale. */
const BUCKET: Record<ProductStatus, FreshnessBucket> = {
  fresh: 'fresh',
  stale: 'stale',
  failing: 'stale',
  unknown: 'unknown',
};

export function createFreshnessView(store: MetadataStore, model: MeshModel): FreshnessView {
  let buckets = new Map<string, FreshnessBucket>();
  return {
    bucket: (productId) => buckets.get(productId) ?? 'unknown',
    async refresh() {
      const next = new Map<string, FreshnessBucket>();
      for (const id of model.products.keys()) {
        const status = await store.getProductStatus(id);
        if (status) next.set(id, BUCKET[status.status]);
      }
      buckets = next;
    },
  };
}
