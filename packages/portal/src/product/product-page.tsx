/**
 * A product's page: its name, owner and badges (lifecycle, freshness, SLO, health), then one tab
 * per section (product-tabs.tsx), each a URL of its own (`/products/sales.orders/schema`). Everything comes from
 * `GET /api/v1/products/{id}/detail` as the viewer: samples are masked for them, and a product they
 * may not discover is "not found".
 */
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { useProduct } from '../api/api-queries.js';
import { FreshnessBadge } from '../components/freshness-badge.js';
import { HealthScore } from '../components/health-score.js';
import { LoadError, Loading } from '../components/query-status.js';
import { usePageTitle } from '../layout/use-page-title.js';
import { useProductPageDetail } from './product-api.js';
import type { ProductTabContext } from './product-context.js';
import { PRODUCT_TABS } from './product-tabs.js';
import { SloStatusBadge } from './slo-status-panel.js';

export function ProductPage() {
  const id = useParams().id ?? '';
  const detail = useProductPageDetail(id);
  const summary = useProduct(id);
  usePageTitle(detail.data?.title ?? id);

  if (detail.isPending) return <Loading what={`product ${id}`} />;
  if (detail.isError) return <LoadError error={detail.error} />;
  const product = detail.data;
  const context: ProductTabContext = { detail: product, summary: summary.data };
  const base = `/products/${encodeURIComponent(product.id)}`;
  return (
    <article aria-labelledby="product-title" className="product-page">
      <header className="product-header">
        <h1 id="product-title">{product.title}</h1>
        <p className="product-id">
          {product.id} · <span className="muted">{product.urn}</span>
        </p>
        <p className="product-owner">
          Owned by <strong>{product.owner ?? 'no team'}</strong>
        </p>
        <p className="badges">
          <span className={`badge lifecycle-${product.lifecycle}`}>{product.lifecycle}</span>
          {summary.data?.archetype && <span className="badge">{summary.data.archetype}</span>}
          <FreshnessBadge status={product.status?.status} />
          <SloStatusBadge detail={product} />
          <HealthScore score={product.health?.score} />
        </p>
        <Link to={`${base}/request-access`} className="button-link">
          Request access
        </Link>
      </header>
      <nav aria-label="Product sections" className="tabs">
        {PRODUCT_TABS.map((tab) => (
          <NavLink key={tab.path} to={tab.path ? `${base}/${tab.path}` : base} end={!tab.path}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet context={context} />
    </article>
  );
}
