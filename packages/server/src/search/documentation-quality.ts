/**
 * The default quality signal for ranking: how completely a product is documented, from the model
 * alone — purpose, usage, column descriptions and a support channel. The health scorecard
 * replaces it (CatalogSearchOptions.quality) once it exists; this keeps ranking useful without it.
 */
import type { DataProduct } from '@meshwork/core';
import { columnsOf, descriptionOf } from './search-document.js';

/** Weights sum to 1, so the score is in [0, 1]. */
const WEIGHTS = { purpose: 0.3, usage: 0.2, columns: 0.3, support: 0.2 } as const;

export function documentationQuality(product: DataProduct): number {
  const described = descriptionOf(product);
  const columns = columnsOf(product);
  const describedColumns = columns.filter((c) => (c.description ?? '').trim() !== '').length;
  const hasSupport = [product.descriptor, ...product.contracts.map((c) => c.document)].some((doc) => {
    const support = (doc as unknown as { support?: unknown }).support;
    return Array.isArray(support) ? support.length > 0 : typeof support === 'object' && support !== null;
  });
  return (
    (described.purpose ? WEIGHTS.purpose : 0) +
    (described.usage ? WEIGHTS.usage : 0) +
    (columns.length > 0 ? (WEIGHTS.columns * describedColumns) / columns.length : 0) +
    (hasSupport ? WEIGHTS.support : 0)
  );
}
