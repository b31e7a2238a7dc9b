/** Diagnostics for humans: `file:line:col  severity CODE  message` and the fix under it. */
import { formatLocation, type Diagnostic } from '@meshwork/core';
import type { CliOutput } from './cli-output.js';

export function printDiagnostics(out: CliOutput, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const severity =
      d.severity === 'error' ? out.style.red('error') : d.severity === 'warning' ? out.style.yellow('warning') : 'info';
    const where = formatLocation(d);
    out.error(`${where ? `${out.style.bold(where)}  ` : ''}${severity} ${out.style.dim(d.code)}  ${d.message}`);
    if (d.fix) out.error(`    ${out.style.dim('fix:')} ${d.fix}`);
  }
}

export function summarize(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
