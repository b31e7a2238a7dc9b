/**
 * Example queries: the generated first-rows query of each port and those the descriptor lists,
 * each with a link that opens it in the SQL console (`/console?sql=…`).
 */
import { Link } from 'react-router';
import { consoleHref } from './console-link.js';
import { useProductTab } from './product-context.js';

export function ExamplesTab() {
  const { detail } = useProductTab();
  return (
    <section aria-labelledby="examples-title" className="tab-panel">
      <h2 id="examples-title">Example queries</h2>
      <p className="muted">
        Queries run through the governed gateway as you: masks and row filters apply, and a product you may not query is
        refused with the reason.
      </p>
      {detail.exampleQueries.length === 0 ? (
        <p className="muted">No example query.</p>
      ) : (
        <ul className="example-queries">
          {detail.exampleQueries.map((q, i) => {
            const id = `example-${i}`;
            return (
              <li key={id}>
                <h3 id={id}>
                  {q.title} {q.source === 'descriptor' && <span className="badge">from the descriptor</span>}
                </h3>
                <pre className="example-sql">
                  <code>{q.sql}</code>
                </pre>
                <Link to={consoleHref(q.sql)} className="button-link" aria-label={`Open in console: ${q.title}`}>
                  Open in console
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
