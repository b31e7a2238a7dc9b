/**
 * The registered (published) versions of one contract in the metadata store, oldest first, and
 * the document of one of them as it was published.
 */
import type { MetadataStore } from '../metadata/metadata-store.js';

export async function registeredContractVersions(
  store: MetadataStore,
  productId: string,
  contractId: string,
): Promise<string[]> {
  const versions = await store.listDescriptorVersions(productId, { kind: 'odcs', documentId: contractId });
  return versions.map((v) => v.version);
}

/** The published document, or undefined when that version was never registered. */
export async function registeredContract(
  store: MetadataStore,
  productId: string,
  contractId: string,
  version: string,
): Promise<object | undefined> {
  const record = await store.getDescriptorVersion({ productId, kind: 'odcs', documentId: contractId, version });
  return record ? (JSON.parse(record.content) as object) : undefined;
}
