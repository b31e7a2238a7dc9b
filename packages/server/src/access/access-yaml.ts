/**
 * Reads one YAML document of `policies/access/` the way the workspace loader reads its files:
 * parse with positions, require a mapping, validate against a TypeBox schema, and report every
 * problem as a positioned diagnostic (the same MW1xxx/MW2xxx codes as the rest of the workspace).
 */
import {
  createDocumentValidator,
  parseYamlSource,
  schemaIssuesToDiagnostics,
  WORKSPACE_CODES,
  type Diagnostic,
  type YamlSource,
} from '@meshwork/core';
import type { Static, TSchema } from '@sinclair/typebox';
import { readAccessFile } from './access-files.js';

export interface AccessYaml<T> {
  readonly source?: YamlSource;
  /** The file's text, when it could be read. */
  readonly text?: string;
  /** Present when the document passed its schema. */
  readonly value?: T;
  readonly diagnostics: readonly Diagnostic[];
}

export interface AccessYamlReader<S extends TSchema> {
  read(root: string, path: string): AccessYaml<Static<S>>;
}

export function createAccessYamlReader<S extends TSchema>(schema: S, label: string): AccessYamlReader<S> {
  const validate = createDocumentValidator(schema);
  return {
    read(root, path) {
      const read = readAccessFile(root, path);
      if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
      const source = parseYamlSource(path, read.text);
      const text = read.text;
      if (source.diagnostics.length > 0) return { source, text, diagnostics: source.diagnostics };
      if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
        const diagnostic: Diagnostic = {
          code: 'MW1006',
          severity: 'error',
          file: path,
          line: 1,
          column: 1,
          message: `${label}: the file must contain a YAML mapping`,
          fix: WORKSPACE_CODES.MW1006.fix,
        };
        return { source, text, diagnostics: [diagnostic] };
      }
      const issues = validate(source.value);
      if (issues.length > 0) return { source, text, diagnostics: schemaIssuesToDiagnostics(source, issues, label) };
      return { source, text, value: source.value as Static<S>, diagnostics: [] };
    },
  };
}
