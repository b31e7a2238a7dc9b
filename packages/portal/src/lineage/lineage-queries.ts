/**
 * The lineage API calls as TanStack Query hooks, under the viewer's token: the server leaves out
 * what the viewer may not discover (and counts it in `hidden`), so the portal shows what it gets.
 * A reference is one path segment, URL-encoded (`file:a/b.csv` → `file%3Aa%2Fb.csv`).
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { useSession } from '../session/session-context.js';
import type { ImpactResult, LineageRequest, LineageResult } from './lineage-types.js';

const lineagePath = (ref: string) => `/api/v1/lineage/${encodeURIComponent(ref)}`;

function lineageQuery(api: ReturnType<typeof useSession>['api'], request: LineageRequest) {
  return {
    queryKey: ['lineage', request.ref, request.direction, request.depth, request.columns],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<LineageResult>(
        lineagePath(request.ref),
        { direction: request.direction, depth: request.depth, columns: request.columns ? 'true' : undefined },
        signal,
      ),
  };
}

/** The nodes and edges around `request.ref`; nothing is asked while the reference is empty. */
export function useLineage(request: LineageRequest) {
  const { api } = useSession();
  return useQuery({ ...lineageQuery(api, request), enabled: request.ref !== '' });
}

/** The column walks from the ports whose columns are shown, as they arrive. */
export interface ColumnExpansions {
  readonly results: readonly LineageResult[];
  /** Ports whose columns are still being fetched. */
  readonly loading: readonly string[];
  readonly errors: readonly unknown[];
}

/**
 * The column lineage of each port shown with its columns: the same walk from the port, with
 * `columns=true`. Each port is cached on its own, so showing one more port asks only for it.
 * The combined answer is structurally shared: it changes only when an answer does.
 */
export function useColumnExpansions(
  ports: readonly string[],
  base: Omit<LineageRequest, 'ref' | 'columns'>,
): ColumnExpansions {
  const { api } = useSession();
  return useQueries({
    queries: ports.map((ref) => lineageQuery(api, { ...base, ref, columns: true })),
    combine: (answers) => ({
      results: answers.flatMap((a) => (a.data ? [a.data] : [])),
      loading: ports.filter((_, i) => answers[i]?.isPending),
      errors: answers.flatMap((a) => (a.error ? [a.error] : [])),
    }),
  });
}

/** What a change to `ref` would affect downstream, and who consumes that. */
export function useImpact(ref: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['impact', ref],
    queryFn: ({ signal }) => api.get<ImpactResult>(`/api/v1/impact/${encodeURIComponent(ref)}`, {}, signal),
    enabled: ref !== '',
  });
}
