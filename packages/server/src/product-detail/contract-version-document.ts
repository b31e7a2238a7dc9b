/**
 * One version of one of a product's contracts, as a page shows it: the document (a registered
 * version exactly as `mesh publish` recorded it, or the workspace's own document) and its YAML.
 * The store keeps canonical JSON (keys sorted), so the YAML follows the key order of the
 * workspace document where the two share keys: a reader sees `apiVersion`, `kind`, `id` first,
 * as the contract's authors wrote it, not `apiVersion`, `customProperties`, `dataProduct`…
 */
import { NotFoundError, type DataProduct, type OutputPort } from '@meshwork/core';
import { stringify } from 'yaml';
import { WORKSPACE_VERSION } from '../changes/contract-diff.js';
import { registeredContractVersions } from '../changes/registered-contracts.js';
import type { MetadataStore } from '../metadata/metadata-store.js';

export interface ContractVersionDocument {
  readonly productId: string;
  readonly contractId: string;
  readonly port: string;
  readonly major: number;
  /** The version asked for: a registered version, or `workspace`. */
  readonly version: string;
  /** The document's own `version` field. */
  readonly documentVersion: string | null;
  readonly registered: boolean;
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
  readonly document: object;
  readonly yaml: string;
}

/**
 * The document of `version` (a registered version or `workspace`) of the contract `contractId` of
 * one of the product's output ports. NotFoundError MW7013 when no port of the product has that
 * contract, MW7014 when the version was never registered.
 *
 * @example
 * const v1 = await contractVersionDocument(store, product, 'b128…', '1.3.0');
 * v1.yaml.startsWith('apiVersion: v3.1.0'); // true
 */
export async function contractVersionDocument(
  store: MetadataStore,
  product: DataProduct,
  contractId: string,
  version: string,
): Promise<ContractVersionDocument> {
  const port = product.outputPorts.find((p) => p.contractId === contractId && p.contract);
  if (!port?.contract) {
    const known = product.outputPorts.flatMap((p) => (p.contractId ? [`${p.contractId} (${p.name}@${p.major})`] : []));
    throw new NotFoundError(
      'MW7013',
      `${product.id} has no output port with contract "${contractId}" (its contracts: ${known.join(', ') || 'none'})`,
    );
  }
  const workspace = port.contract.document as object;
  const base = { productId: product.id, contractId, port: port.name, major: port.major, version };
  if (version === WORKSPACE_VERSION) {
    return { ...base, ...described(workspace, workspace), registered: false, publishedAt: null, publishedBy: null };
  }
  const record = await store.getDescriptorVersion({
    productId: product.id,
    kind: 'odcs',
    documentId: contractId,
    version,
  });
  if (!record) throw await unknownVersion(store, product, port, version);
  const document = JSON.parse(record.content) as object;
  return {
    ...base,
    ...described(document, workspace),
    registered: true,
    publishedAt: record.publishedAt,
    publishedBy: record.publishedBy,
  };
}

function described(document: object, keyOrder: unknown) {
  const own = (document as { version?: unknown }).version;
  return {
    documentVersion: typeof own === 'string' ? own : null,
    document,
    yaml: stringify(orderKeysLike(document, keyOrder), { lineWidth: 0 }),
  };
}

async function unknownVersion(store: MetadataStore, product: DataProduct, port: OutputPort, version: string) {
  const versions = await registeredContractVersions(store, product.id, port.contractId!);
  return new NotFoundError(
    'MW7014',
    `${product.id} ${port.name}@${port.major}: contract ${port.contractId} has no registered version "${version}" ` +
      `(registered: ${versions.join(', ') || 'none yet'}; or "${WORKSPACE_VERSION}")`,
  );
}

/**
 * The same value with each object's keys in the order `template` has them at the same place
 * (keys the template lacks keep their own order, after); array items follow the template's item
 * at the same index, or its last. Only the order changes, never a value.
 */
export function orderKeysLike(value: unknown, template: unknown): unknown {
  if (Array.isArray(value)) {
    const items = Array.isArray(template) ? template : [];
    return value.map((item: unknown, i) => orderKeysLike(item, items[i] ?? items.at(-1)));
  }
  if (!isRecord(value)) return value;
  const shape = isRecord(template) ? template : {};
  const keys = [...Object.keys(shape).filter((k) => Object.hasOwn(value, k)), ...Object.keys(value)];
  // fromEntries defines every key as data, `__proto__` included, never setting a prototype.
  return Object.fromEntries(
    [...new Set(keys)].map((key) => [
      key,
      orderKeysLike(value[key], Object.hasOwn(shape, key) ? shape[key] : undefined),
    ]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
