/**
 * INTERIM — replaced by the Cedar authorizer (`createAuthorizer` in ../access/) once it exists;
 * everything here is reached only through the `Authorizer` interface, so the swap is the one
 * line that constructs it (start-platform.ts, the CLI's access command, the tests).
 *
 * The rule of the design brief for deciding on access requests: the product's owner team, the
 * governance council (role `governance`) and administrators may `approve` (which covers reject
 * and revoke) for a product; administrators may `administer` the mesh. A scoped token narrows
 * this down: without the `approve` scope nobody approves with it. Every other action
 * is denied, and `planRead` grants nothing: this is not a query-time policy engine.
 */
import type { MeshModel } from '@meshwork/core';
import type { AccessAction, AccessDecision, AccessResource, Authorizer, ReadDecision } from '../access/access-types.js';
import type { Principal } from '../identity/principal.js';

const POLICY_ID = 'interim-owner-approval';

export function ownerApprovalAuthorizer(model: MeshModel): Authorizer {
  const ownerTeam = (productId: string): string | undefined => {
    const product = model.products.get(productId);
    // Same fallback as the catalog's product record: the domain's owner team.
    return product && (product.ownerTeam ?? model.domains.get(product.domain)?.owner);
  };
  const allow = (): AccessDecision => ({ allowed: true, policyIds: [POLICY_ID] });
  const deny = (reason: string): AccessDecision => ({ allowed: false, policyIds: [POLICY_ID], reason });

  const isAllowed = (principal: Principal, action: AccessAction, resource: AccessResource): AccessDecision => {
    const admin = principal.roles.includes('admin');
    if (action === 'administer' && resource.kind === 'mesh') {
      if (!scoped(principal, 'admin')) return deny('the token used lacks the admin scope');
      return admin ? allow() : deny('only administrators administer the mesh');
    }
    if (action !== 'approve' || resource.kind !== 'product') {
      return deny(`the interim approval rule decides only approve on products, not ${action} on ${resource.kind}`);
    }
    if (!scoped(principal, 'approve')) return deny('the token used lacks the approve scope');
    if (admin || principal.roles.includes('governance')) return allow();
    const team = ownerTeam(resource.productId);
    if (team !== undefined && principal.teams.includes(team)) return allow();
    return deny(
      team === undefined
        ? `${resource.productId} has no owner team; ask the governance council or an administrator`
        : `only members of ${team}, the governance council or an administrator may decide for ${resource.productId}`,
    );
  };

  return {
    isAllowed,
    planRead: (): ReadDecision => ({
      allowed: false,
      decision: deny('the interim approval rule does not grant reads; the access policy engine does'),
    }),
  };
}

/** Whether the principal's token (if scoped at all) carries `scope` (as the Cedar authorizer's scope check). */
function scoped(principal: Principal, scope: 'approve' | 'admin'): boolean {
  return principal.scopes === undefined || principal.scopes.includes(scope);
}
