/** Published snapshots per output port (newest first, at most `limit` each), from the warehouse. */
import type { DataProduct } from '@meshwork/core';
import type { Warehouse } from '../warehouse/warehouse.js';

export async function snapshotsSection(warehouse: Warehouse, product: DataProduct, limit: number) {
  return Promise.all(
    product.outputPorts.map(async (port) => {
      const table = { productId: product.id, port: port.name, major: port.major };
      const [snapshots, current] = await Promise.all([warehouse.listSnapshots(table), warehouse.currentPointer(table)]);
      return {
        port: port.name,
        major: port.major,
        currentSnapshotId: current?.snapshotId ?? null,
        total: snapshots.length,
        snapshots: snapshots.slice(0, limit).map((s) => ({
          snapshotId: s.snapshotId,
          sequenceNumber: s.sequenceNumber,
          createdAt: s.createdAt,
          runId: s.runId,
          contractVersion: s.contract.version,
          rowCount: s.rowCount,
          checks: { ...s.checks },
        })),
      };
    }),
  );
}
