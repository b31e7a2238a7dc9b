/**
 * The mesh map's data, as one TanStack Query: every product the viewer may discover
 * (`GET /api/v1/products`, page by page), then per product its health
 * (`GET /api/v1/products/{id}/health`) and its direct consumers
 * (`GET /api/v1/lineage/{id}?direction=downstream&depth=1`), a few products at a time.
 *
 * Cost: 1 + 2 × products requests. Fine for a mesh of tens or a few hundred products; a mesh of
 * thousands (let alone 100k) needs a server-side aggregate (one answer with every product's
 * domain, health and product-level edges) instead — not built yet (CONTEXT.md).
 */
import { useQuery } from '@tanstack/react-query';
import { ApiError, type ApiClient } from '../api/api-client.js';
import type { HealthScorecard, ProductSummary } from '../api/api-types.js';
import type { LineageResult } from '../lineage/lineage-types.js';
import { useSession } from '../session/session-context.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { productEdges, type MeshMapData, type MeshMapProduct } from './mesh-map-model.js';

/** Products asked about at once (two requests each). */
const CONCURRENCY = 4;
const PAGE = 500;

export function useMeshMap() {
  const { api } = useSession();
  return useQuery({ queryKey: ['mesh-map'], queryFn: ({ signal }) => fetchMeshMap(api, signal) });
}

async function fetchMeshMap(api: ApiClient, signal: AbortSignal): Promise<MeshMapData> {
  const summaries = await allProducts(api, signal);
  const answers = await mapWithConcurrency(summaries, CONCURRENCY, async (p) => {
    const path = `/api/v1/products/${encodeURIComponent(p.id)}`;
    const [health, lineage] = await Promise.all([
      api.get<HealthScorecard>(`${path}/health`, {}, signal).catch(noScorecard),
      api.get<LineageResult>(
        `/api/v1/lineage/${encodeURIComponent(p.id)}`,
        { direction: 'downstream', depth: 1 },
        signal,
      ),
    ]);
    const product: MeshMapProduct = {
      id: p.id,
      domain: p.domain,
      archetype: p.archetype,
      health: health?.score ?? null,
    };
    return { product, edges: productEdges(lineage), hidden: lineage.hidden > 0 };
  });
  return {
    products: answers.map((a) => a.product),
    edges: answers.flatMap((a) => a.edges),
    hidden: answers.some((a) => a.hidden),
  };
}

async function allProducts(api: ApiClient, signal: AbortSignal): Promise<ProductSummary[]> {
  const products: ProductSummary[] = [];
  let after: string | undefined;
  do {
    const page = await api.get<{ items: ProductSummary[]; next?: string }>(
      '/api/v1/products',
      { limit: PAGE, after },
      signal,
    );
    products.push(...page.items);
    after = page.next;
  } while (after !== undefined);
  return products;
}

/** A product without a scorecard yet (scorecards are computed after a start) has no health. */
function noScorecard(error: unknown): null {
  if (error instanceof ApiError && error.status === 404) return null;
  throw error;
}
