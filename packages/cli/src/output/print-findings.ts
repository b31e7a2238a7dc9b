/** Governance findings for humans: grouped by product, each with its file:line, why and how to fix. */
import { isBlocking, type Finding } from '@meshwork/core';
import type { CliOutput } from './cli-output.js';

export function printFindings(out: CliOutput, findings: readonly Finding[]): void {
  let product: string | undefined;
  for (const finding of [...findings].sort(byProduct)) {
    if (finding.productId !== product) {
      product = finding.productId;
      out.line(out.style.bold(product));
    }
    const mark = isBlocking(finding)
      ? out.style.red(finding.outcome === 'error' ? 'policy error' : 'blocking')
      : finding.outcome === 'waived'
        ? out.style.cyan('waived')
        : out.style.yellow('warning');
    const target = [finding.port, finding.column].filter(Boolean).join(' › ');
    const where = `${finding.file}${finding.line !== undefined ? `:${finding.line}` : ''}${finding.pointer ? ` ${finding.pointer}` : ''}`;
    out.line(
      `  ${mark} ${out.style.dim(finding.code)} ${out.style.bold(finding.policyId)}${target ? `  ${target}` : ''}`,
    );
    out.line(`      ${out.style.dim('at:')}  ${where}`);
    out.line(`      ${out.style.dim('why:')} ${finding.message}`);
    if (finding.waiver) {
      const w = finding.waiver;
      out.line(`      ${out.style.dim('waiver:')} ${w.owner} until ${w.expires} — ${w.reason}`);
    } else out.line(`      ${out.style.dim('fix:')} ${finding.fix}`);
  }
}

export function countFindings(findings: readonly Finding[]): {
  blocking: number;
  warnings: number;
  waived: number;
  errors: number;
} {
  return {
    blocking: findings.filter((f) => f.outcome === 'fail' && f.severity === 'blocking').length,
    warnings: findings.filter((f) => f.outcome === 'fail' && f.severity === 'warning').length,
    waived: findings.filter((f) => f.outcome === 'waived').length,
    errors: findings.filter((f) => f.outcome === 'error').length,
  };
}

function byProduct(a: Finding, b: Finding): number {
  return (
    a.productId.localeCompare(b.productId) ||
    a.file.localeCompare(b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    a.policyId.localeCompare(b.policyId)
  );
}
