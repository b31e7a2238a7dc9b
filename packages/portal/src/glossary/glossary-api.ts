/** The glossary browser's API calls; keys start with `glossary`. The glossary changes only with the workspace. */
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../session/session-context.js';
import type { EntityDetail, EntitySummary, JoinPaths } from './glossary-types.js';

export function useEntities() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['glossary', 'entities'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: EntitySummary[] }>('/api/v1/glossary/entities', {}, signal)).items,
    staleTime: 5 * 60_000,
  });
}

export function useEntity(name: string | undefined) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['glossary', 'entity', name],
    queryFn: ({ signal }) =>
      api.get<EntityDetail>(`/api/v1/glossary/entities/${encodeURIComponent(name!)}`, {}, signal),
    enabled: name !== undefined,
    staleTime: 5 * 60_000,
  });
}

export interface JoinRequest {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
}

export function useJoinPaths(request: JoinRequest | undefined) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['glossary', 'join-paths', request],
    queryFn: ({ signal }) => api.get<JoinPaths>('/api/v1/graph/join-paths', { ...request }, signal),
    enabled: request !== undefined,
  });
}
