/**
 * The API calls of the product page's tabs, as TanStack Query hooks under the viewer's token.
 * The detail shares its cache key with src/api/api-queries.ts `useProductDetail`: one request
 * serves the page header and every tab.
 */
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../session/session-context.js';
import type {
  ContractVersion,
  ProductDiff,
  ProductPageDetail,
  ProductQuery,
  StatusHistory,
} from './product-api-types.js';

const productPath = (id: string) => `/api/v1/products/${encodeURIComponent(id)}`;

/** Freshness transitions kept for the timeline; a product changes status a few times a day at most. */
export const STATUS_HISTORY_LIMIT = 500;
/** Recent queries read for the usage chart: the newest this many. */
export const USAGE_QUERIES_LIMIT = 1000;

export function useProductPageDetail(id: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['product', id, 'detail'],
    queryFn: ({ signal }) => api.get<ProductPageDetail>(`${productPath(id)}/detail`, {}, signal),
  });
}

/** One contract version as JSON and YAML; a registered version never changes, so it stays cached. */
export function useContractVersion(id: string, contractId: string, version: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['product', id, 'contract', contractId, version],
    queryFn: ({ signal }) =>
      api.get<ContractVersion>(
        `${productPath(id)}/contracts/${encodeURIComponent(contractId)}/versions/${encodeURIComponent(version)}`,
        {},
        signal,
      ),
    staleTime: version === 'workspace' ? 0 : Infinity,
  });
}

export function useStatusHistory(id: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['product', id, 'status-history'],
    queryFn: ({ signal }) =>
      api.get<StatusHistory>(`${productPath(id)}/status`, { limit: STATUS_HISTORY_LIMIT }, signal),
  });
}

/** The product's recent queries, newest first (the API answers those who may approve access). */
export function useProductQueries(id: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['product', id, 'usage-queries'],
    queryFn: ({ signal }) =>
      api.get<{ items: ProductQuery[]; next?: string }>(
        `${productPath(id)}/usage/queries`,
        { limit: USAGE_QUERIES_LIMIT },
        signal,
      ),
  });
}

/** One port major against the one before it: `port=orders@2&fromPort=orders@1`. */
export function useMajorDiff(id: string, port: string, major: number, fromMajor: number) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['product', id, 'diff', port, fromMajor, major],
    queryFn: ({ signal }) =>
      api.get<ProductDiff>(
        `${productPath(id)}/diff`,
        { port: `${port}@${major}`, fromPort: `${port}@${fromMajor}` },
        signal,
      ),
  });
}
