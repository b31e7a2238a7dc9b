/**
 * Which metadata store a workspace uses: `MESHWORK_DATABASE_URL` (passed in by the edge) wins,
 * then mesh.yaml `metadataStore`, then SQLite under `.meshwork/`.
 */
import { isAbsolute, join } from 'node:path';
import type { MeshConfig } from '@meshwork/core';
import { defaultSqlitePath, type MetadataStoreConfig } from './create-metadata-store.js';

export function metadataStoreConfig(root: string, config: MeshConfig, databaseUrl?: string): MetadataStoreConfig {
  if (databaseUrl) return { kind: 'postgres', url: databaseUrl };
  const settings = config.metadataStore;
  if (settings?.kind === 'postgres') return { kind: 'postgres', url: settings.url, schema: settings.schema };
  if (settings?.kind === 'sqlite' && settings.path) {
    return { kind: 'sqlite', path: isAbsolute(settings.path) ? settings.path : join(root, settings.path) };
  }
  return { kind: 'sqlite', path: defaultSqlitePath(root) };
}
