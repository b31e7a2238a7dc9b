/** Findings as diagnostics, for the edges that print or return diagnostics (CLI, HTTP errors). */
import { isBlocking, type Diagnostic, type Finding } from '@meshwork/core';

export function findingToDiagnostic(finding: Finding): Diagnostic {
  return {
    code: finding.code,
    severity: isBlocking(finding) ? 'error' : finding.outcome === 'waived' ? 'info' : 'warning',
    file: finding.file,
    ...(finding.line !== undefined ? { line: finding.line } : {}),
    pointer: finding.pointer,
    message: `${findingLabel(finding)}: ${finding.message}`,
    fix: finding.fix,
  };
}

/** `[policy] product/port.column` — who and what a finding is about. */
export function findingLabel(finding: Finding): string {
  const where = [finding.productId, finding.port, finding.column].filter(Boolean).join(' › ');
  const waived = finding.outcome === 'waived' ? ' (waived)' : '';
  return `[${finding.policyId}]${waived} ${where}`;
}
