/**
 * Browse by domain: the domains with products the viewer may discover, and how many — read from
 * the search's domain facet, which lists the 25 largest (a mesh with more domains needs a domains
 * endpoint here).
 */
import { Link } from 'react-router';
import { useSearch } from '../api/api-queries.js';
import { LoadError, Loading } from '../components/query-status.js';
import { usePageTitle } from '../layout/use-page-title.js';

const ALL = { text: '', filters: {}, offset: 0, limit: 1 } as const;

export function DomainsPage() {
  usePageTitle('Domains');
  const results = useSearch(ALL);
  return (
    <section aria-labelledby="domains-title">
      <h1 id="domains-title">Domains</h1>
      <p className="domains-map-link">
        <Link to="/map">See the mesh map</Link>: every domain with its products and which reads which.
      </p>
      {results.isPending && <Loading what="domains" />}
      {results.isError && <LoadError error={results.error} />}
      {results.data && (
        <ul className="domain-list">
          {[...results.data.facets.domain]
            .sort((a, b) => a.value.localeCompare(b.value))
            .map(({ value, count }) => (
              <li key={value}>
                <Link to={`/?${new URLSearchParams({ domain: value })}`}>
                  <strong>{value}</strong>
                  <span className="muted">
                    {count} product{count === 1 ? '' : 's'}
                  </span>
                </Link>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
