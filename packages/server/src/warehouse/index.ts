export type { Warehouse } from './warehouse.js';
export * from './warehouse-types.js';
export * from './snapshot-manifest.js';
export * from './warehouse-codes.js';
export { isSnapshotId, MAX_SNAPSHOT_ID } from './snapshot-id.js';
export { tableLabel } from './table-ref.js';
export { createLocalWarehouse, defaultWarehouseRoot } from './local/create-local-warehouse.js';
export type { LocalWarehouseOptions } from './local/local-warehouse.js';
