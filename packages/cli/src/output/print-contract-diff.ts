/**
 * A contract diff for humans: per port a header (`orders: 1.4.0 → workspace`), a table of the
 * changes (severity, kind, column, explanation) and the port's overall severity.
 */
import type { ChangeSeverity, DataProduct } from '@meshwork/core';
import type { ProductContractDiff } from '@meshwork/server';
import type { CliOutput } from './cli-output.js';

export function printContractDiff(out: CliOutput, product: DataProduct, diff: ProductContractDiff): void {
  const label = (name: string, major: number) =>
    product.outputPorts.filter((p) => p.name === name).length > 1 ? `${name}@${major}` : name;
  const paint = (severity: ChangeSeverity | 'none') =>
    severity === 'breaking'
      ? out.style.red(severity)
      : severity === 'risky'
        ? out.style.yellow(severity)
        : out.style.green(severity);
  if (diff.ports.length === 0) out.note(`${diff.productId} has no output port with a contract`);
  diff.ports.forEach((port, i) => {
    if (i > 0) out.line();
    const version = port.from ?? 'nothing published';
    const from = port.fromPort ? `${port.fromPort} (${version})` : version;
    out.line(out.style.bold(`${label(port.port, port.major)}: ${from} → ${port.to}`));
    if (port.note) out.note(port.note);
    if (port.changes.length === 0) out.line(out.style.dim('no changes'));
    else
      out.table(
        ['severity', 'kind', 'column', 'explanation'],
        port.changes.map((c) => [
          paint(c.severity),
          c.kind,
          [c.table, c.column].filter((part) => part !== undefined).join('.') || '—',
          c.explanation,
        ]),
      );
    const counts = (['breaking', 'risky', 'non-breaking'] as const).map(
      (s) => `${port.changes.filter((c) => c.severity === s).length} ${s}`,
    );
    out.line(`overall: ${paint(port.overall)}${port.changes.length > 0 ? ` (${counts.join(', ')})` : ''}`);
  });
}
