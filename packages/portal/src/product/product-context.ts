/** What the product page hands its tabs: the detail it loaded once, and the summary. */
import { useOutletContext } from 'react-router';
import type { ProductSummary } from '../api/api-types.js';
import type { ProductPageDetail } from './product-api-types.js';

export interface ProductTabContext {
  readonly detail: ProductPageDetail;
  /** The summary (archetype, tags, version); undefined while it loads. */
  readonly summary: ProductSummary | undefined;
}

export function useProductTab(): ProductTabContext {
  return useOutletContext<ProductTabContext>();
}
