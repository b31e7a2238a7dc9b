/**
 * The impact of a change to the selected node (`GET /api/v1/impact/{ref}`): the products, ports
 * and columns downstream with their distance, and who would notice — agreements in force, recent
 * queriers, owner teams — or, for products whose consumers the viewer may not see, the counts.
 * What the viewer may not discover is counted, never named.
 */
import { useMemo } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { LoadError, Loading } from '../components/query-status.js';
import { affectedColumns, agreementColumns, day, querierColumns } from './impact-columns.js';
import { useImpact } from './lineage-queries.js';
import type { ImpactResult } from './lineage-types.js';

const FOLD_COLUMNS_ABOVE = 12;

export function ImpactPanel({ nodeRef }: { readonly nodeRef: string }) {
  const impact = useImpact(nodeRef);
  return (
    <aside aria-labelledby="impact-title" className="impact-panel">
      <h2 id="impact-title">
        Impact of <code>{nodeRef}</code>
      </h2>
      {impact.isPending ? (
        <Loading what={`the impact of ${nodeRef}`} />
      ) : impact.isError ? (
        <LoadError error={impact.error} />
      ) : (
        <ImpactDetails impact={impact.data} />
      )}
    </aside>
  );
}

function ImpactDetails({ impact }: { readonly impact: ImpactResult }) {
  const products = impact.products.filter((p) => p.distance > 0);
  const ports = useMemo(() => [...impact.ports], [impact]);
  const columns = useMemo(() => [...impact.columns], [impact]);
  const { consumers } = impact;
  return (
    <>
      <p className="impact-summary">
        {products.length === 0
          ? 'No downstream products: a change here stays within its own product.'
          : `${products.length} downstream product${products.length === 1 ? '' : 's'}, ` +
            `${impact.ports.length} port${impact.ports.length === 1 ? '' : 's'} and ` +
            `${impact.columns.length} column${impact.columns.length === 1 ? '' : 's'} affected.`}
      </p>
      {impact.hidden > 0 && (
        <p className="notice">
          {impact.hidden} affected product{impact.hidden === 1 ? '' : 's'} you may not see.
        </p>
      )}
      {impact.truncated && <p className="notice">The walk stopped at its node limit: there may be more.</p>}
      {products.length > 0 && (
        <section aria-labelledby="impact-products">
          <h3 id="impact-products">Downstream products</h3>
          <ul className="impact-products">
            {products.map((p) => (
              <li key={p.productId}>
                <Link to={`/products/${encodeURIComponent(p.productId)}`}>{p.productId}</Link>{' '}
                <span className="muted">
                  {p.distance} hop{p.distance === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <DataTable caption="Affected ports" columns={affectedColumns} data={ports} getRowId={(p) => p.ref} />
      {/* A wide change reaches dozens of columns: folded, so the consumers below stay in sight. */}
      <details className="impact-columns" open={columns.length <= FOLD_COLUMNS_ABOVE}>
        <summary>
          {columns.length} affected column{columns.length === 1 ? '' : 's'}
        </summary>
        <DataTable caption="Affected columns" columns={affectedColumns} data={columns} getRowId={(c) => c.ref} />
      </details>
      {impact.datasets.length > 0 && (
        <section aria-labelledby="impact-datasets">
          <h3 id="impact-datasets">External datasets</h3>
          <ul>
            {impact.datasets.map((d) => (
              <li key={d.ref}>
                <code>{d.ref}</code> <span className="muted">{d.kind}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="impact-consumers">
        <h3 id="impact-consumers">Who would notice</h3>
        <Consumers consumers={consumers} />
      </section>
      {impact.unresolved.length > 0 && (
        <section aria-labelledby="impact-unresolved">
          <h3 id="impact-unresolved">Unresolved on the way</h3>
          <ul>
            {impact.unresolved.map((u) => (
              <li key={u.ref}>
                <code>{u.ref}</code>: {u.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Consumers({ consumers }: { readonly consumers: ImpactResult['consumers'] }) {
  const agreements = useMemo(() => [...consumers.agreements], [consumers]);
  const queriers = useMemo(() => [...consumers.queriers], [consumers]);
  const nobody =
    agreements.length === 0 &&
    queriers.length === 0 &&
    consumers.owners.length === 0 &&
    consumers.withheld.length === 0;
  if (nobody) {
    return <p className="muted">No agreement in force, no query since {day(consumers.since)}, no other owner team.</p>;
  }
  return (
    <>
      {agreements.length > 0 && (
        <DataTable caption="Agreements in force" columns={agreementColumns} data={agreements} getRowId={(a) => a.id} />
      )}
      {queriers.length > 0 && (
        <DataTable
          caption={`Queried since ${day(consumers.since)}`}
          columns={querierColumns}
          data={queriers}
          getRowId={(q) => `${q.principalId}/${q.productId}`}
        />
      )}
      {consumers.owners.length > 0 && (
        <>
          <h4>Owner teams downstream</h4>
          <ul className="impact-owners">
            {consumers.owners.map((o) => (
              <li key={o.team}>
                <strong>{o.team}</strong>: {o.products.join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {consumers.withheld.length > 0 && (
        <>
          <h4>Consumers you may not see</h4>
          <ul className="impact-withheld">
            {consumers.withheld.map((w) => (
              <li key={w.productId}>
                <code>{w.productId}</code>: {w.activeAgreements} agreement{w.activeAgreements === 1 ? '' : 's'} in
                force, {w.queriers} querier{w.queriers === 1 ? '' : 's'} <span className="muted">({w.reason})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
