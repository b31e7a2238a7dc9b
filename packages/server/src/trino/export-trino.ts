/**
 * `mesh export trino <dir>`: the catalog properties, the access-control properties and rules.json
 * for a Trino cluster reading Meshwork's products through the Iceberg REST catalog. Settings are
 * checked first, then the workspace and its access policies (refused with errors: rules from
 * failing policies would be wrong), then the rules are compiled, validated — a file the validator
 * rejects is a Meshwork bug and is never written — and written.
 *
 * @example
 * const result = await exportTrino(
 *   { root, model, diagnostics, store, warehouse, maskingKey: () => key },
 *   { dir: '/tmp/trino-etc', serverUrl: 'https://mesh.example.com' },
 * );
 */
import { hasErrors, InputError, type Diagnostic, type MeshModel } from '@meshwork/core';
import { loadAccessPolicies } from '../access/load-access-policies.js';
import { RelationCatalog } from '../gateway/relation-catalog.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { compileTrinoRules, type TrinoRenewal, type TrinoUserSummary } from './compile-trino-rules.js';
import { trinoAgreementSource } from './trino-agreements.js';
import { resolveTrinoExportSettings, type TrinoExportRequest } from './trino-export-options.js';
import {
  accessControlProperties,
  catalogProperties,
  icebergUri,
  validateCatalogProperties,
} from './trino-properties.js';
import { listTrinoTables } from './trino-tables.js';
import { validateTrinoRules } from './validate-trino-rules.js';
import { checkExportFolder, writeTrinoExport, type TrinoExportFile } from './write-trino-export.js';

export interface TrinoExportInput {
  readonly root: string;
  readonly model: MeshModel;
  /** The workspace's load diagnostics: an export from a workspace with errors is refused. */
  readonly diagnostics: readonly Diagnostic[];
  readonly store: Pick<MetadataStore, 'listAgreements' | 'activeAgreements'>;
  readonly warehouse: Warehouse;
  /**
   * The key of hash and tokenize masks, shared with the gateway so that values match; asked for
   * only once the request is known to be good (loading it may create the key file).
   */
  readonly maskingKey: () => Uint8Array;
}

export interface TrinoExportOptions extends TrinoExportRequest {
  /** The folder to write into (absolute). */
  readonly dir: string;
  readonly force?: boolean;
  readonly now?: Date;
}

export interface TrinoExportResult {
  readonly dir: string;
  readonly catalogName: string;
  readonly catalogUri: string;
  readonly engine?: string;
  readonly files: readonly { readonly path: string; readonly secret: boolean }[];
  readonly tables: readonly string[];
  readonly users: readonly TrinoUserSummary[];
  /** Withheld tables (MW8387/MW8388), names not exported (MW8389), no engine (MW8397). */
  readonly notes: readonly Diagnostic[];
  readonly renewals: readonly TrinoRenewal[];
  readonly holdsMaskingKey: boolean;
  readonly rulesPath: string;
  readonly refreshPeriod: string;
}

export async function exportTrino(input: TrinoExportInput, options: TrinoExportOptions): Promise<TrinoExportResult> {
  const settings = resolveTrinoExportSettings(input.model, options);
  await checkExportFolder(options.dir, options.force ?? false);
  if (hasErrors(input.diagnostics)) {
    throw new InputError(
      'MW8386',
      'the workspace has validation errors; fix them first (`mesh validate`)',
      errorsOf(input.diagnostics),
    );
  }
  const access = loadAccessPolicies(input.root, input.model);
  if (hasErrors(access.diagnostics)) {
    throw new InputError(
      'MW8386',
      'the access policies have errors, so Meshwork denies everything: fix them first (`mesh policy test`)',
      errorsOf(access.diagnostics),
    );
  }
  const now = options.now ?? new Date();
  const { tables, skipped } = await listTrinoTables(new RelationCatalog(input.model, input.warehouse, () => now));
  const compiled = await compileTrinoRules({
    model: input.model,
    tables,
    authorizer: access.authorizer,
    rowFilters: access.rowFilters,
    agreements: trinoAgreementSource(input.store),
    maskingKey: input.maskingKey(),
    catalogName: settings.catalogName,
    now,
  });

  const catalogFile = `catalog/${settings.catalogName}.properties`;
  const files: TrinoExportFile[] = [
    {
      path: catalogFile,
      content: catalogProperties({
        warehouse: settings.catalogName,
        serverUrl: settings.serverUrl,
        vendedCredentials: settings.vendedCredentials,
      }),
    },
    {
      path: 'access-control.properties',
      content: accessControlProperties({ rulesPath: settings.rulesPath, refreshPeriod: settings.refreshPeriod }),
    },
    { path: 'rules.json', content: `${JSON.stringify(compiled.rules, null, 2)}\n`, secret: true },
  ];
  const problems = [
    ...validateTrinoRules(compiled.rules, {
      catalog: settings.catalogName,
      tables: tables.map((t) => ({ schema: t.schema, table: t.table, columns: t.columns })),
    }),
    ...validateCatalogProperties(files[0]!.content, catalogFile),
  ];
  if (problems.length > 0) {
    // The compiler wrote something the validator rejects: a bug, never a file.
    throw new Error(
      `the generated Trino files are invalid: ${problems.map((p) => `${p.code} ${p.pointer ?? p.file}: ${p.message}`).join('; ')}`,
    );
  }
  await writeTrinoExport(options.dir, files, { force: options.force ?? false });
  return {
    dir: options.dir,
    catalogName: settings.catalogName,
    catalogUri: icebergUri(settings.serverUrl),
    ...(settings.engine !== undefined ? { engine: settings.engine } : {}),
    files: files.map((f) => ({ path: f.path, secret: f.secret ?? false })),
    tables: tables.map((t) => `${t.schema}.${t.table}`),
    users: compiled.users,
    notes: [...settings.notes, ...compiled.warnings, ...skipped],
    renewals: compiled.renewals,
    holdsMaskingKey: compiled.holdsMaskingKey,
    rulesPath: settings.rulesPath,
    refreshPeriod: settings.refreshPeriod,
  };
}

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
