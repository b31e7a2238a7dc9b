/**
 * The owner's inbox (`/access/inbox`): requests awaiting the viewer's decision on the products
 * they decide for, each with Approve and Reject (with a reason); a decided request leaves the
 * list at once and the decision is announced. Below, the agreements on those products, with
 * Revoke. The server decides who may decide: for anyone else both lists are empty.
 */
import { useState } from 'react';
import { DataTable } from '../components/data-table.js';
import { LoadError, Loading } from '../components/query-status.js';
import { usePageTitle } from '../layout/use-page-title.js';
import { useAccessRequests, useAgreements } from './access-api.js';
import { AccessTabs } from './access-tabs.js';
import type { Agreement } from './access-types.js';
import { InboxRequestCard } from './inbox-request-card.js';
import { ownedAgreementColumns } from './owned-agreement-columns.js';
import { MoreButton, useLoadedItems } from './paged-list.js';

export function InboxPage() {
  usePageTitle('Access inbox');
  return (
    <div className="access-page">
      <h1>Access inbox</h1>
      <AccessTabs />
      <PendingRequests />
      <OwnedAgreements />
    </div>
  );
}

function PendingRequests() {
  const requests = useAccessRequests('inbox');
  const items = useLoadedItems(requests);
  // Decided here: hidden at once, before the list comes back without them.
  const [decided, setDecided] = useState<readonly Agreement[]>([]);
  const last = decided.at(-1);
  const waiting = items.filter((r) => !decided.some((d) => d.id === r.id));

  return (
    <section aria-labelledby="inbox-requests-title">
      <h2 id="inbox-requests-title">Requests awaiting your decision</h2>
      <p role="status" className="decision-status">
        {last &&
          `You ${last.status} ${last.principalId}'s request for ${last.productId} (${last.port} v${last.major}).`}
      </p>
      {requests.isPending ? (
        <Loading what="requests" />
      ) : requests.isError ? (
        <LoadError error={requests.error} />
      ) : waiting.length === 0 ? (
        <p className="muted">No request awaits your decision.</p>
      ) : (
        <ul className="request-cards">
          {waiting.map((request) => (
            <li key={request.id}>
              <InboxRequestCard request={request} onDone={(done) => setDecided((all) => [...all, done])} />
            </li>
          ))}
        </ul>
      )}
      <MoreButton query={requests} what="requests" />
    </section>
  );
}

function OwnedAgreements() {
  const agreements = useAgreements('owned');
  const items = useLoadedItems(agreements);
  return (
    <section aria-labelledby="owned-agreements-title">
      <h2 id="owned-agreements-title">Agreements on your products</h2>
      {agreements.isPending ? (
        <Loading what="agreements" />
      ) : agreements.isError ? (
        <LoadError error={agreements.error} />
      ) : items.length === 0 ? (
        <p className="muted">No agreement on the products you decide for.</p>
      ) : (
        <>
          <DataTable
            caption="Agreements on your products"
            columns={ownedAgreementColumns}
            data={items}
            getRowId={(a) => a.id}
            className="access-table"
          />
          <MoreButton query={agreements} what="agreements" />
        </>
      )}
    </section>
  );
}
