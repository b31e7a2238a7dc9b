/**
 * The governed SQL gateway for CLI commands (`mesh query`, `mesh sql`): the workspace's
 * warehouse and relation catalog, its access policies and agreements (access-for.ts), the
 * masking key shared with the server (`MESHWORK_MASKING_KEY` or `.meshwork/masking.key`, so
 * tokens match), and a sandbox that spills under `.meshwork/tmp/gateway`. The caller's function
 * runs with the gateway open; it is closed afterwards, whatever happens.
 */
import { isAbsolute, join } from 'node:path';
import { hasErrors, InputError } from '@meshwork/core';
import {
  createDeprecatedSinceLookup,
  createLocalWarehouse,
  createQueryGateway,
  createUsageRecorder,
  defaultWarehouseRoot,
  gatewaySettingOptions,
  loadMaskingKey,
  RelationCatalog,
  type DiskLoadResult,
  type GatewayLimits,
  type QueryGateway,
} from '@meshwork/server';
import { accessFor } from './access-for.js';
import type { CliContext } from './cli-context.js';
import { withMetadataStore } from './metadata-store-for.js';

export type CliGateway = QueryGateway & { readonly limits: GatewayLimits };

export async function withGateway<T>(
  ctx: CliContext,
  workspace: DiskLoadResult,
  use: (gateway: CliGateway) => Promise<T>,
): Promise<T> {
  if (hasErrors(workspace.diagnostics)) {
    throw new InputError(
      'MW8008',
      'the workspace has validation errors; fix them first (`mesh validate`)',
      workspace.diagnostics.filter((d) => d.severity === 'error'),
    );
  }
  return withMetadataStore(ctx, workspace, async (store) => {
    const warehouseRoot = warehouseRootOf(workspace);
    const catalog = new RelationCatalog(workspace.model, createLocalWarehouse({ root: warehouseRoot }));
    const { authorizer, agreements } = await accessFor(workspace.root, workspace.model, store);
    // CLI queries are metered like the server's; the recorder is flushed when the command ends.
    const usage = createUsageRecorder({ store });
    const gateway = await createQueryGateway({
      catalog,
      authorizer,
      ...(agreements ? { agreements } : {}),
      warehouseRoot,
      tempDirectory: join(workspace.root, '.meshwork', 'tmp', 'gateway'),
      maskingKey: loadMaskingKey(workspace.root, ctx.env),
      ...gatewaySettingOptions(workspace.model.config.gateway),
      onUsage: usage.record,
      // Deprecation notices say since when (the first publication of the deprecated contract).
      deprecatedSince: createDeprecatedSinceLookup(store),
    });
    try {
      return await use(gateway);
    } finally {
      await gateway.close();
      await usage.close();
    }
  });
}

/** Where the workspace's warehouse is, as runtime-for.ts finds it. */
function warehouseRootOf(workspace: DiskLoadResult): string {
  const configured = workspace.model.config.warehouse?.path;
  if (!configured) return defaultWarehouseRoot(workspace.root);
  return isAbsolute(configured) ? configured : join(workspace.root, configured);
}
