/**
 * The warning shown when a query read a deprecated port version (e.g. `sales.orders_v1`): since
 * when, when it stops answering, and the successor to move to, linked to its product page.
 */
import { Link } from 'react-router';
import type { DeprecationNotice } from './deprecation-notice.js';

const day = (date: Date) => date.toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric' });

export function DeprecationWarning({ notice }: { readonly notice: DeprecationNotice }) {
  return (
    <div className="notice deprecation-warning" role="status">
      <strong>Deprecated version.</strong> This query read a port version that is deprecated
      {notice.since && ` since ${day(notice.since)}`}
      {notice.sunset && `; it stops answering on ${day(notice.sunset)}`}.{' '}
      {notice.successors.length > 0 ? (
        <>
          Move to its successor:{' '}
          {notice.successors.map((successor, index) => (
            <span key={successor.href}>
              {index > 0 && ', '}
              <Successor title={successor.title} productId={successor.productId} />
            </span>
          ))}
          .
        </>
      ) : (
        'Its owner has not named a successor.'
      )}
    </div>
  );
}

function Successor({ title, productId }: { readonly title: string | null; readonly productId: string | null }) {
  const name = <code>{title ?? productId ?? 'the new version'}</code>;
  return productId ? <Link to={`/products/${encodeURIComponent(productId)}`}>{name}</Link> : name;
}
