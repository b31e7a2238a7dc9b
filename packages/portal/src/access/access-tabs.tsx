/** The two access pages, side by side: what I asked for and hold, and what awaits my decision. */
import { NavLink } from 'react-router';
import { InboxCountBadge } from './inbox-count-badge.js';

export function AccessTabs() {
  return (
    <nav aria-label="Access sections" className="tabs">
      <NavLink to="/access" end>
        My access
      </NavLink>
      <NavLink to="/access/inbox">
        Inbox <InboxCountBadge />
      </NavLink>
    </nav>
  );
}
