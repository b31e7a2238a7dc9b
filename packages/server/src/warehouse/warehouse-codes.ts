/**
 * Stable error codes of the warehouse (range MW8100–MW8199). Each code names one cause and says
 * how to fix it; `warehouse-codes.test.ts` checks that every code thrown here is listed and every
 * listed code is still thrown.
 */
export const WAREHOUSE_CODES = {
  MW8101: {
    title: 'Invalid table reference',
    fix: 'Name the table by a product id `domain.product` (lowercase letters, digits, dashes), a port name (lowercase letters, digits, `_` and `-`) and a major version between 0 and 999999.',
  },
  MW8102: {
    title: 'Invalid snapshot id',
    fix: 'Pass a snapshot id as the decimal string of an integer between 1 and 9223372036854775807, as listed by the warehouse.',
  },
  MW8103: {
    title: 'Warehouse storage unavailable',
    fix: 'Free disk space or fix the permissions of the named path (the warehouse folder must be writable by Meshwork), then run again.',
  },
  MW8104: {
    title: 'Warehouse metadata damaged',
    fix: 'A pointer or manifest under the named table is unreadable or points at a missing file; restore it from a backup or remove the table folder and publish again.',
  },
  MW8105: {
    title: 'Product is locked by another run',
    fix: 'Wait for the named run to finish; if its process is gone on another machine, remove the named lock file.',
  },
  MW8106: {
    title: 'Product lock not held',
    fix: 'Acquire the product lock with acquireProductLock for this run before staging, publishing or retaining.',
  },
  MW8107: {
    title: 'Current snapshot moved',
    fix: 'Another publish changed the current snapshot since this one was staged; abort, rebuild from the new current snapshot and publish again.',
  },
  MW8108: {
    title: 'Snapshot is not staged',
    fix: 'The staged snapshot was already published, aborted or cleaned up by recovery; stage a new snapshot.',
  },
  MW8109: {
    title: 'Invalid staged data',
    fix: 'Write only Parquet files (`*.parquet`, at least one) into the staged data folder and give a row count for each when there are several.',
  },
  MW8110: {
    title: 'Invalid snapshot description',
    fix: 'Give a contract id and version, at least one schema column with a name and a DuckDB type, non-negative integer counts, and statistics only for columns of the schema.',
  },
  MW8111: {
    title: 'Snapshot not found',
    fix: 'List the table’s snapshots (listSnapshots) and use one of their ids; removed and unpublished snapshots cannot be read.',
  },
  MW8112: {
    title: 'Invalid retention options',
    fix: 'Pass keepLast as an integer of at least 1, olderThan as a valid date, or both.',
  },
  MW8113: {
    title: 'Invalid run id',
    fix: 'Use a run id of 1 to 200 printable characters and, as pid, a positive integer.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type WarehouseCode = keyof typeof WAREHOUSE_CODES;
