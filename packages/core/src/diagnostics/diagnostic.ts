/**
 * Diagnostics are data: every problem found in a workspace is collected as one of these,
 * never thrown, so that `mesh validate` can report all of them at once.
 */
export type Severity = 'error' | 'warning' | 'info';

/** A 1-based position in a source file. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic {
  /** Stable code, e.g. `MW1001`; documented in docs/reference/errors.md. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Workspace-relative path with forward slashes, when the problem belongs to a file. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** JSON pointer of the field at fault inside the document, when there is one. */
  readonly pointer?: string;
  /** How to fix it, in one sentence. */
  readonly fix?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, then line, then column, then code — so output is deterministic. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

/** `file:line:column` for humans; parts that are unknown are left out. */
export function formatLocation(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  if (!d.file) return '';
  if (d.line === undefined) return d.file;
  return `${d.file}:${d.line}:${d.column ?? 1}`;
}
