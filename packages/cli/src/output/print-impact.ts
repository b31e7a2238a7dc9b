/**
 * Impact for people: what a change would reach (ports, columns, external datasets, nearest
 * first) and who would notice (agreements in force, recent queriers, owner teams), then the
 * lineage that was unresolved on the way — the places the answer may be incomplete.
 */
import type { ImpactResult } from '@meshwork/server';
import type { CliOutput } from './cli-output.js';

export function printImpact(out: CliOutput, impact: ImpactResult): void {
  const { consumers } = impact;
  out.line(out.style.bold(`Impact of a change to ${impact.ref}`));
  const downstream = impact.products.filter((p) => p.productId !== impact.node.productId).length;
  out.line(
    `${impact.ports.length} port(s) in ${impact.products.length} product(s) (${downstream} downstream), ` +
      `${impact.columns.length} column(s), ${impact.datasets.length} external dataset(s)`,
  );
  section(
    out,
    'Ports',
    ['distance', 'port'],
    impact.ports.map((p) => [String(p.distance), p.ref]),
  );
  section(
    out,
    'Columns',
    ['distance', 'column'],
    impact.columns.map((c) => [String(c.distance), c.ref]),
  );
  section(
    out,
    'External datasets',
    ['distance', 'dataset'],
    impact.datasets.map((d) => [String(d.distance), d.ref]),
  );
  section(
    out,
    'Agreements in force',
    ['principal', 'port', 'purpose', 'ends'],
    consumers.agreements.map((a) => [a.principalId, `${a.productId}.${a.port}@${a.major}`, a.purpose, a.endsAt]),
  );
  section(
    out,
    `Queried since ${consumers.since.slice(0, 10)}`,
    ['principal', 'product', 'queries', 'last', 'purposes'],
    consumers.queriers.map((q) => [
      q.principalId,
      q.productId,
      String(q.queries),
      q.lastQueryAt,
      q.purposes.join(', '),
    ]),
  );
  section(
    out,
    'Owner teams',
    ['team', 'products'],
    consumers.owners.map((o) => [o.team, o.products.join(', ')]),
  );
  for (const w of consumers.withheld) {
    out.note(`${w.productId}: ${w.activeAgreements} agreement(s), ${w.queriers} querier(s) — ${w.reason}`);
  }
  if (impact.unresolved.length > 0) {
    out.line();
    out.line(out.style.bold('Unresolved lineage (the impact may reach further)'));
    for (const u of impact.unresolved) out.line(`  ${u.ref}: ${out.style.yellow(u.reason)}`);
  }
  if (impact.hidden > 0) out.note(`${impact.hidden} affected product(s) left out: you may not discover them`);
  if (impact.truncated) out.note('the walk was cut short: the graph is larger than the limit');
}

function section(out: CliOutput, title: string, headers: readonly string[], rows: readonly string[][]): void {
  out.line();
  out.line(out.style.bold(`${title} (${rows.length})`));
  if (rows.length === 0) out.line(out.style.dim('  none'));
  else out.table(headers, rows);
}
