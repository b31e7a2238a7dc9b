/**
 * A product's page: its name and badges, then one tab per section (overview, schema, sample),
 * each a URL of its own (`/products/sales.orders/schema`). Everything comes from
 * `GET /api/v1/products/{id}/detail` as the viewer: samples are masked for them, and a product they
 * may not discover is "not found".
 */
import { NavLink, Outlet, useParams } from 'react-router';
import { useProduct, useProductDetail } from '../api/api-queries.js';
import { FreshnessBadge } from '../components/freshness-badge.js';
import { HealthScore } from '../components/health-score.js';
import { LoadError, Loading } from '../components/query-status.js';
import { usePageTitle } from '../layout/use-page-title.js';
import type { ProductTabContext } from './product-context.js';

export function ProductPage() {
  const id = useParams().id ?? '';
  const detail = useProductDetail(id);
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
        <p className="badges">
          <span className={`badge lifecycle-${product.lifecycle}`}>{product.lifecycle}</span>
          {summary.data?.archetype && <span className="badge">{summary.data.archetype}</span>}
          <FreshnessBadge status={product.status?.status} />
          <HealthScore score={product.health?.score} />
        </p>
      </header>
      <nav aria-label="Product sections" className="tabs">
        <NavLink to={base} end>
          Overview
        </NavLink>
        <NavLink to={`${base}/schema`}>Schema</NavLink>
        <NavLink to={`${base}/sample`}>Sample data</NavLink>
      </nav>
      <Outlet context={context} />
    </article>
  );
}
