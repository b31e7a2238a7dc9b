/** What the mesh map's boxes, colours and lines mean, always on screen beside it. */
import type { MeshMapAnswer } from './mesh-map-types.js';

const HEALTH = [
  { level: 'good', text: 'health 75 or more' },
  { level: 'fair', text: 'health 50–74' },
  { level: 'poor', text: 'health below 50' },
  { level: 'unknown', text: 'no scorecard yet' },
] as const;

export function MeshMapLegend({ view }: { readonly view: MeshMapAnswer['detail'] }) {
  const domains = view === 'domains';
  return (
    <div className="lineage-legend" role="group" aria-label="Legend">
      <span className="lineage-legend-title">Legend</span>
      <ul>
        <li>
          <span className="legend-box legend-domain" aria-hidden="true" />{' '}
          {domains ? 'domain, with its products counted by health' : 'domain, holding its products'}
        </li>
        {HEALTH.map(({ level, text }) => (
          <li key={level}>
            <span className={`legend-box legend-product mesh-legend-${level}`} aria-hidden="true" />{' '}
            {domains ? `domain, most of its products ${text}` : `product, ${text}`}
          </li>
        ))}
        <li>
          <svg className="legend-line" width="36" height="10" aria-hidden="true">
            <line className="legend-dataset" x1="2" y1="5" x2="34" y2="5" />
          </svg>{' '}
          {domains
            ? 'feeds: products on the right read products on the left; its label counts the pairs'
            : 'feeds: the product on the right reads a port of the one on the left'}
        </li>
      </ul>
      <p className="muted">
        {domains
          ? 'Each domain says its product count and health in words too. Click a domain (or focus it and press Enter or Space) to open its products.'
          : 'Each product says its archetype and health in words too. Click a product (or focus it and press Enter) to open its page.'}
      </p>
    </div>
  );
}
