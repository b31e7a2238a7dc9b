/**
 * The marketplace: what the header search found (or, with no words, every product the viewer
 * may discover, best first), narrowed by facets, a page of cards at a time.
 */
import { Link, useSearchParams } from 'react-router';
import { useSearch } from '../api/api-queries.js';
import { LoadError, Loading } from '../components/query-status.js';
import { usePageTitle } from '../layout/use-page-title.js';
import { FacetFilters } from './facet-filters.js';
import { ProductCard } from './product-card.js';
import { searchRequestFrom, withOffset } from './search-params.js';

export function MarketplacePage() {
  const [params] = useSearchParams();
  const request = searchRequestFrom(params);
  const results = useSearch(request);
  usePageTitle(request.text ? `“${request.text}” in the marketplace` : 'Marketplace');

  const data = results.data;
  const end = data ? Math.min(request.offset + request.limit, data.total) : 0;
  return (
    <div className="marketplace">
      <section aria-labelledby="filters-title" className="marketplace-filters">
        <h2 id="filters-title">Filters</h2>
        {data && <FacetFilters facets={data.facets} />}
      </section>
      <section aria-labelledby="results-title" className="marketplace-results">
        <h1 id="results-title">{request.text ? `Products matching “${request.text}”` : 'Marketplace'}</h1>
        {results.isPending && <Loading what="products" />}
        {results.isError && <LoadError error={results.error} />}
        {data && (
          <>
            <p role="status" className="muted">
              {data.total === 0
                ? 'No product matches. Try other words or fewer filters.'
                : `${data.total} product${data.total === 1 ? '' : 's'}${data.total > request.limit ? `, ${request.offset + 1}–${end} shown` : ''}`}
            </p>
            <div className="cards">
              {data.items.map((hit) => (
                <ProductCard key={hit.id} hit={hit} />
              ))}
            </div>
            {data.total > request.limit && (
              <nav aria-label="Result pages" className="pager">
                {request.offset > 0 && (
                  <Link to={`/?${withOffset(params, Math.max(0, request.offset - request.limit))}`}>Previous</Link>
                )}
                {end < data.total && <Link to={`/?${withOffset(params, end)}`}>Next</Link>}
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  );
}
