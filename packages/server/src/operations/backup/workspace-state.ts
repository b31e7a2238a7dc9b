/**
 * Where a workspace keeps the platform state a backup holds, as the server finds it: the
 * warehouse (mesh.yaml `warehouse.path`, relative to the workspace, or `.meshwork/warehouse`)
 * and the masking key file (used when MESHWORK_MASKING_KEY is not set).
 */
import { isAbsolute, join } from 'node:path';
import type { MeshModel } from '@meshwork/core';
import { defaultWarehouseRoot } from '../../warehouse/local/create-local-warehouse.js';

export function warehouseRootOf(root: string, model: MeshModel): string {
  const configured = model.config.warehouse?.path;
  if (!configured) return defaultWarehouseRoot(root);
  return isAbsolute(configured) ? configured : join(root, configured);
}

export function maskingKeyFile(root: string): string {
  return join(root, '.meshwork', 'masking.key');
}
