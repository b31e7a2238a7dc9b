/**
 * One search hit as a card: title (the link to the product page), domain, owner, archetype,
 * lifecycle, and — fetched per card, cached for the product page — freshness and health.
 */
import { Link } from 'react-router';
import type { SearchHit } from '../api/api-types.js';
import { useProduct, useProductHealth } from '../api/api-queries.js';
import { FreshnessBadge } from '../components/freshness-badge.js';
import { HealthScore } from '../components/health-score.js';

export function ProductCard({ hit }: { readonly hit: SearchHit }) {
  const summary = useProduct(hit.id);
  const health = useProductHealth(hit.id);
  const titleId = `card-${hit.id}`;
  return (
    <article className="product-card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <Link to={`/products/${encodeURIComponent(hit.id)}`}>{hit.title}</Link>
      </h2>
      <p className="product-id">{hit.id}</p>
      {hit.description && <p className="description">{hit.description}</p>}
      <dl className="facts">
        <div>
          <dt>Domain</dt>
          <dd>{hit.domain}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{hit.ownerTeam ?? '—'}</dd>
        </div>
        {hit.archetype && (
          <div>
            <dt>Archetype</dt>
            <dd>{hit.archetype}</dd>
          </div>
        )}
      </dl>
      <p className="badges">
        <span className={`badge lifecycle-${hit.status}`}>{hit.status}</span>
        <FreshnessBadge status={summary.data?.status} />
        <HealthScore score={health.data?.score} />
      </p>
    </article>
  );
}
