/** The factory the composition root calls; nothing else needs to know the adapter's class. */
import { join } from 'node:path';
import type { Warehouse } from '../warehouse.js';
import { LocalWarehouse, type LocalWarehouseOptions } from './local-warehouse.js';

/**
 * A warehouse in a local folder, created on first write.
 *
 * @example
 *   const warehouse = createLocalWarehouse({ root: defaultWarehouseRoot('/srv/mesh') });
 *   const lock = await warehouse.acquireProductLock('sales.orders', { runId });
 */
export function createLocalWarehouse(options: LocalWarehouseOptions): Warehouse {
  return new LocalWarehouse(options);
}

/** `<workspace>/.meshwork/warehouse`, beside the metadata database. */
export function defaultWarehouseRoot(workspace: string): string {
  return join(workspace, '.meshwork', 'warehouse');
}
