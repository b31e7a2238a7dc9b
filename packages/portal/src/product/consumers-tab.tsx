/**
 * Consumers & usage: the agreements in force and who read the product, per consumer and per day
 * — for those who may approve access to it; everyone else sees the counts only (the server
 * decides: `consumers.visible` in the detail, and `…/usage/queries` answers owners only).
 */
import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import { LoadError, Loading } from '../components/query-status.js';
import type { Agreement, ConsumerUsage } from './product-api-types.js';
import { useProductQueries, USAGE_QUERIES_LIMIT } from './product-api.js';
import { useProductTab } from './product-context.js';
import { UsageChart } from './usage-chart.js';

const agreement = createColumnHelper<DataTableFeatures, Agreement>();
const agreementColumns = agreement.columns([
  agreement.accessor('principalId', { header: 'Consumer' }),
  agreement.accessor((a) => `${a.port} v${a.major}`, { id: 'port', header: 'Port' }),
  agreement.accessor('purpose', { header: 'Purpose' }),
  agreement.accessor((a) => a.startsAt.slice(0, 10), { id: 'from', header: 'From' }),
  agreement.accessor((a) => a.endsAt.slice(0, 10), { id: 'until', header: 'Until' }),
  agreement.accessor('decidedBy', { header: 'Approved by', cell: (info) => info.getValue() ?? '' }),
]) satisfies DataTableColumns<Agreement>;

const consumer = createColumnHelper<DataTableFeatures, ConsumerUsage>();
const usageColumns = consumer.columns([
  consumer.accessor('principalId', { header: 'Consumer' }),
  consumer.accessor('queries', { header: 'Queries' }),
  consumer.accessor((u) => u.rows.toLocaleString('en'), { id: 'rows', header: 'Rows returned' }),
  consumer.accessor((u) => u.lastQueryAt.slice(0, 16).replace('T', ' '), { id: 'last', header: 'Last query (UTC)' }),
  consumer.accessor((u) => u.purposes.join(', '), { id: 'purposes', header: 'Purposes' }),
]) satisfies DataTableColumns<ConsumerUsage>;

export function ConsumersTab() {
  const { detail } = useProductTab();
  const { consumers, usage } = detail;
  const since = usage.since.slice(0, 10);
  return (
    <section aria-labelledby="consumers-title" className="tab-panel">
      <h2 id="consumers-title">Consumers &amp; usage</h2>
      <dl className="facts counts">
        <Count term="Agreements in force" value={consumers.activeAgreements} />
        <Count term="Consumers with an agreement" value={consumers.consumers} />
        <Count term="Pending requests" value={consumers.pendingRequests} />
        <Count term={`Queries since ${since}`} value={usage.queries} />
        <Count term="Principals who queried" value={usage.consumers} />
        <Count term="Rows returned" value={usage.rows} />
      </dl>
      {!consumers.visible ? (
        <p className="notice">Counts only: {consumers.reason}.</p>
      ) : (
        <>
          <h3>Agreements in force</h3>
          {consumers.agreements.length === 0 ? (
            <p className="muted">No agreement is in force.</p>
          ) : (
            <DataTable
              caption="Agreements in force"
              columns={agreementColumns}
              data={[...consumers.agreements]}
              getRowId={(a) => a.id}
              className="agreements-table"
            />
          )}
          {usage.visible && (
            <>
              <h3>Usage per consumer since {since}</h3>
              {usage.byConsumer.length === 0 ? (
                <p className="muted">Nobody queried the product in that time.</p>
              ) : (
                <DataTable
                  caption={`Usage per consumer since ${since}`}
                  columns={usageColumns}
                  data={[...usage.byConsumer]}
                  getRowId={(u) => u.principalId}
                />
              )}
              <UsageOverTime productId={detail.id} since={usage.since} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function UsageOverTime({ productId, since }: { readonly productId: string; readonly since: string }) {
  const queries = useProductQueries(productId);
  const [now] = useState(() => new Date());
  const sinceDate = useMemo(() => new Date(since), [since]);
  if (queries.isPending) return <Loading what="the queries of the product" />;
  if (queries.isError) return <LoadError error={queries.error} />;
  return (
    <UsageChart
      queries={queries.data.items}
      since={sinceDate}
      now={now}
      truncated={queries.data.next !== undefined && queries.data.items.length >= USAGE_QUERIES_LIMIT}
    />
  );
}

function Count({ term, value }: { readonly term: string; readonly value: number }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value.toLocaleString('en')}</dd>
    </div>
  );
}
