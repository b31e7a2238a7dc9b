/**
 * Since when a port version is deprecated: the publication time of the first registered version
 * of its contract with `status: deprecated`. Registered versions are immutable, so once found the
 * date never changes; before the deprecated contract is published there is none.
 */
import type { MetadataStore } from '../metadata/metadata-store.js';

export type DeprecatedSinceLookup = (productId: string, contractId: string) => Promise<Date | undefined>;

/** Reads the contract's registered versions oldest first and stops at the first deprecated one. */
export async function firstDeprecatedPublication(
  store: Pick<MetadataStore, 'listDescriptorVersions' | 'getDescriptorVersion'>,
  productId: string,
  contractId: string,
): Promise<Date | undefined> {
  const versions = await store.listDescriptorVersions(productId, { kind: 'odcs', documentId: contractId });
  for (const summary of versions) {
    const record = await store.getDescriptorVersion(summary);
    if (!record) continue;
    const status = (JSON.parse(record.content) as { status?: unknown }).status;
    if (typeof status === 'string' && status.toLowerCase() === 'deprecated') return new Date(record.publishedAt);
  }
  return undefined;
}

/**
 * A lookup for every query over a deprecated port (the HTTP `Deprecation` header): dates found
 * are kept for the life of the process, a contract not yet published deprecated is asked again.
 */
export function createDeprecatedSinceLookup(
  store: Pick<MetadataStore, 'listDescriptorVersions' | 'getDescriptorVersion'>,
): DeprecatedSinceLookup {
  const found = new Map<string, Date>();
  return async (productId, contractId) => {
    const key = `${productId}\u0000${contractId}`;
    const cached = found.get(key);
    if (cached) return cached;
    const since = await firstDeprecatedPublication(store, productId, contractId);
    if (since) {
      if (found.size > 10_000) found.clear();
      found.set(key, since);
    }
    return since;
  };
}
