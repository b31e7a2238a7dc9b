/** The header's "Access" link, with the number of requests awaiting the viewer's decision. */
import { NavLink } from 'react-router';
import { InboxCountBadge } from './inbox-count-badge.js';

export function AccessNavLink() {
  return (
    <NavLink to="/access">
      Access <InboxCountBadge />
    </NavLink>
  );
}
