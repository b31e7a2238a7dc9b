/**
 * "My access" (`/access`): the agreements I hold — from when, through when, and how many days
 * are left (those ending within 14 days flagged) — and every request I made with its status and
 * the owner's decision, a pending one with a Cancel button. The requests' status filter is in the
 * URL (`/access?status=rejected`), so a view can be bookmarked.
 */
import type { ChangeEvent, ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { LoadError, Loading } from '../components/query-status.js';
import { usePageTitle } from '../layout/use-page-title.js';
import { useAccessRequests, useAgreements } from './access-api.js';
import { AccessTabs } from './access-tabs.js';
import type { AgreementStatus } from './access-types.js';
import { myAgreementColumns, myRequestColumns } from './my-access-columns.js';
import { MoreButton, useLoadedItems, type PagedAgreements } from './paged-list.js';

const REQUEST_STATUSES: readonly AgreementStatus[] = [
  'pending',
  'approved',
  'rejected',
  'cancelled',
  'revoked',
  'expired',
];

export function MyAccessPage() {
  usePageTitle('My access');
  const [params, setParams] = useSearchParams();
  const status = REQUEST_STATUSES.find((s) => s === params.get('status'));
  const agreements = useAgreements('mine');
  const requests = useAccessRequests('mine', status);

  const filter = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = new URLSearchParams(params);
    if (event.target.value) next.set('status', event.target.value);
    else next.delete('status');
    setParams(next, { replace: true });
  };

  return (
    <div className="access-page">
      <h1>My access</h1>
      <AccessTabs />
      <section aria-labelledby="my-agreements-title">
        <h2 id="my-agreements-title">My agreements</h2>
        <AgreementList
          query={agreements}
          caption="Agreements I hold"
          what="agreements"
          empty={
            <>
              You hold no agreement yet. Find a product in the <Link to="/">marketplace</Link> and request access from
              its page.
            </>
          }
          columns="agreements"
        />
      </section>
      <section aria-labelledby="my-requests-title">
        <h2 id="my-requests-title">My requests</h2>
        <div className="filter">
          <label htmlFor="request-status">Status</label>
          <select id="request-status" value={status ?? ''} onChange={filter}>
            <option value="">any</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <AgreementList
          query={requests}
          caption={status ? `My ${status} requests` : 'My requests'}
          what="requests"
          empty={status ? `No ${status} request.` : 'You have made no access request yet.'}
          columns="requests"
        />
      </section>
    </div>
  );
}

function AgreementList(props: {
  readonly query: PagedAgreements;
  readonly caption: string;
  readonly what: string;
  readonly empty: ReactNode;
  readonly columns: 'agreements' | 'requests';
}) {
  const { query, caption, what, empty, columns } = props;
  const items = useLoadedItems(query);
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <LoadError error={query.error} />;
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <>
      <DataTable
        caption={caption}
        columns={columns === 'agreements' ? myAgreementColumns : myRequestColumns}
        data={items}
        getRowId={(a) => a.id}
        className="access-table"
      />
      <MoreButton query={query} what={what} />
    </>
  );
}
