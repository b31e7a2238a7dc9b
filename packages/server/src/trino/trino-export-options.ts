/**
 * What an export is asked for, checked against mesh.yaml before any work: the Iceberg catalog must
 * be the one the mesh serves (and not disabled), the engine one of `iceberg.engines` declared as a
 * service account, and the server URL, rules path and refresh period things Trino can use.
 */
import { InputError, NotFoundError, type Diagnostic, type MeshModel } from '@meshwork/core';
import { TRINO_CODES } from './trino-codes.js';

/** The catalog (warehouse) name when mesh.yaml sets none, as the REST catalog answers to it. */
export const DEFAULT_ICEBERG_CATALOG = 'meshwork';

export interface TrinoExportRequest {
  /** The Iceberg catalog to export; must be mesh.yaml `iceberg.catalogName` (default `meshwork`). */
  readonly catalog?: string;
  /** The engine service account Trino authenticates as; the only one of `iceberg.engines` by default. */
  readonly engine?: string;
  /** Where Meshwork serves HTTP, as Trino reaches it. */
  readonly serverUrl: string;
  /** Where Trino reads rules.json; default `/etc/trino/rules.json` (the Trino container's layout). */
  readonly rulesPath?: string;
  /** How often Trino re-reads rules.json; default `1m`. */
  readonly refreshPeriod?: string;
  readonly vendedCredentials?: boolean;
}

export interface TrinoExportSettings {
  readonly catalogName: string;
  readonly engine?: string;
  readonly serverUrl: string;
  readonly rulesPath: string;
  readonly refreshPeriod: string;
  readonly vendedCredentials: boolean;
  /** MW8397 when no engine is configured. */
  readonly notes: readonly Diagnostic[];
}

export function resolveTrinoExportSettings(model: MeshModel, request: TrinoExportRequest): TrinoExportSettings {
  const iceberg = model.config.iceberg ?? {};
  const catalogName = iceberg.catalogName ?? DEFAULT_ICEBERG_CATALOG;
  if (iceberg.disabled) {
    throw new InputError(
      'MW8383',
      'the Iceberg catalog is disabled in mesh.yaml (`iceberg.disabled: true`): Trino could not reach it; remove the setting and export again',
    );
  }
  if (request.catalog !== undefined && request.catalog !== catalogName) {
    throw new NotFoundError(
      'MW8382',
      `unknown Iceberg catalog "${request.catalog}": this mesh serves "${catalogName}" (mesh.yaml iceberg.catalogName); use --catalog ${catalogName} or leave --catalog out`,
    );
  }
  if (!/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(request.serverUrl)) {
    throw new InputError(
      'MW8385',
      `--server-url "${request.serverUrl}" is not an http(s) URL; give where Trino reaches Meshwork, e.g. https://mesh.example.com`,
    );
  }
  const refreshPeriod = request.refreshPeriod ?? '1m';
  if (!/^[0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h|d)$/.test(refreshPeriod)) {
    throw new InputError(
      'MW8385',
      `--refresh-period "${refreshPeriod}" is not a Trino duration; use e.g. 30s, 5m or 1h`,
    );
  }
  const rulesPath = request.rulesPath ?? '/etc/trino/rules.json';
  if (!/^[^\s=:#!]+$/.test(rulesPath) || !rulesPath.endsWith('.json')) {
    throw new InputError(
      'MW8385',
      `--rules-path "${rulesPath}" must be a .json path without spaces, e.g. /etc/trino/rules.json`,
    );
  }
  const engines = iceberg.engines ?? [];
  const undeclared = engines.filter((id) => !model.serviceAccounts.has(id));
  if (undeclared.length > 0) {
    throw new InputError(
      'MW8384',
      `mesh.yaml iceberg.engines names ${undeclared.map((id) => `"${id}"`).join(', ')}, which serviceAccounts does not declare; declare it (with a team and roles) or remove it from iceberg.engines`,
    );
  }
  if (request.engine !== undefined && !engines.includes(request.engine)) {
    throw new InputError(
      'MW8384',
      `--engine "${request.engine}" is not one of mesh.yaml iceberg.engines (${engines.join(', ') || 'none'}); add it there or pick one of those`,
    );
  }
  if (request.engine === undefined && engines.length > 1) {
    throw new InputError(
      'MW8384',
      `mesh.yaml iceberg.engines lists ${engines.join(', ')}; say which one Trino uses with --engine <id>`,
    );
  }
  const engine = request.engine ?? engines[0];
  const notes: Diagnostic[] =
    engine === undefined
      ? [
          {
            code: 'MW8397',
            severity: 'warning',
            message:
              'mesh.yaml iceberg.engines names no engine service account: the catalog will not hand Trino the tables that have masks or row filters',
            fix: TRINO_CODES.MW8397.fix,
          },
        ]
      : [];
  return {
    catalogName,
    ...(engine !== undefined ? { engine } : {}),
    serverUrl: request.serverUrl,
    rulesPath,
    refreshPeriod,
    vendedCredentials: request.vendedCredentials ?? false,
    notes,
  };
}
