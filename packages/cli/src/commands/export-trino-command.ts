/**
 * `mesh export trino <dir>`: Trino's catalog file for Meshwork's Iceberg REST catalog and its
 * file-based access control (access-control.properties, rules.json), computed from the access
 * policies and the agreements in force (server trino/). The command opens the workspace, its
 * metadata store, warehouse and masking key, and prints what was written, what was withheld and
 * until when the rules hold.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { InputError } from '@meshwork/core';
import {
  createLocalWarehouse,
  defaultWarehouseRoot,
  exportTrino,
  loadMaskingKey,
  TRINO_TOKEN_PLACEHOLDER,
  TRINO_TOKEN_VARIABLE,
  type DiskLoadResult,
  type TrinoExportResult,
} from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withMetadataStore } from '../metadata-store-for.js';
import { printDiagnostics } from '../output/print-diagnostics.js';
import { DEFAULT_BASE_URL } from './export-bulk-commands.js';

export interface ExportTrinoFlags {
  readonly force?: boolean;
  readonly catalog?: string;
  readonly engine?: string;
  readonly serverUrl?: string;
  readonly rulesPath?: string;
  readonly refreshPeriod?: string;
  readonly vendedCredentials?: boolean;
  readonly json?: boolean;
}

/** The options `mesh export` takes for `trino`; added to the export command where it is declared. */
export function addTrinoExportOptions(command: Command): Command {
  return command
    .addOption(new Option('--force', 'trino: write into a folder that is not empty (replaces the Trino files only)'))
    .addOption(new Option('--catalog <name>', 'trino: the Iceberg catalog (default: mesh.yaml iceberg.catalogName)'))
    .addOption(new Option('--engine <id>', 'trino: the engine service account of mesh.yaml iceberg.engines'))
    .addOption(new Option('--server-url <url>', `trino: where Trino reaches Meshwork (default ${DEFAULT_BASE_URL})`))
    .addOption(new Option('--rules-path <path>', 'trino: where Trino reads rules.json (default /etc/trino/rules.json)'))
    .addOption(new Option('--refresh-period <duration>', 'trino: how often Trino re-reads rules.json (default 1m)'))
    .addOption(new Option('--vended-credentials', 'trino: use storage credentials vended by the catalog'));
}

export async function exportTrinoCommand(
  ctx: CliContext,
  dir: string | undefined,
  flags: ExportTrinoFlags,
): Promise<void> {
  const out = outputFor(ctx, flags);
  if (dir === undefined) {
    throw new InputError(
      'MW8380',
      '`mesh export trino` needs the folder to write into: `mesh export trino <dir>` (e.g. trino-etc)',
    );
  }
  const workspace = await openWorkspace(ctx);
  const result = await withMetadataStore(ctx, workspace, (store) =>
    exportTrino(
      {
        root: workspace.root,
        model: workspace.model,
        diagnostics: workspace.diagnostics,
        store,
        warehouse: createLocalWarehouse({ root: warehouseRootOf(workspace) }),
        maskingKey: () => loadMaskingKey(workspace.root, ctx.env),
      },
      {
        dir: resolve(ctx.cwd, dir),
        serverUrl: flags.serverUrl ?? DEFAULT_BASE_URL,
        ...pick(flags, ['catalog', 'engine', 'rulesPath', 'refreshPeriod', 'vendedCredentials', 'force']),
      },
    ),
  );
  if (out.json) {
    out.value(result);
    return;
  }
  printResult(ctx, dir, result);
}

function printResult(ctx: CliContext, dir: string, result: TrinoExportResult): void {
  const out = outputFor(ctx, {});
  out.line(`Wrote Trino files to ${dir} for the Iceberg catalog ${result.catalogName} at ${result.catalogUri}:`);
  out.table(
    ['file', 'what'],
    result.files.map((file) => [file.path, describe(file.path, result)]),
  );
  out.line();
  const readers = result.users.filter((u) => u.tables.length > 0);
  out.line(`${readers.length} of ${result.users.length} principals may read ${result.tables.length} tables:`);
  out.table(
    ['principal', 'tables', 'masked columns', 'filtered tables'],
    readers.map((u) => [u.id, String(u.tables.length), String(u.maskedColumns), String(u.filteredTables)]),
  );
  printDiagnostics(out, result.notes);
  out.line();
  const next = result.renewals[0];
  out.line(
    next
      ? `These rules hold until ${next.at}, when ${next.reason}: export again before then — on a schedule, or on the access.* webhooks.`
      : 'No agreement or retirement date limits these rules; export again whenever policies, agreements or products change (on a schedule, or on the access.* webhooks).',
  );
  const agreementEnd = result.renewals.find((r) => r.kind === 'agreement-ends');
  if (agreementEnd && agreementEnd !== next) {
    out.line(`The earliest agreement in these rules ends ${agreementEnd.at} (${agreementEnd.reason}).`);
  }
  const engine = result.engine ?? '<engine>';
  out.note(
    `Create the engine's token with \`mesh token create ${engine}\` and start Trino with it in ${TRINO_TOKEN_VARIABLE}.`,
  );
}

function describe(path: string, result: TrinoExportResult): string {
  if (path === 'access-control.properties') {
    return `file-based access control: ${result.rulesPath}, re-read every ${result.refreshPeriod}`;
  }
  if (path === 'rules.json') {
    return result.holdsMaskingKey
      ? 'the rules (mode 0600): they hold the masking key — a secret, for the Trino coordinator only'
      : 'the rules (mode 0600)';
  }
  return `the Iceberg catalog, read-only; token from ${TRINO_TOKEN_PLACEHOLDER}`;
}

/** Where the workspace's warehouse is, as runtime-for.ts finds it. */
function warehouseRootOf(workspace: DiskLoadResult): string {
  const configured = workspace.model.config.warehouse?.path;
  if (!configured) return defaultWarehouseRoot(workspace.root);
  return isAbsolute(configured) ? configured : join(workspace.root, configured);
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as Partial<
    Pick<T, K>
  >;
}
