/**
 * Reads one YAML document of the workspace: parse, check it is a mapping, validate it against
 * its schema, and return the value with every problem as a positioned diagnostic.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaIssue } from '../standards/schema-validator.js';
import { parseYamlSource, type YamlSource } from '../yaml/yaml-source.js';
import { schemaIssuesToDiagnostics } from './schema-diagnostics.js';

export interface ParsedDocument<T> {
  readonly source: YamlSource;
  /** Present when the file parsed to a mapping, even if it has schema errors. */
  readonly value?: T;
  /** True when the value passed its schema. */
  readonly valid: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

export function parseWorkspaceDocument<T>(
  file: string,
  text: string,
  label: string,
  validate: (value: unknown) => readonly SchemaIssue[],
  transform: (value: Record<string, unknown>) => { value: unknown; diagnostics: readonly Diagnostic[] } = (value) => ({
    value,
    diagnostics: [],
  }),
  preParsed?: unknown,
): ParsedDocument<T> {
  const source = parseYamlSource(file, text, preParsed);
  if (source.diagnostics.length > 0) return { source, valid: false, diagnostics: source.diagnostics };
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    return {
      source,
      valid: false,
      diagnostics: [
        {
          code: 'MW1006',
          severity: 'error',
          file,
          line: 1,
          column: 1,
          message: `${label}: the file must contain a YAML mapping, found ${describe(source.value)}`,
          fix: 'Write the document as key: value pairs.',
        },
      ],
    };
  }
  const transformed = transform(source.value as Record<string, unknown>);
  const issues = validate(transformed.value);
  const diagnostics = [...transformed.diagnostics, ...schemaIssuesToDiagnostics(source, issues, label)];
  return { source, value: transformed.value as T, valid: issues.length === 0, diagnostics };
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'an empty document';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
