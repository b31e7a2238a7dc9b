/** Finds the current snapshot of an upstream port for product inputs: the given major, else the highest one with data. */
import type { MeshModel } from '@meshwork/core';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { SnapshotResolver } from './inputs/product-input.js';

export function snapshotResolver(model: MeshModel, warehouse: Warehouse): SnapshotResolver {
  return async (productId, port, major) => {
    const upstream = model.products.get(productId);
    const majors = (upstream?.outputPorts ?? [])
      .filter((p) => p.name === port && (major === undefined || p.major === major))
      .map((p) => p.major)
      .sort((a, b) => b - a);
    for (const m of majors) {
      const table = { productId, port, major: m };
      const current = await warehouse.current(table);
      if (current)
        return {
          major: m,
          snapshotId: current.snapshotId,
          rowCount: current.rowCount,
          files: await warehouse.snapshotFiles(table, current.snapshotId),
        };
    }
    return undefined;
  };
}
