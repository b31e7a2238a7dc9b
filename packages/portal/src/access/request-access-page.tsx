/**
 * Request access (`/products/:id/request-access`): the output port version, the purpose and the
 * period (first and last day, UTC). Mistakes show beside their field before anything is sent;
 * the server's refusal shows with its code; once sent, the request shows with its status. The
 * port may come from the URL (`?port=orders@2`), so a link can ask for one version.
 */
import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useProductDetail } from '../api/api-queries.js';
import { LoadError, Loading } from '../components/query-status.js';
import { usePageTitle } from '../layout/use-page-title.js';
import type { Agreement } from './access-types.js';
import { FirstDay, LastDay, ProductPort, StateBadge } from './agreement-parts.js';
import { RequestAccessForm } from './request-access-form.js';
import { portChoice } from './request-form.js';
import { useRequestAccess } from './access-api.js';

export function RequestAccessPage() {
  const id = useParams().id ?? '';
  const [params] = useSearchParams();
  const detail = useProductDetail(id);
  const request = useRequestAccess();
  usePageTitle(`Request access to ${detail.data?.title ?? id}`);

  const productLink = `/products/${encodeURIComponent(id)}`;
  return (
    <div className="request-access">
      <p>
        <Link to={productLink}>← {detail.data?.title ?? id}</Link>
      </p>
      <h1>Request access to {detail.data?.title ?? id}</h1>
      {detail.isPending ? (
        <Loading what={`product ${id}`} />
      ) : detail.isError ? (
        <LoadError error={detail.error} />
      ) : request.isSuccess ? (
        <CreatedRequest agreement={request.data} />
      ) : (
        <RequestAccessForm
          productId={detail.data.id}
          ports={detail.data.contracts.map((c) => ({
            value: portChoice(c.port, c.major),
            label: `${c.port} v${c.major}`,
          }))}
          initialPort={params.get('port') ?? ''}
          request={request}
        />
      )}
    </div>
  );
}

function CreatedRequest({ agreement }: { readonly agreement: Agreement }) {
  // The form is gone: focus moves to what replaced it, so a screen reader reads the outcome.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="created-title" className="created-request">
      <h2 id="created-title" ref={heading} tabIndex={-1}>
        Request sent
      </h2>
      <dl className="facts wide">
        <div>
          <dt>Status</dt>
          <dd>
            <StateBadge agreement={agreement} />
          </dd>
        </div>
        <div>
          <dt>Port</dt>
          <dd>
            <ProductPort agreement={agreement} />
          </dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>
            <FirstDay agreement={agreement} />
          </dd>
        </div>
        <div>
          <dt>Through</dt>
          <dd>
            <LastDay agreement={agreement} />
          </dd>
        </div>
      </dl>
      <p>
        <span className="muted">Purpose: </span>
        {agreement.purpose}
      </p>
      <p>
        The product&apos;s owners decide on it. Follow it in <Link to="/access">My access</Link>.
      </p>
    </section>
  );
}
