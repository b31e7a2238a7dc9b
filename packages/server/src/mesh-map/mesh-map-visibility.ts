/**
 * Which products a caller may discover, one bit per product of the index, remembered per
 * principal. Asking the authorizer about 100k products costs a few hundred milliseconds (its
 * decision cache holds 50k entries, so a whole-mesh sweep misses it); a discover decision
 * depends only on the principal, the product and the policies — no request context — so the
 * answer is kept for the next request of the same principal. Kept only while the index and the
 * authorizer are the same objects: new policies or a new model build a new authorizer, and a
 * rebuilt index orders products anew, so either starts afresh.
 */
import type { Authorizer } from '../access/access-types.js';
import { principalKey } from '../access/cedar-entities.js';
import type { Principal } from '../identity/principal.js';
import type { MeshMapIndex } from './mesh-map-index.js';

/** Principals remembered at once (a bit array each: 100 kB at 100k products). */
const PRINCIPALS = 64;

export interface VisibilityCache {
  visible(index: MeshMapIndex, authorizer: Authorizer, principal: Principal): Uint8Array;
}

export function createVisibilityCache(size = PRINCIPALS): VisibilityCache {
  let forIndex: MeshMapIndex | undefined;
  let forAuthorizer: Authorizer | undefined;
  const entries = new Map<string, Uint8Array>();
  return {
    visible(index, authorizer, principal) {
      if (index !== forIndex || authorizer !== forAuthorizer) {
        entries.clear();
        [forIndex, forAuthorizer] = [index, authorizer];
      }
      const key = visibilityKey(principal);
      let bits = entries.get(key);
      if (bits) {
        entries.delete(key); // most recently used last
      } else {
        bits = Uint8Array.from(index.productIds, (productId) =>
          authorizer.isAllowed(principal, 'discover', { kind: 'product', productId }).allowed ? 1 : 0,
        );
        if (entries.size >= size) entries.delete(entries.keys().next().value!);
      }
      entries.set(key, bits);
      return bits;
    },
  };
}

/** What decisions depend on (access/cedar-entities.ts), and the token's scopes, which narrow them. */
function visibilityKey(p: Principal): string {
  return JSON.stringify([principalKey(p), p.scopes ? [...p.scopes].sort() : null]);
}
