/**
 * The API calls pages make, as TanStack Query hooks: one cache key per resource, so the
 * marketplace's cards and the product page share answers, and every call goes out under the
 * signed-in viewer's token (the server applies its policies to each).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSession } from '../session/session-context.js';
import { ApiError, createApiClient } from './api-client.js';
import type {
  DemoUser,
  HealthScorecard,
  ProductDetail,
  ProductSummary,
  SearchFacet,
  SearchResults,
} from './api-types.js';

export interface SearchRequest {
  readonly text: string;
  readonly filters: Readonly<Partial<Record<SearchFacet, readonly string[]>>>;
  readonly offset: number;
  readonly limit: number;
}

export function useSearch(request: SearchRequest) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['search', request],
    queryFn: ({ signal }) =>
      api.get<SearchResults>(
        '/api/v1/search',
        { q: request.text || undefined, ...request.filters, offset: request.offset, limit: request.limit },
        signal,
      ),
    // Typing or ticking a facet keeps the previous results on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

const productPath = (id: string) => `/api/v1/products/${encodeURIComponent(id)}`;

export function useProduct(id: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['product', id],
    queryFn: ({ signal }) => api.get<ProductSummary>(productPath(id), {}, signal),
  });
}

export function useProductHealth(id: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['product', id, 'health'],
    queryFn: ({ signal }) => api.get<HealthScorecard>(`${productPath(id)}/health`, {}, signal),
  });
}

export function useProductDetail(id: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['product', id, 'detail'],
    queryFn: ({ signal }) => api.get<ProductDetail>(`${productPath(id)}/detail`, {}, signal),
  });
}

/** The demo mesh's users (only `npm start` offers them); null anywhere else. */
export function useDemoUsers() {
  return useQuery({
    queryKey: ['demo-users'],
    queryFn: async ({ signal }) => {
      try {
        return (await createApiClient({ token: null }).get<{ users: DemoUser[] }>('/api/demo/users', {}, signal)).users;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}
