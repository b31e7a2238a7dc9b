/**
 * The changelog of each port's contract: registered versions oldest first, each with its date
 * and the change classification from the version before it (core's `classifyContractChange`),
 * and the workspace document when it is not registered yet.
 */
import { classifyContractChange, overallSeverity, type DataProduct } from '@meshwork/core';
import { registeredContract } from '../changes/registered-contracts.js';
import type { MetadataStore } from '../metadata/metadata-store.js';

export interface ChangelogEntry {
  readonly port: string;
  readonly major: number;
  readonly version: string;
  /** Null for the workspace document, which is not published. */
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
  /** The version compared from; null for the first. */
  readonly from: string | null;
  readonly severity: string;
  readonly changes: readonly { readonly kind: string; readonly severity: string; readonly explanation: string }[];
}

export async function changelogSection(store: MetadataStore, product: DataProduct): Promise<ChangelogEntry[]> {
  const published = await store.listDescriptorVersions(product.id, { kind: 'odcs' });
  const entries: ChangelogEntry[] = [];
  for (const port of product.outputPorts) {
    const contractId = port.contractId;
    if (contractId === undefined) continue;
    const versions = published
      .filter((v) => v.documentId === contractId)
      .sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
    let previous: { version: string; document: object } | undefined;
    const add = (version: string, document: object, publishedAt: string | null, publishedBy: string | null) => {
      const changes = previous ? classifyContractChange(previous.document, document) : [];
      entries.push({
        port: port.name,
        major: port.major,
        version,
        publishedAt,
        publishedBy,
        from: previous?.version ?? null,
        severity: previous ? overallSeverity(changes) : 'none',
        changes: changes.map((c) => ({ kind: c.kind, severity: c.severity, explanation: c.explanation })),
      });
      previous = { version, document };
    };
    for (const v of versions) {
      const document = await registeredContract(store, product.id, contractId, v.version);
      if (document) add(v.version, document, v.publishedAt, v.publishedBy);
    }
    const workspace = port.contract;
    if (workspace && !versions.some((v) => v.version === workspace.version)) {
      add(workspace.version, workspace.document as unknown as object, null, null);
    }
  }
  return entries;
}
