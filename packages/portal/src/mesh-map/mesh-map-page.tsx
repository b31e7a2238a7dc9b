/**
 * `/map`: the whole mesh the viewer may discover as one graph — domains as boxes, their products
 * inside (archetype, health), an edge wherever a product reads another's port. Drawn by the
 * lineage graph (React Flow + ELK in a Web Worker); selecting a product opens its page.
 */
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { LoadError, Loading } from '../components/query-status.js';
import { usePageTitle } from '../layout/use-page-title.js';
import { LineageGraph } from '../lineage/lineage-graph.js';
import { useMeshMap } from './mesh-map-api.js';
import { MeshMapLegend } from './mesh-map-legend.js';
import { buildMeshMapModel } from './mesh-map-model.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function MeshMapPage() {
  usePageTitle('Mesh map');
  const navigate = useNavigate();
  const map = useMeshMap();
  const model = useMemo(() => (map.data ? buildMeshMapModel(map.data) : null), [map.data]);
  const openProduct = useCallback(
    (ref: string) => {
      const node = model?.nodes.find((n) => n.id === ref);
      if (node?.kind === 'product') void navigate(`/products/${encodeURIComponent(ref)}`);
    },
    [model, navigate],
  );

  return (
    <section aria-labelledby="mesh-map-title" className="mesh-map">
      <h1 id="mesh-map-title">Mesh map</h1>
      <p>Every domain with its data products, and which product reads which.</p>
      {map.isPending && <Loading what="the mesh map" />}
      {map.isError && <LoadError error={map.error} />}
      {model && (
        <div className="lineage-view">
          <p className="muted lineage-summary">
            {plural(model.nodes.filter((n) => n.kind === 'domain').length, 'domain')},{' '}
            {plural(model.nodes.filter((n) => n.kind === 'product').length, 'product')},{' '}
            {plural(model.edges.length, 'edge')}.
            {model.hidden > 0 && (
              <strong className="lineage-hidden"> Some products these feed or read you may not see.</strong>
            )}
          </p>
          <div className="lineage-layout">
            <LineageGraph
              model={model}
              label="Mesh map: domains, their products and who reads whom"
              onSelect={openProduct}
            />
            <MeshMapLegend />
          </div>
        </div>
      )}
    </section>
  );
}
