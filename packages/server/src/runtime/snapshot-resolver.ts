/**
 * Finds the current snapshot of an upstream port for product inputs: the given major, else the
 * highest one with data. A port version past its contract's `endOfLife` is not served: asking
 * for it by major is an error naming the date; without a major it is passed over.
 */
import { contractRetirement, NotFoundError, type MeshModel } from '@meshwork/core';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { SnapshotResolver } from './inputs/product-input.js';

export function snapshotResolver(
  model: MeshModel,
  warehouse: Warehouse,
  now: () => Date = () => new Date(),
): SnapshotResolver {
  return async (productId, port, major) => {
    const upstream = model.products.get(productId);
    const candidates = (upstream?.outputPorts ?? [])
      .filter((p) => p.name === port && (major === undefined || p.major === major))
      .sort((a, b) => b.major - a.major);
    for (const candidate of candidates) {
      const retired = candidate.contract ? contractRetirement(candidate.contract) : undefined;
      if (retired && retired <= now()) {
        if (major !== undefined) {
          throw new NotFoundError(
            'MW8016',
            `${productId}.${port} v${major} was retired on ${retired.toISOString().slice(0, 10)}; read a current major version`,
          );
        }
        continue;
      }
      const table = { productId, port, major: candidate.major };
      const current = await warehouse.current(table);
      if (current)
        return {
          major: candidate.major,
          snapshotId: current.snapshotId,
          rowCount: current.rowCount,
          files: await warehouse.snapshotFiles(table, current.snapshotId),
        };
    }
    return undefined;
  };
}
