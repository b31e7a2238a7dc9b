/**
 * Runs tasks over a DAG: each node starts once all its dependencies in the set have finished,
 * at most `limit` at a time. A node whose dependency failed is skipped, not run. Cycles are
 * refused before anything starts (the workspace loader reports them too, as MW3007).
 */
export type DagOutcome = 'succeeded' | 'failed' | 'skipped';

export interface DagResult<T> {
  readonly node: string;
  readonly outcome: DagOutcome;
  readonly value?: T;
  readonly error?: unknown;
  /** For skipped nodes: the dependency that failed. */
  readonly blockedBy?: string;
}

export async function runDag<T>(
  nodes: readonly string[],
  dependencies: (node: string) => readonly string[],
  limit: number,
  task: (node: string) => Promise<T>,
): Promise<DagResult<T>[]> {
  const inSet = new Set(nodes);
  const deps = new Map(nodes.map((n) => [n, dependencies(n).filter((d) => inSet.has(d) && d !== n)]));
  assertAcyclic(nodes, deps);
  const results = new Map<string, DagResult<T>>();
  const waiting = new Set(nodes);
  const running = new Map<string, Promise<void>>();

  const ready = (node: string) => deps.get(node)!.every((d) => results.has(d));
  while (waiting.size > 0 || running.size > 0) {
    for (const node of [...waiting]) {
      if (running.size >= limit) break;
      if (!ready(node)) continue;
      waiting.delete(node);
      const failed = deps.get(node)!.find((d) => results.get(d)!.outcome !== 'succeeded');
      if (failed !== undefined) {
        results.set(node, { node, outcome: 'skipped', blockedBy: failed });
        continue;
      }
      running.set(
        node,
        task(node)
          .then(
            (value) => void results.set(node, { node, outcome: 'succeeded', value }),
            (error: unknown) => void results.set(node, { node, outcome: 'failed', error }),
          )
          .finally(() => running.delete(node)),
      );
    }
    if (running.size > 0) await Promise.race(running.values());
    else if (waiting.size > 0 && ![...waiting].some(ready)) break; // unreachable after assertAcyclic
  }
  return nodes.map((n) => results.get(n)!);
}

function assertAcyclic(nodes: readonly string[], deps: ReadonlyMap<string, readonly string[]>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (node: string, path: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(node)), node];
      throw new DagCycleError(cycle);
    }
    state.set(node, 'visiting');
    for (const d of deps.get(node) ?? []) visit(d, [...path, node]);
    state.set(node, 'done');
  };
  for (const n of nodes) visit(n, []);
}

export class DagCycleError extends Error {
  constructor(readonly cycle: readonly string[]) {
    super(`dependency cycle: ${cycle.join(' → ')}`);
    this.name = 'DagCycleError';
  }
}
