/** One open incident: the product, how bad, since when, and why — the failed run and its checks. */
import { Link } from 'react-router';
import type { Incident } from './operations-types.js';
import { FailedChecksTable } from './failed-checks-table.js';
import { formatDuration, formatWhen } from './run-view.js';

export function SeverityBadge({ severity }: { readonly severity: Incident['severity'] }) {
  return <span className={`badge severity-${severity}`}>{severity} severity</span>;
}

export function IncidentCard({ incident, now }: { readonly incident: Incident; readonly now: number }) {
  const titleId = `incident-${incident.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const run = incident.cause.run;
  return (
    <article className="incident-card" aria-labelledby={titleId}>
      <header>
        <h3 id={titleId}>
          <Link to={`/products/${encodeURIComponent(incident.productId)}`}>{incident.productId}</Link>
        </h3>
        <p className="badges">
          <SeverityBadge severity={incident.severity} />
          <span className={`badge freshness-${incident.cause.status}`}>{incident.cause.status}</span>
        </p>
      </header>
      <dl className="facts">
        <div>
          <dt>Open since</dt>
          <dd>
            {formatWhen(incident.openedAt)}{' '}
            <span className="muted">({formatDuration(now - Date.parse(incident.openedAt))})</span>
          </dd>
        </div>
        <div>
          <dt>Failed runs</dt>
          <dd>{incident.failedRuns}</dd>
        </div>
      </dl>
      <p className="incident-reason">{incident.cause.reason}</p>
      {run && (
        <>
          <p>
            Run <code>{run.id}</code> failed
            {run.error ? (
              <>
                {' '}
                with <code>{run.error.code}</code>
              </>
            ) : null}
            {run.finishedAt ? ` at ${formatWhen(run.finishedAt)}` : ''}.
          </p>
          <FailedChecksTable caption={`Failed checks of ${incident.productId}`} checks={run.failedChecks} />
        </>
      )}
    </article>
  );
}
