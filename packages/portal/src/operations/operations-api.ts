/**
 * The operations page's API calls: incidents (open or resolved) and recent runs, paged with the
 * API's `next` cursor, optionally for one product. Keys start with `operations`.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useSession } from '../session/session-context.js';
import type { IncidentPage, RunPage, RunStatus } from './operations-types.js';

const PAGE_SIZE = 25;

export function useIncidents(status: 'open' | 'resolved', product: string | undefined) {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey: ['operations', 'incidents', status, product ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      api.get<IncidentPage>('/api/v1/incidents', { status, product, after: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
}

export function useRuns(status: RunStatus | undefined, product: string | undefined) {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey: ['operations', 'runs', status ?? 'any', product ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      api.get<RunPage>('/api/v1/runs', { status, product, after: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
}

/** The ids of the products the viewer may discover (the first thousand), for pickers. */
export function useProductIds() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['operations', 'product-ids'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: { id: string }[] }>('/api/v1/products', { limit: 1000 }, signal)).items.map((p) => p.id),
    staleTime: 5 * 60_000,
  });
}
