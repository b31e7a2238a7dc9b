/**
 * Products must form a DAG through their product inputs (MW3007). Cycles are found with
 * Tarjan's algorithm (linear in products + edges) and each is reported once, on every
 * product in it, naming the whole cycle.
 */
import type { WorkspaceRule } from './rule-context.js';

export const dependencyCycles: WorkspaceRule = (ctx) => {
  for (const cycle of findCycles(
    ctx.products.map((p) => p.product.id),
    (id) => ctx.productsById.get(id)?.product.dependsOn ?? [],
  )) {
    const path = [...cycle, cycle[0]].join(' → ');
    for (const id of cycle) {
      const read = ctx.productsById.get(id)!;
      const index = (read.product.pipeline?.definition.inputs ?? []).findIndex(
        (input) => input.kind === 'product' && cycle.includes(input.product),
      );
      ctx.report('MW3007', read.pipelineSource, `/inputs/${index}`, `${id} is part of a dependency cycle: ${path}`);
    }
  }
};

/** Strongly connected components with more than one node, or a node depending on itself. */
export function findCycles(nodes: readonly string[], edges: (node: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const known = new Set(nodes);
  const successorsOf = (node: string): string[] => edges(node).filter((n) => known.has(n));
  let counter = 0;

  // Iterative to survive deep chains (100k products) without blowing the call stack.
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number; successors: string[] }> = [
      { node: root, next: 0, successors: successorsOf(root) },
    ];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.next < frame.successors.length) {
        const next = frame.successors[frame.next++]!;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, next: 0, successors: successorsOf(next) });
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || edges(frame.node).includes(frame.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
