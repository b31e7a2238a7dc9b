/** What the shapes and lines of the lineage graph mean, always on screen beside it. */
import { ROW_TRANSFORMS, VALUE_TRANSFORMS } from './lineage-types.js';

const LINES = [
  { className: 'value', text: `value: ${VALUE_TRANSFORMS.join(', ')}` },
  { className: 'row', text: `row dependency: ${ROW_TRANSFORMS.join(', ')}` },
  { className: 'dataset', text: 'dataset feeds dataset' },
  { className: 'unresolved', text: 'unresolved (hover or focus it for why)' },
] as const;

export function LineageLegend() {
  return (
    <div className="lineage-legend" role="group" aria-label="Legend">
      <span className="lineage-legend-title">Legend</span>
      <ul>
        <li>
          <span className="legend-box legend-product" aria-hidden="true" /> product, holding its ports
        </li>
        <li>
          <span className="legend-box legend-port" aria-hidden="true" /> port (version), holding its columns
        </li>
        <li>
          <span className="legend-box legend-root" aria-hidden="true" /> the node asked about
        </li>
        {LINES.map((line) => (
          <li key={line.className}>
            <svg className="legend-line" width="36" height="10" aria-hidden="true">
              <line className={`legend-${line.className}`} x1="2" y1="5" x2="34" y2="5" />
            </svg>{' '}
            {line.text}
          </li>
        ))}
      </ul>
      <p className="muted">Data flows from left to right. Hover or focus an edge to read its transform.</p>
    </div>
  );
}
