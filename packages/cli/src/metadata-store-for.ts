/** Opens the metadata store of a loaded workspace; the caller closes it. */
import {
  assertNoUnfinishedRestore,
  createMetadataStore,
  metadataStoreConfig,
  type DiskLoadResult,
  type MetadataStore,
} from '@meshwork/server';
import type { CliContext } from './cli-context.js';

export async function withMetadataStore<T>(
  ctx: CliContext,
  workspace: DiskLoadResult,
  use: (store: MetadataStore) => Promise<T>,
): Promise<T> {
  assertNoUnfinishedRestore(workspace.root);
  const store = await createMetadataStore(
    metadataStoreConfig(workspace.root, workspace.model.config, ctx.env.MESHWORK_DATABASE_URL),
  );
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Who is acting, for the audit log: `MESHWORK_USER`, else the OS user, else `cli`. */
export function cliActor(ctx: CliContext): string {
  return ctx.env.MESHWORK_USER ?? ctx.env.USER ?? 'cli';
}
