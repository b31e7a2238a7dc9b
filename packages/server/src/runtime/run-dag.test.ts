import { describe, expect, it } from 'vitest';
import { DagCycleError, runDag } from './run-dag.js';

const graph: Record<string, string[]> = { a: [], b: ['a'], c: ['a'], d: ['b', 'c'], e: [] };
const deps = (n: string) => graph[n] ?? [];

describe('runDag', () => {
  it('runs every node after its dependencies, never more than the limit at once', async () => {
    const order: string[] = [];
    let active = 0;
    let peak = 0;
    const results = await runDag(Object.keys(graph), deps, 2, async (n) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      order.push(n);
      active--;
      return n.toUpperCase();
    });
    expect(results.every((r) => r.outcome === 'succeeded')).toBe(true);
    expect(peak).toBe(2);
    for (const [node, ds] of Object.entries(graph))
      for (const d of ds) expect(order.indexOf(d)).toBeLessThan(order.indexOf(node));
    expect(results.find((r) => r.node === 'd')?.value).toBe('D');
  });

  it('skips what depends on a failure and runs the rest', async () => {
    const results = await runDag(Object.keys(graph), deps, 3, async (n) => {
      if (n === 'b') throw new Error('boom');
      return n;
    });
    const outcome = Object.fromEntries(results.map((r) => [r.node, r.outcome]));
    expect(outcome).toEqual({ a: 'succeeded', b: 'failed', c: 'succeeded', d: 'skipped', e: 'succeeded' });
    expect(results.find((r) => r.node === 'd')?.blockedBy).toBe('b');
  });

  it('refuses a cycle before running anything, naming it', async () => {
    let ran = 0;
    const cyclic = { x: ['z'], y: ['x'], z: ['y'] } as Record<string, string[]>;
    await expect(
      runDag(
        ['x', 'y', 'z'],
        (n) => cyclic[n]!,
        2,
        async () => void ran++,
      ),
    ).rejects.toThrow(DagCycleError);
    await expect(
      runDag(
        ['x', 'y', 'z'],
        (n) => cyclic[n]!,
        2,
        async () => void ran++,
      ),
    ).rejects.toThrow(/x → z → y → x/);
    expect(ran).toBe(0);
  });

  it('ignores dependencies outside the selected set', async () => {
    const results = await runDag(['d'], deps, 1, async (n) => n);
    expect(results).toEqual([{ node: 'd', outcome: 'succeeded', value: 'd' }]);
  });
});
