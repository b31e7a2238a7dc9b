/**
 * Retention after a publish: snapshots older than the contract's `retention` SLO are removed,
 * never the current one and never the newest `keepLast`; the warehouse keeps referenced ones.
 * Runs under the run's product lock.
 */
import { contractSlaDuration, type DataProduct } from '@meshwork/core';
import type { Warehouse } from '../warehouse/warehouse.js';

export async function applyRetention(
  warehouse: Warehouse,
  product: DataProduct,
  runId: string,
  now: Date,
  keepLast = 2,
): Promise<{ port: string; major: number; removed: readonly string[] }[]> {
  const out: { port: string; major: number; removed: readonly string[] }[] = [];
  for (const port of product.outputPorts) {
    const retention = port.contract ? contractSlaDuration(port.contract, 'retention') : undefined;
    if (retention === undefined) continue;
    const table = { productId: product.id, port: port.name, major: port.major };
    if (!(await warehouse.current(table))) continue;
    const removed = await warehouse.retain(table, { olderThan: new Date(now.getTime() - retention), keepLast, runId });
    if (removed.length > 0) out.push({ port: port.name, major: port.major, removed });
  }
  return out;
}
