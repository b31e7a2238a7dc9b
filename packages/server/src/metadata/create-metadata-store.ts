/**
 * Opens the metadata store a configuration names and brings its schema up to date. The config
 * is read once at the edge (mesh.yaml, flags) and passed here already resolved.
 */
import { join } from 'node:path';
import { InputError } from '@meshwork/core';
import type { MetadataStore } from './metadata-store.js';
import type { KyselyMetadataStoreOptions } from './kysely/kysely-metadata-store.js';
import { openPostgresMetadataStore } from './postgres/postgres-metadata-store.js';
import { openSqliteMetadataStore } from './sqlite/sqlite-metadata-store.js';

export type MetadataStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string; readonly busyTimeoutMs?: number }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string; readonly maxConnections?: number };

export interface CreateMetadataStoreOptions extends KyselyMetadataStoreOptions {
  /** Run pending migrations before returning (default true). */
  readonly migrate?: boolean;
}

/** Where a workspace keeps its embedded database unless configured otherwise. */
export function defaultSqlitePath(workspaceDir: string): string {
  return join(workspaceDir, '.meshwork', 'meshwork.db');
}

/**
 * @example
 * const store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(workspaceDir) });
 * await store.appendAudit({ actor: 'alice', action: 'product.published', resource: 'urn:meshwork:sales:orders' });
 */
export async function createMetadataStore(
  config: MetadataStoreConfig,
  options: CreateMetadataStoreOptions = {},
): Promise<MetadataStore> {
  const store = await open(config, options);
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

async function open(config: MetadataStoreConfig, options: KyselyMetadataStoreOptions): Promise<MetadataStore> {
  switch (config?.kind) {
    case 'sqlite':
      return openSqliteMetadataStore({ ...options, path: config.path, busyTimeoutMs: config.busyTimeoutMs });
    case 'postgres':
      return openPostgresMetadataStore({
        ...options,
        url: config.url,
        schema: config.schema,
        maxConnections: config.maxConnections,
      });
    default:
      throw new InputError('MW6109', 'The metadata store kind must be "sqlite" or "postgres".');
  }
}
