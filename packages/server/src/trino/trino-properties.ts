/**
 * Trino's two properties files: the catalog (the Iceberg connector on Meshwork's REST catalog, as
 * the engine service account, read-only) and the access control (file-based, reading rules.json
 * and re-reading it periodically so that a new export takes effect without a restart).
 *
 * The token is never written: the catalog file says `${ENV:MESHWORK_TRINO_TOKEN}`, which Trino
 * replaces with the environment variable when it loads the file.
 */
import type { Diagnostic } from '@meshwork/core';
import { TRINO_CODES } from './trino-codes.js';

export const TOKEN_VARIABLE = 'MESHWORK_TRINO_TOKEN';
export const TOKEN_PLACEHOLDER = `\${ENV:${TOKEN_VARIABLE}}`;

export interface CatalogPropertiesOptions {
  /** The warehouse name the REST catalog answers to (mesh.yaml `iceberg.catalogName`). */
  readonly warehouse: string;
  /** Where Meshwork serves, e.g. `https://mesh.example.com`; the catalog is under `/iceberg`. */
  readonly serverUrl: string;
  readonly vendedCredentials: boolean;
}

export function catalogProperties(options: CatalogPropertiesOptions): string {
  return lines([
    '# Meshwork data products as read-only Iceberg tables. Written by `mesh export trino`; export',
    '# again rather than edit. The token of the engine service account comes from the environment.',
    'connector.name=iceberg',
    'iceberg.catalog.type=rest',
    `iceberg.rest-catalog.uri=${icebergUri(options.serverUrl)}`,
    `iceberg.rest-catalog.warehouse=${options.warehouse}`,
    'iceberg.rest-catalog.security=OAUTH2',
    `iceberg.rest-catalog.oauth2.token=${TOKEN_PLACEHOLDER}`,
    ...(options.vendedCredentials ? ['iceberg.rest-catalog.vended-credentials-enabled=true'] : []),
    // Products are written by Meshwork's runtime only.
    'iceberg.security=read_only',
  ]);
}

export interface AccessControlOptions {
  /** Where Trino finds rules.json, as Trino resolves it. */
  readonly rulesPath: string;
  readonly refreshPeriod: string;
}

export function accessControlProperties(options: AccessControlOptions): string {
  return lines([
    '# Meshwork access rules for Trino. Written by `mesh export trino`; export again rather than edit.',
    'access-control.name=file',
    `security.config-file=${options.rulesPath}`,
    `security.refresh-period=${options.refreshPeriod}`,
  ]);
}

export function icebergUri(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/iceberg`;
}

/** Parses `key=value` lines; comments and blank lines skipped. */
export function parseProperties(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const at = line.search(/[=:]/);
    entries.set((at < 0 ? line : line.slice(0, at)).trim(), at < 0 ? '' : line.slice(at + 1).trim());
  }
  return entries;
}

/** MW8396: what a catalog file must say for Trino to reach Meshwork's catalog — and not a token. */
export function validateCatalogProperties(text: string, file: string): Diagnostic[] {
  const properties = parseProperties(text);
  const problems: string[] = [];
  const must = (key: string, accept: (value: string) => boolean, wanted: string, secret = false) => {
    const value = properties.get(key);
    if (value !== undefined && accept(value)) return;
    // A token written in clear is not repeated in the message that reports it.
    const shown = value === undefined ? 'missing' : secret ? 'a literal value' : value;
    problems.push(`${key} must be ${wanted}, not ${shown}`);
  };
  must('connector.name', (v) => v === 'iceberg', 'iceberg');
  must('iceberg.catalog.type', (v) => v === 'rest', 'rest');
  must('iceberg.rest-catalog.uri', (v) => /^https?:\/\/[^/]+.*\/iceberg$/.test(v), 'an http(s) URL ending in /iceberg');
  must('iceberg.rest-catalog.warehouse', (v) => /^[a-z][a-z0-9_-]*$/.test(v), 'the catalog name');
  must('iceberg.rest-catalog.security', (v) => v === 'OAUTH2', 'OAUTH2');
  must(
    'iceberg.rest-catalog.oauth2.token',
    (v) => /^\$\{ENV:[A-Z_][A-Z0-9_]*\}$/.test(v),
    `a placeholder like ${TOKEN_PLACEHOLDER}`,
    true,
  );
  must('iceberg.security', (v) => v === 'read_only', 'read_only');
  return problems.map((message) => ({
    code: 'MW8396',
    severity: 'error',
    file,
    message,
    fix: TRINO_CODES.MW8396.fix,
  }));
}

const lines = (all: readonly string[]) => `${all.join('\n')}\n`;
