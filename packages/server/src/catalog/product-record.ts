/** How a model product is registered in the metadata store (one mapping for register and run). */
import type { DataProduct, MeshModel } from '@meshwork/core';
import type { LifecycleStatus, ProductInput } from '../metadata/metadata-types.js';

/** Products without a declared team are owned by their domain's team, else recorded as `unowned`. */
export function productRecord(model: MeshModel, product: DataProduct): ProductInput {
  return {
    id: product.id,
    domain: product.domain,
    name: product.name,
    urn: product.urn,
    archetype: product.archetype ?? 'source-aligned',
    status: lifecycle(product.status),
    ownerTeam: product.ownerTeam ?? model.domains.get(product.domain)?.owner ?? 'unowned',
    currentVersion: product.version ?? null,
  };
}

function lifecycle(status: string): LifecycleStatus {
  return status === 'active' || status === 'deprecated' || status === 'retired' ? status : 'draft';
}
