/**
 * What Cedar's wasm engine refuses in a request's JSON, found before the compiled evaluator
 * decides: a lone surrogate in a string (a JSON body can carry one), a number that is not a 64-bit
 * integer, a null, a malformed entity reference, an extension value. Wasm fails such a request
 * whether or not a policy reads the value; the compiled evaluator would otherwise decide it, so the
 * request is handed to wasm (`DELEGATE`) and fails there, as it always did.
 *
 * Entities are checked once per object (the authorizer caches them); contexts on every request
 * (small: the purpose and the agreements' purposes).
 */
import type { EntityJson } from '@cedar-policy/cedar-wasm/nodejs';
import { DELEGATE } from './cedar-value.js';

const checkedEntities = new WeakSet<EntityJson>();

/** `String.prototype.isWellFormed` (Node 20; the ES2024 typings are not in our lib yet). */
const wellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

export function assertEntityEvaluable(entity: EntityJson): void {
  if (checkedEntities.has(entity)) return;
  assertUid(entity.uid);
  for (const parent of entity.parents) assertUid(parent);
  for (const value of Object.values(entity.attrs)) assertValue(value);
  for (const value of Object.values(entity.tags ?? {})) assertValue(value);
  checkedEntities.add(entity);
}

export function assertContextEvaluable(context: unknown): void {
  assertValue(context);
}

function assertValue(value: unknown): void {
  switch (typeof value) {
    case 'boolean':
      return;
    case 'string':
      if (!wellFormed(value)) throw DELEGATE;
      return;
    case 'number':
      if (!Number.isSafeInteger(value)) throw DELEGATE;
      return;
    case 'object': {
      if (value === null) throw DELEGATE;
      if (Array.isArray(value)) {
        for (const member of value) assertValue(member);
        return;
      }
      if ('__extn' in value) throw DELEGATE;
      if ('__entity' in value) return assertUid((value as { __entity: unknown }).__entity);
      for (const [key, member] of Object.entries(value)) {
        if (!wellFormed(key)) throw DELEGATE;
        assertValue(member);
      }
      return;
    }
    default:
      throw DELEGATE;
  }
}

/** `{ type, id }` (or `{ __entity: { type, id } }`) with well-formed strings. */
function assertUid(uid: unknown): void {
  const inner = (uid !== null && typeof uid === 'object' && '__entity' in uid ? uid.__entity : uid) as {
    type?: unknown;
    id?: unknown;
  } | null;
  if (inner === null || typeof inner !== 'object') throw DELEGATE;
  const { type, id } = inner;
  if (typeof type !== 'string' || typeof id !== 'string' || !wellFormed(type) || !wellFormed(id)) throw DELEGATE;
}
