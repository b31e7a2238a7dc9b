/**
 * The governance gate of `mesh publish`: products whose blocking policies fail are not published.
 * The refusal names every blocking finding (policy, product, file, line, field, fix) and is
 * audited; waived findings pass, policy errors block.
 */
import { ConflictError } from '@meshwork/core';
import type { GovernanceCheck } from './check-governance.js';
import { findingToDiagnostic } from './finding-diagnostics.js';

export function assertPublishable(check: GovernanceCheck): void {
  if (check.blocking.length === 0) return;
  const products = [...new Set(check.blocking.map((f) => f.productId))];
  throw new ConflictError(
    'MW5704',
    `publishing refused by governance: ${check.blocking.length} blocking finding${check.blocking.length === 1 ? '' : 's'} in ${products.join(', ')}`,
    check.blocking.map(findingToDiagnostic),
  );
}
