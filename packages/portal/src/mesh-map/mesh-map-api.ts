/**
 * The mesh map's data in one request: `GET /api/v1/mesh-map` answers every product the viewer
 * may discover with its domain, archetype, health and product edges while the mesh is small,
 * domain by domain above the server's threshold, and one domain's products with `domain`.
 * (It used to take 1 + 2 × products requests: the product list, then each product's health and
 * lineage.)
 */
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../session/session-context.js';
import type { MeshMapAnswer } from './mesh-map-types.js';

export interface MeshMapRequest {
  /** Visible products up to which the server answers product by product (its default: 1,500). */
  readonly threshold?: number;
  /** Drill into one domain. */
  readonly domain?: string;
}

/** `/map?detail=domains` forces the domain view, `?detail=products` the product view (as far as the server allows). */
export function meshMapRequest(params: URLSearchParams): MeshMapRequest {
  const detail = params.get('detail');
  const domain = params.get('domain') ?? undefined;
  const threshold = detail === 'domains' ? 0 : detail === 'products' ? 5000 : undefined;
  return { ...(threshold === undefined ? {} : { threshold }), ...(domain ? { domain } : {}) };
}

export function useMeshMap(request: MeshMapRequest) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['mesh-map', request.threshold ?? null, request.domain ?? null],
    queryFn: ({ signal }) =>
      api.get<MeshMapAnswer>('/api/v1/mesh-map', { threshold: request.threshold, domain: request.domain }, signal),
  });
}
