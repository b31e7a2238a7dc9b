/** What the product page hands its tabs (overview, schema, sample): the detail it loaded once. */
import { useOutletContext } from 'react-router';
import type { ProductDetail, ProductSummary } from '../api/api-types.js';

export interface ProductTabContext {
  readonly detail: ProductDetail;
  /** The summary (archetype, tags, version); undefined while it loads. */
  readonly summary: ProductSummary | undefined;
}

export function useProductTab(): ProductTabContext {
  return useOutletContext<ProductTabContext>();
}
