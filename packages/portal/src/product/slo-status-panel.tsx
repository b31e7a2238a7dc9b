/** The SLO status in words and as a badge (never by colour alone), with the declared objectives. */
import type { ProductPageDetail } from './product-api-types.js';
import { sloStatus } from './slo-status.js';

export function SloStatusBadge({ detail }: { readonly detail: Pick<ProductPageDetail, 'status' | 'contracts'> }) {
  const slo = sloStatus(detail);
  return <span className={`badge slo-${slo.level}`}>SLO {slo.label}</span>;
}

export function SloStatusPanel({ detail }: { readonly detail: Pick<ProductPageDetail, 'status' | 'contracts'> }) {
  const slo = sloStatus(detail);
  return (
    <div className={`slo-panel slo-panel-${slo.level}`}>
      <p>
        <strong>SLO status: {slo.label}</strong>
        {slo.since && <span className="muted"> since {slo.since.slice(0, 16).replace('T', ' ')} UTC</span>}
        <br />
        {slo.detail}
      </p>
      {slo.objectives.length > 0 ? (
        <ul className="slo-objectives">
          {slo.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">The contracts declare no service-level objective.</p>
      )}
    </div>
  );
}
