/**
 * What one decision evaluates against: the four variables and the entities passed with the request
 * (the principal and the resource, with their ancestors already flattened into `parents` —
 * cedar-entities.ts). Membership (`in`) follows parents transitively through the entities present,
 * exactly as Cedar computes its transitive closure over the entities it is given; an entity that
 * is not present has no attributes, no tags and no ancestors.
 */
import type { EntityJson, EntityUidJson, TypeAndId } from '@cedar-policy/cedar-wasm/nodejs';
import { sameEntity, type CedarRecord, type CedarValue, type EntityRef } from './cedar-value.js';

export interface EvaluationRequest {
  readonly principal: EntityRef;
  readonly action: EntityRef;
  readonly resource: EntityRef;
  readonly context: CedarRecord;
  readonly entities: EntityStore;
}

export function uidOf(uid: EntityUidJson): TypeAndId {
  return '__entity' in uid ? uid.__entity : uid;
}

export class EntityStore {
  constructor(private readonly entities: readonly EntityJson[]) {}

  find(uid: TypeAndId): EntityJson | undefined {
    for (const entity of this.entities) if (sameEntity(uidOf(entity.uid), uid)) return entity;
    return undefined;
  }

  attributes(uid: TypeAndId): Readonly<Record<string, CedarValue>> | undefined {
    return this.find(uid)?.attrs as Readonly<Record<string, CedarValue>> | undefined;
  }

  tags(uid: TypeAndId): Readonly<Record<string, CedarValue>> | undefined {
    const entity = this.find(uid);
    if (!entity) return undefined;
    return (entity.tags ?? {}) as Readonly<Record<string, CedarValue>>;
  }

  /** `child in ancestor` for two entities: the same, or `ancestor` reachable through parents. */
  isIn(child: TypeAndId, ancestor: TypeAndId): boolean {
    if (sameEntity(child, ancestor)) return true;
    const pending: TypeAndId[] = [child];
    const visited: TypeAndId[] = [];
    while (pending.length > 0) {
      const current = pending.pop()!;
      if (visited.some((seen) => sameEntity(seen, current))) continue;
      visited.push(current);
      const entity = this.find(current);
      if (!entity) continue;
      for (const parent of entity.parents) {
        const parentUid = uidOf(parent);
        if (sameEntity(parentUid, ancestor)) return true;
        pending.push(parentUid);
      }
    }
    return false;
  }
}
