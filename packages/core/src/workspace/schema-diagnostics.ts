/**
 * Turns schema issues into positioned diagnostics. The keyword decides the stable code; the
 * YAML tree decides the line and column.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaIssue } from '../standards/schema-validator.js';
import type { YamlSource } from '../yaml/yaml-source.js';
import { WORKSPACE_CODES, type WorkspaceCode } from './workspace-codes.js';

const CODE_BY_KEYWORD: Readonly<Record<string, WorkspaceCode>> = {
  additionalProperties: 'MW2001',
  required: 'MW2002',
  type: 'MW2003',
  enum: 'MW2004',
  const: 'MW2004',
  apiVersion: 'MW2006',
};

export function schemaIssuesToDiagnostics(
  source: YamlSource,
  issues: readonly SchemaIssue[],
  documentLabel: string,
): Diagnostic[] {
  return issues.map((issue) => {
    const code = CODE_BY_KEYWORD[issue.keyword] ?? 'MW2005';
    const where =
      issue.keyword === 'additionalProperties' ? source.locateKey(issue.pointer) : source.locate(issue.pointer);
    const field = issue.pointer === '' ? 'document' : issue.pointer;
    return {
      code,
      severity: 'error',
      file: source.file,
      line: where.line,
      column: where.column,
      pointer: issue.pointer,
      message: `${documentLabel}: ${field} ${issue.message}`,
      fix: WORKSPACE_CODES[code].fix,
    };
  });
}
