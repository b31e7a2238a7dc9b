/**
 * The pieces every access list shows the same way: the product and port asked for, the period
 * (first and last day of access, UTC), the state in words, what is left of an agreement in force,
 * and the decision's note (a rejection's reason is what the requester most needs to read).
 */
import { Link } from 'react-router';
import { lastDay, remainingOf, utcDay } from './access-dates.js';
import type { Agreement } from './access-types.js';
import { agreementState } from './agreement-state.js';

type Props = { readonly agreement: Agreement };

export function ProductPort({ agreement }: Props) {
  return (
    <>
      <Link to={`/products/${encodeURIComponent(agreement.productId)}`}>{agreement.productId}</Link>{' '}
      <span className="muted">
        {agreement.port} v{agreement.major}
      </span>
    </>
  );
}

export function FirstDay({ agreement }: Props) {
  return <time dateTime={agreement.startsAt}>{utcDay(new Date(agreement.startsAt))}</time>;
}

/** The last day of access: the end is exclusive, so an end at midnight shows the day before. */
export function LastDay({ agreement }: Props) {
  return <time dateTime={agreement.endsAt}>{lastDay(agreement.endsAt)}</time>;
}

export function StateBadge({ agreement }: Props) {
  const state = agreementState(agreement, new Date());
  return <span className={`badge access-${state.tone}`}>{state.label}</span>;
}

/** Days left of an agreement in force; those ending within 14 days are flagged in words too. */
export function Remaining({ agreement }: Props) {
  const remaining = remainingOf(agreement, new Date());
  if (!remaining) return <span className="muted">—</span>;
  return remaining.soon ? (
    <span className="badge access-expiring">{remaining.text} · expiring soon</span>
  ) : (
    <>{remaining.text}</>
  );
}

/** Who decided or ended it, and why: "rejected by pia: not for this purpose". */
export function Decision({ agreement }: Props) {
  const { status, endedBy, decidedBy } = agreement;
  if (status === 'revoked' && endedBy !== null)
    return <NoteLine verb="revoked" by={endedBy} note={agreement.endNote} />;
  if (decidedBy === null) return null;
  // An expired agreement had been approved; its end was recorded by the system, not a person.
  const verb = status === 'expired' ? 'approved' : status;
  return <NoteLine verb={verb} by={decidedBy} note={agreement.decisionNote} />;
}

function NoteLine({ verb, by, note }: { readonly verb: string; readonly by: string; readonly note: string | null }) {
  return (
    <span className="decision">
      <span className="muted">
        {verb} by {by}
        {note ? ':' : ''}
      </span>
      {note && <q>{note}</q>}
    </span>
  );
}
