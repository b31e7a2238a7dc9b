/** Small builders for the records the suite stores. */
import type { ProductInput } from '../metadata-types.js';

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
