/**
 * The profile stored with a published snapshot, for policies that look at the data. Profiles
 * live in the snapshot manifest (`SnapshotManifest.profile`), so reading one is reading the
 * manifest through the Warehouse port: the current snapshot by default, or a given one.
 */
import type { SnapshotColumnProfile } from '../warehouse/snapshot-manifest.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { TableRef } from '../warehouse/warehouse-types.js';

export interface SnapshotProfile {
  readonly snapshotId: string;
  readonly contract: { readonly id: string; readonly version: string };
  readonly rowCount: number;
  /**
   * One entry per profiled (text) column. Detector names are those of DETECTOR_NAMES when the
   * snapshot was published; an older snapshot may lack a detector added since.
   */
  readonly columns: readonly SnapshotColumnProfile[];
}

/**
 * The profile of the table's current snapshot (or of `snapshotId`), or undefined when nothing
 * is published or the snapshot has no profile (published before profiling, or profiling failed:
 * the manifest's `audit.profileError` then says why). Errors of the warehouse propagate
 * (NotFoundError for an unknown `snapshotId`).
 */
export async function readSnapshotProfile(
  warehouse: Pick<Warehouse, 'current' | 'getSnapshot'>,
  table: TableRef,
  snapshotId?: string,
): Promise<SnapshotProfile | undefined> {
  const manifest =
    snapshotId === undefined ? await warehouse.current(table) : await warehouse.getSnapshot(table, snapshotId);
  if (!manifest?.profile) return undefined;
  return {
    snapshotId: manifest.snapshotId,
    contract: manifest.contract,
    rowCount: manifest.rowCount,
    columns: manifest.profile,
  };
}
