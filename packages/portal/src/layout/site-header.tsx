/**
 * The header of every signed-in page: the brand, the catalog search (it drives the marketplace:
 * submitting goes to `/?q=…`, keeping the facets already ticked), the navigation, who is signed in
 * and sign out.
 */
import type { FormEvent } from 'react';
import { Link, NavLink, useLocation, useNavigate, useSearchParams } from 'react-router';
import { AccessNavLink } from '../access/access-nav-link.js';
import { useSession } from '../session/session-context.js';

export function SiteHeader() {
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onMarketplace = location.pathname === '/';
  const text = onMarketplace ? (params.get('q') ?? '') : '';

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    const next = new URLSearchParams(onMarketplace ? params : undefined);
    next.delete('offset');
    if (q) next.set('q', q);
    else next.delete('q');
    const query = next.toString();
    void navigate(query ? `/?${query}` : '/');
  };

  const me = session?.me;
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        Meshwork
      </Link>
      <form role="search" className="header-search" onSubmit={search}>
        <label htmlFor="header-search-input" className="visually-hidden">
          Search data products
        </label>
        {/* Keyed by the URL's text, so back/forward and facet links show the search they belong to. */}
        <input
          key={text}
          id="header-search-input"
          name="q"
          type="search"
          defaultValue={text}
          placeholder="Search data products"
          autoComplete="off"
        />
        <button type="submit">Search</button>
      </form>
      <nav aria-label="Main" className="main-nav">
        <ul>
          <li>
            <NavLink to="/" end>
              Marketplace
            </NavLink>
          </li>
          <li>
            <NavLink to="/domains">Domains</NavLink>
          </li>
          <li>
            <NavLink to="/map">Mesh map</NavLink>
          </li>
          <li>
            <NavLink to="/console">SQL console</NavLink>
          </li>
          <li>
            <AccessNavLink />
          </li>
          <li>
            <NavLink to="/lineage">Lineage</NavLink>
          </li>
          <li>
            <NavLink to="/glossary">Glossary</NavLink>
          </li>
          <li>
            <NavLink to="/governance">Governance</NavLink>
          </li>
          <li>
            <NavLink to="/operations">Operations</NavLink>
          </li>
          <li>
            <a href="/api/docs">API reference</a>
          </li>
        </ul>
      </nav>
      {me && (
        <div className="current-user">
          <span>
            Signed in as <strong>{me.name ?? me.id}</strong>
            {me.roles.length > 0 && <span className="muted"> ({me.roles.join(', ')})</span>}
          </span>
          <button type="button" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
