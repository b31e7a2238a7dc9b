/** What the mesh map's boxes, colours and lines mean, always on screen beside it. */
const HEALTH = [
  { level: 'good', text: 'health 75 or more' },
  { level: 'fair', text: 'health 50–74' },
  { level: 'poor', text: 'health below 50' },
  { level: 'unknown', text: 'no scorecard yet' },
] as const;

export function MeshMapLegend() {
  return (
    <div className="lineage-legend" role="group" aria-label="Legend">
      <span className="lineage-legend-title">Legend</span>
      <ul>
        <li>
          <span className="legend-box legend-domain" aria-hidden="true" /> domain, holding its products
        </li>
        {HEALTH.map(({ level, text }) => (
          <li key={level}>
            <span className={`legend-box legend-product mesh-legend-${level}`} aria-hidden="true" /> product, {text}
          </li>
        ))}
        <li>
          <svg className="legend-line" width="36" height="10" aria-hidden="true">
            <line className="legend-dataset" x1="2" y1="5" x2="34" y2="5" />
          </svg>{' '}
          feeds: the product on the right reads a port of the one on the left
        </li>
      </ul>
      <p className="muted">
        Each product says its archetype and health in words too. Click a product (or focus it and press Enter) to open
        its page.
      </p>
    </div>
  );
}
