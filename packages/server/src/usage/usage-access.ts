/**
 * Who may see who uses a product: whoever may approve access to it (its owner team, governance,
 * administrators — as the access policies say). HTTP and the CLI ask the same question here.
 */
import { NotAllowedError } from '@meshwork/core';
import type { Authorizer } from '../access/access-types.js';
import type { Principal } from '../identity/principal.js';

export function requireUsageAccess(authorizer: Authorizer, principal: Principal, productId: string): void {
  const decision = authorizer.isAllowed(principal, 'approve', { kind: 'product', productId });
  if (decision.allowed) return;
  throw new NotAllowedError(
    'MW5301',
    `${principal.id} may not see who uses ${productId}: only those who may approve access to it can` +
      ` (${decision.reason ?? 'no policy permits it'}).`,
  );
}
