/**
 * `/map`: the whole mesh the viewer may discover as one graph, from one request. A small mesh:
 * domains as boxes, their products inside (archetype, health), an edge wherever a product reads
 * another's port. A large one (or `?detail=domains`): each domain one node with its products
 * counted by health, edges between domains with their counts; selecting a domain (click, Enter,
 * Space) opens `?domain=` — its products, and the domains they feed or read. Drawn by the lineage
 * graph (React Flow + ELK in a Web Worker); selecting a product opens its page.
 */
import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadError, Loading } from '../components/query-status.js';
import { usePageTitle } from '../layout/use-page-title.js';
import { LineageGraph } from '../lineage/lineage-graph.js';
import { meshMapRequest, useMeshMap } from './mesh-map-api.js';
import { MeshMapLegend } from './mesh-map-legend.js';
import { meshMapModel } from './mesh-map-model.js';
import type { MeshMapAnswer } from './mesh-map-types.js';

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export function MeshMapPage() {
  usePageTitle('Mesh map');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const request = meshMapRequest(params);
  const map = useMeshMap(request);
  const model = useMemo(() => (map.data ? meshMapModel(map.data) : null), [map.data]);
  const detail = params.get('detail');
  const mapUrl = useCallback(
    (domain?: string) => {
      const query = new URLSearchParams({ ...(detail ? { detail } : {}), ...(domain ? { domain } : {}) }).toString();
      return query ? `/map?${query}` : '/map';
    },
    [detail],
  );
  const onSelect = useCallback(
    (ref: string) => {
      const node = model?.nodes.find((n) => n.id === ref);
      if (node?.kind === 'product') void navigate(`/products/${encodeURIComponent(ref)}`);
      // A domain opens its products, except on the product view (its boxes only hold them) and
      // for the domain already open.
      else if (node?.kind === 'domain' && map.data?.detail !== 'products' && ref !== map.data?.domain) {
        void navigate(mapUrl(ref));
      }
    },
    [model, navigate, map.data, mapUrl],
  );

  return (
    <section aria-labelledby="mesh-map-title" className="mesh-map">
      <h1 id="mesh-map-title">Mesh map</h1>
      <p>Every domain with its data products, and which product reads which.</p>
      {request.domain !== undefined && (
        <p>
          <Link to={mapUrl()}>All domains</Link>
        </p>
      )}
      {map.isPending && <Loading what="the mesh map" />}
      {map.isError && <LoadError error={map.error} />}
      {model && map.data && (
        <div className="lineage-view">
          <p className="muted lineage-summary">
            {summary(map.data, model.edges.length)}
            {(map.data.hidden > 0 || map.data.hiddenEdges > 0) && (
              <strong className="lineage-hidden"> Some products these feed or read you may not see.</strong>
            )}
          </p>
          <div className="lineage-layout">
            <LineageGraph model={model} label={label(map.data)} onSelect={onSelect} />
            <MeshMapLegend view={map.data.detail} />
          </div>
        </div>
      )}
    </section>
  );
}

function summary(answer: MeshMapAnswer, edges: number): string {
  if (answer.detail === 'domain') {
    return `Domain ${answer.domain ?? ''}: ${plural(answer.visibleProducts, 'product')}, ${plural(edges, 'edge')}.`;
  }
  const domains = plural(answer.domains.length, 'domain');
  const products = plural(answer.visibleProducts, 'product');
  if (answer.detail === 'domains') return `${domains}, ${products}, ${plural(edges, 'domain edge')}.`;
  return `${domains}, ${products}, ${plural(edges, 'edge')}.`;
}

function label(answer: MeshMapAnswer): string {
  if (answer.detail === 'domains') return 'Mesh map: domains, their products by health, and which domain reads which';
  if (answer.detail === 'domain')
    return `Mesh map: the products of ${answer.domain ?? ''} and the domains they feed or read`;
  return 'Mesh map: domains, their products and who reads whom';
}
