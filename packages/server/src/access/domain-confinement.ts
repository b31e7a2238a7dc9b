/**
 * A domain's own policies may only concern that domain's resources. The check is on the policy's
 * resource scope, which Cedar applies before any condition, so a `when` clause cannot widen it.
 *
 * We reject a policy whose scope is not confined rather than silently adding the constraint:
 * what the file says is what applies, reviewers see the scope in the policy itself, and a policy
 * written without a scope (`resource` alone) is almost always meant as a global rule that belongs
 * to the governance council in policies/access/.
 */
import type { PolicyJson, ResourceConstraint } from '@cedar-policy/cedar-wasm/nodejs';
import type { MeshModel } from '@meshwork/core';
import { domainAncestry } from './access-model.js';
import { entityType } from './cedar-entities.js';

/** Undefined when the scope is confined to `domain`; otherwise why not. */
export function domainScopeProblem(policy: PolicyJson, domain: string, model: MeshModel): string | undefined {
  const scope: ResourceConstraint = policy.resource;
  const expected = `resource in Meshwork::Domain::"${domain}"`;
  if (scope.op === 'All') return `its scope is any resource; write \`${expected}\``;
  const target = scope.op === 'is' ? scope.in : scope;
  if (target === undefined)
    return `its scope is every ${scope.op === 'is' ? scope.entity_type : 'resource'}; add \`in Meshwork::Domain::"${domain}"\``;
  if (!('entity' in target)) return 'it is a template; domain policies must be static';
  const entity = '__entity' in target.entity ? target.entity.__entity : target.entity;
  const owner = owningDomain(entity.type, entity.id);
  if (owner === undefined) return `its scope ${entity.type}::"${entity.id}" is not a domain, product, port or column`;
  if (!domainAncestry(model, owner).includes(domain)) {
    return `its scope ${entity.type}::"${entity.id}" belongs to domain "${owner}", not "${domain}"`;
  }
  return undefined;
}

/** `sales` for Domain "sales", Product "sales.orders", OutputPort "sales.orders/orders@2", Column "…/id". */
function owningDomain(type: string, id: string): string | undefined {
  if (type === entityType('Domain')) return id;
  if (type === entityType('Product') || type === entityType('OutputPort') || type === entityType('Column')) {
    const dot = id.indexOf('.');
    return dot > 0 ? id.slice(0, dot) : undefined;
  }
  return undefined;
}
