/**
 * Who may read `/metrics`. The numbers say how busy each route is, how many queries fail and how
 * many connections are open — useful to an attacker probing the server — so by default (`auth`)
 * a scraper needs a bearer credential of a service account of mesh.yaml (the usual Prometheus
 * identity) or of a principal allowed to `administer` the mesh. `public` drops the check for a
 * scraper on a private network; `off` removes the route.
 */
import { NotAllowedError, UnauthenticatedError } from '@meshwork/core';
import type { Authorizer } from '../../access/access-types.js';
import type { Principal } from '../../identity/principal.js';

export const METRICS_ACCESS_MODES = ['auth', 'public', 'off'] as const;
export type MetricsAccess = (typeof METRICS_ACCESS_MODES)[number];

/** Throws MW8301 without a credential, MW8302 for a principal that is neither a service account nor an administrator. */
export function assertMayReadMetrics(principal: Principal | undefined, authorizer: Authorizer): void {
  if (!principal) {
    throw new UnauthenticatedError(
      'MW8301',
      '/metrics needs `Authorization: Bearer <token>` of a service account of mesh.yaml or of someone who administers the mesh',
    );
  }
  if (principal.kind === 'service') return;
  const decision = authorizer.isAllowed(principal, 'administer', { kind: 'mesh' });
  if (!decision.allowed) {
    throw new NotAllowedError(
      'MW8302',
      `${principal.id} may not read /metrics: use a service account's token, or one of someone who administers the mesh`,
    );
  }
}
