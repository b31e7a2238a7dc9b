/**
 * Suggestions for the lineage explorer's reference box: products from the catalog search
 * (typo tolerant, only what the viewer may discover), and once the text names one of them, its
 * ports and columns from the lineage model (the product's own nodes of a one-hop walk).
 */
import { useDeferredValue, useMemo } from 'react';
import { useSearch } from '../api/api-queries.js';
import { useLineage } from './lineage-queries.js';

export interface RefSuggestion {
  readonly value: string;
  readonly label: string;
}

const LIMIT = 50;

/** `sales.orders.orders@2.amount` → `sales.orders`: product ids are `domain.product`. */
export function productPartOf(text: string): string {
  return text.split('.').slice(0, 2).join('.');
}

export function useRefSuggestions(text: string): readonly RefSuggestion[] {
  const typed = useDeferredValue(text.trim());
  const productPart = productPartOf(typed);
  const search = useSearch({ text: productPart, filters: {}, offset: 0, limit: 8 });
  const hits = search.data?.items;
  // Asked only for a product the search found, so a half-typed name is never a 404.
  const product = hits?.find((hit) => hit.id === productPart)?.id ?? '';
  const model = useLineage({ ref: product, direction: 'downstream', depth: 1, columns: true });
  return useMemo(() => {
    const products = (hits ?? []).map((hit) => ({ value: hit.id, label: hit.title }));
    const own = (model.data?.nodes ?? [])
      .filter((n) => n.productId === product && (n.kind === 'port' || n.kind === 'column'))
      .filter((n) => n.ref.startsWith(typed))
      .map((n) => ({ value: n.ref, label: n.kind }));
    return [...products, ...own].slice(0, LIMIT);
  }, [hits, model.data, product, typed]);
}
