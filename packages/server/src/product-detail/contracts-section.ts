/**
 * Contracts per output port: the workspace version, the registered (published) versions, the
 * schema with classifications and bound glossary terms, and the SLOs as the contract writes them.
 */
import type { DataProduct } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';

export async function contractsSection(store: MetadataStore, product: DataProduct) {
  const published = await store.listDescriptorVersions(product.id, { kind: 'odcs' });
  return product.outputPorts.map((port) => {
    const contract = port.contract;
    const document = (contract?.document ?? {}) as unknown as Readonly<Record<string, unknown>>;
    return {
      port: port.name,
      major: port.major,
      version: port.version,
      description: port.description ?? null,
      contractId: port.contractId ?? null,
      workspaceVersion: contract?.version ?? null,
      registeredVersions: published
        .filter((v) => v.documentId === port.contractId)
        .map((v) => ({ version: v.version, publishedAt: v.publishedAt, publishedBy: v.publishedBy })),
      schema: (contract?.tables ?? []).map((table) => ({
        table: table.name,
        description: table.description ?? null,
        columns: table.columns.map((c) => ({
          name: c.name,
          logicalType: c.logicalType ?? null,
          physicalType: c.physicalType ?? null,
          required: c.required,
          primaryKey: c.primaryKey,
          classification: c.classification ?? null,
          description: c.description ?? null,
          terms: [...c.terms],
        })),
      })),
      slos: Array.isArray(document.slaProperties) ? (document.slaProperties as unknown[]) : [],
    };
  });
}
