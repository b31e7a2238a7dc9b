/**
 * "How do I join these two products?": the ranked join paths through shared glossary identifiers,
 * each with the SQL to paste into a query. The question lives in the URL (`?from=…&to=…`).
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LoadError, Loading } from '../components/query-status.js';
import { useProductIds } from '../operations/operations-api.js';
import { useJoinPaths } from './glossary-api.js';
import type { JoinPaths } from './glossary-types.js';
import { DEFAULT_MAX_HOPS, joinRequestFrom, joinSearch, MAX_HOPS } from './join-params.js';

export function JoinPathFinder() {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const request = joinRequestFrom(params);
  const products = useProductIds();
  const paths = useJoinPaths(request);
  const ask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = String(form.get('from') ?? '');
    const to = String(form.get('to') ?? '');
    if (!from || !to) return;
    void navigate(`${pathname}${joinSearch({ from, to, maxHops: Number(form.get('hops') ?? DEFAULT_MAX_HOPS) })}`);
  };
  const ids = products.data ?? [];
  return (
    <section aria-labelledby="join-title" className="join-finder">
      <h2 id="join-title">Join paths between two products</h2>
      <p className="muted">Meshwork plans the join through columns bound to the same glossary identifier.</p>
      {products.isError && <LoadError error={products.error} />}
      <form className="join-form" onSubmit={ask} key={`${params.toString()}|${ids.length}`}>
        <label>
          From
          <select name="from" defaultValue={request?.from ?? ''} required>
            <option value="">choose a product</option>
            {ids.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <label>
          To
          <select name="to" defaultValue={request?.to ?? ''} required>
            <option value="">choose a product</option>
            {ids.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <label>
          At most
          <select name="hops" defaultValue={String(request?.maxHops ?? DEFAULT_MAX_HOPS)}>
            {Array.from({ length: MAX_HOPS }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n} hop{n === 1 ? '' : 's'}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Find join paths</button>
      </form>
      {paths.isFetching && <Loading what="join paths" />}
      {paths.isError && <LoadError error={paths.error} />}
      {/* Keyed by the question, so a new answer starts folded again. */}
      {paths.data && <JoinPathList key={`${paths.data.from}>${paths.data.to}`} result={paths.data} />}
    </section>
  );
}

/** The best few paths first; the rest on demand (a 3-hop search can find ten). */
const FIRST_PATHS = 3;

function JoinPathList({ result }: { readonly result: JoinPaths }) {
  const [all, setAll] = useState(false);
  const shown = all ? result.paths : result.paths.slice(0, FIRST_PATHS);
  return (
    <div className="join-results">
      <p role="status">
        {result.paths.length === 0
          ? (result.explanation ?? `No join path within ${result.maxHops} hops.`)
          : `${result.paths.length} path${result.paths.length === 1 ? '' : 's'} from ${result.from} to ${result.to}, best first${result.explanation ? `: ${result.explanation}` : '.'}`}
      </p>
      <ol className="join-paths">
        {shown.map((path, index) => (
          <li key={`${index}:${path.sql}`} className="join-path">
            <h3>
              Path {index + 1}: {path.hops} hop{path.hops === 1 ? '' : 's'}{' '}
              <span className="muted">(score {path.score})</span>
            </h3>
            <p className="join-products">
              {path.products.map((id, i) => (
                <span key={id}>
                  {i > 0 && ' → '}
                  <Link to={`/products/${encodeURIComponent(id)}`}>{id}</Link>
                </span>
              ))}
            </p>
            <ul className="join-steps">
              {path.steps.map((step) => (
                <li key={`${step.left.relation}.${step.left.column}=${step.right.relation}.${step.right.column}`}>
                  <code>
                    {step.left.relation}.{step.left.column} = {step.right.relation}.{step.right.column}
                  </code>{' '}
                  <span className="muted">
                    through {step.term}, {step.quality}
                    {step.compatible ? '' : ' (types differ: check the cast)'}
                  </span>
                </li>
              ))}
            </ul>
            <pre className="join-sql" aria-label={`SQL of path ${index + 1}`}>
              <code>{path.sql}</code>
            </pre>
            {path.notes.length > 0 && (
              <ul className="join-notes">
                {path.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {shown.length < result.paths.length && (
        <button type="button" onClick={() => setAll(true)}>
          Show all {result.paths.length} paths
        </button>
      )}
    </div>
  );
}
