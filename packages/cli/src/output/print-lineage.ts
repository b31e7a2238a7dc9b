/**
 * Lineage for people: the node asked about, then a tree per direction — each node under the one
 * it was reached from, with how it depends on it (`aggregate`, `row: join`…). A node reached
 * again is named with "(above)" instead of repeating its subtree; unresolved entries carry their
 * reason in yellow.
 */
import type { LineageEdgeView, LineageNodeView, LineageResult } from '@meshwork/server';
import type { CliOutput } from './cli-output.js';

type Direction = 'upstream' | 'downstream';

export function printLineage(out: CliOutput, result: LineageResult): void {
  const nodes = new Map(result.nodes.map((n) => [n.ref, n]));
  out.line(`${out.style.bold(result.ref)}  ${out.style.dim(kindOf(result.node))}`);
  if (result.node.unresolved) out.line(`  ${out.style.yellow(`unresolved: ${result.node.unresolved}`)}`);
  const directions: Direction[] = result.direction === 'both' ? ['upstream', 'downstream'] : [result.direction];
  for (const direction of directions) {
    out.line();
    out.line(
      out.style.bold(direction === 'upstream' ? 'upstream — where it comes from' : 'downstream — what it feeds'),
    );
    printTree(out, result, nodes, direction);
  }
  if (result.hidden > 0) {
    out.note(`${result.hidden} node(s) left out: their products are not discoverable by you`);
  }
  if (result.truncated) out.note('the lineage was cut at 10,000 nodes: ask for less depth, or a narrower node');
}

function printTree(
  out: CliOutput,
  result: LineageResult,
  nodes: ReadonlyMap<string, LineageNodeView>,
  direction: Direction,
): void {
  const children = new Map<string, LineageEdgeView[]>();
  for (const edge of result.edges) {
    const [parent, child] = direction === 'upstream' ? [edge.to, edge.from] : [edge.from, edge.to];
    const from = nodes.get(parent)?.[direction];
    const to = nodes.get(child)?.[direction];
    if (from === undefined || to === undefined || to !== from + 1) continue;
    children.set(parent, [...(children.get(parent) ?? []), edge]);
  }
  const arrow = direction === 'upstream' ? '←' : '→';
  const printed = new Set<string>();
  const walk = (ref: string, indent: string) => {
    for (const edge of children.get(ref) ?? []) {
      const child = direction === 'upstream' ? edge.from : edge.to;
      const again = printed.has(child);
      const how = describeEdge(out, edge);
      out.line(`${indent}${arrow} ${child}${how ? `  ${how}` : ''}${again ? out.style.dim('  (above)') : ''}`);
      if (edge.unresolved) out.line(`${indent}    ${out.style.yellow(`unresolved: ${edge.unresolved}`)}`);
      if (again) continue;
      printed.add(child);
      const note = nodes.get(child)?.unresolved;
      if (note) out.line(`${indent}    ${out.style.yellow(`unresolved: ${note}`)}`);
      walk(child, `${indent}  `);
    }
  };
  // The node itself, then what it contains (a product's ports, a port's columns) that leads anywhere.
  const roots = result.nodes.filter((n) => n[direction] === 0);
  for (const root of roots) printed.add(root.ref);
  let any = false;
  for (const root of roots) {
    if (!children.has(root.ref)) continue;
    any = true;
    if (root.ref === result.ref) walk(root.ref, '  ');
    else {
      out.line(`  ${root.ref}`);
      walk(root.ref, '    ');
    }
  }
  if (!any) out.line(out.style.dim('  nothing known'));
}

function describeEdge(out: CliOutput, edge: LineageEdgeView): string {
  const how =
    edge.kind === 'column' ? (edge.transform ?? '') : edge.kind === 'row' ? `row: ${edge.transform ?? 'filter'}` : '';
  const from = edge.source === 'openlineage' ? out.style.dim('(openlineage)') : '';
  return [how && out.style.cyan(how), from].filter(Boolean).join(' ');
}

function kindOf(node: LineageNodeView): string {
  if (node.kind === 'dataset') return `${node.dataset?.kind ?? ''} dataset`;
  if (node.kind === 'column' && node.dataset) return `column of a ${node.dataset.kind} dataset`;
  return node.kind;
}
