/** The knowledge index of a mesh model, built once per model (a reload makes a new model). */
import { buildKnowledgeIndex, type KnowledgeIndex, type MeshModel } from '@meshwork/core';
import type { Authorizer } from '../access/access-types.js';
import type { Principal } from '../identity/principal.js';

const indexes = new WeakMap<MeshModel, KnowledgeIndex>();

export function knowledgeIndexFor(model: MeshModel): KnowledgeIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = buildKnowledgeIndex(model)));
  return index;
}

/** Whether the principal may discover a product, decided once per product for one request. */
export function discoverableBy(authorizer: Authorizer, principal: Principal): (productId: string) => boolean {
  const decided = new Map<string, boolean>();
  return (productId) => {
    let allowed = decided.get(productId);
    if (allowed === undefined) {
      allowed = authorizer.isAllowed(principal, 'discover', { kind: 'product', productId }).allowed;
      decided.set(productId, allowed);
    }
    return allowed;
  };
}
