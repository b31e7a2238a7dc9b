/** Small builders for the records the suite stores. */
import { createHash } from 'node:crypto';
import type { ProductInput } from '../metadata-types.js';
import type { RunInput, RunResult } from '../run-types.js';

export function product(id: string, overrides: Partial<ProductInput> = {}): ProductInput {
  const [domain = id, name = id] = id.split('.');
  return {
    id,
    domain,
    name,
    urn: `urn:meshwork:${domain}:${name}`,
    archetype: 'source-aligned',
    status: 'active',
    ownerTeam: `${domain}-team`,
    currentVersion: '1.0.0',
    ...overrides,
  };
}

/** Collects every page of a keyset-paginated list. */
export async function allPages<T, C>(
  fetch: (after: C | undefined) => Promise<{ readonly items: readonly T[]; readonly next?: C }>,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let after: C | undefined;
  let pages = 0;
  for (;;) {
    const page = await fetch(after);
    pages += 1;
    items.push(...page.items);
    if (page.next === undefined) return { items, pages };
    after = page.next;
  }
}

/** A UUID derived from a seed: stable across runs, and not in the order the seeds are. */
export function uuidFrom(seed: string | number): string {
  const hex = createHash('sha256').update(String(seed)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function runInput(productId: string, overrides: Partial<RunInput> = {}): RunInput {
  return {
    id: uuidFrom(`${productId}:${String(overrides.startedAt ?? '')}`),
    productId,
    trigger: 'manual',
    requestedBy: 'alice',
    parameters: { run_date: '2024-05-01' },
    ...overrides,
  };
}

export function succeeded(overrides: Partial<RunResult> = {}): RunResult {
  return {
    status: 'succeeded',
    rowsIn: 10,
    rowsOut: 8,
    steps: [{ name: 'clean', rows: 8, ms: 12.5 }],
    checks: [{ rule: 'rowCount', passed: true }],
    outputs: [{ port: 'orders', major: 1, snapshotId: 'snap-1', rowCount: 8 }],
    ...overrides,
  };
}
