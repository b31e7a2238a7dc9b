/**
 * How many requests await the viewer's decision, as a badge beside a link ("Access 3"): shown
 * only when there are some, and read out in words, not only as a number.
 */
import { INBOX_COUNT_LIMIT, useInboxCount } from './access-api.js';

export function InboxCountBadge() {
  const { data } = useInboxCount();
  if (!data || data.count === 0) return null;
  const count = data.more ? `${INBOX_COUNT_LIMIT}+` : String(data.count);
  return (
    <span className="badge inbox-count">
      {count}
      <span className="visually-hidden"> awaiting your decision</span>
    </span>
  );
}
