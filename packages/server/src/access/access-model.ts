/**
 * What access control reads from the mesh model: ports by reference, the columns a port serves
 * (its contract's first schema object, as the gateway exposes it) with classification and tags,
 * and who owns what.
 */
import type { Contract, DataProduct, MeshModel, OutputPort } from '@meshwork/core';
import type { PortRef } from './access-types.js';
import { UNCLASSIFIED } from './cedar-schema.js';

export interface ResolvedPort {
  readonly product: DataProduct;
  readonly port: OutputPort;
  readonly ref: PortRef;
}

export interface AccessColumn {
  readonly name: string;
  /** Lower-cased; `unclassified` when the contract says nothing. */
  readonly classification: string;
  readonly tags: readonly string[];
}

/** `sales.orders/orders@2`: the key of a port in caches, globs and Cedar entity ids. */
export function portKey(ref: PortRef): string {
  return `${ref.productId}/${ref.port}@${ref.major}`;
}

export function findPort(model: MeshModel, ref: PortRef): ResolvedPort | undefined {
  const product = model.products.get(ref.productId);
  const port = product?.outputPorts.find((p) => p.name === ref.port && p.major === ref.major);
  return product && port ? { product, port, ref } : undefined;
}

/** The highest major version of a port: what `sales.orders` means in SQL. */
export function currentPort(model: MeshModel, productId: string, portName: string): ResolvedPort | undefined {
  const product = model.products.get(productId);
  const ports = product?.outputPorts.filter((p) => p.name === portName) ?? [];
  const port = ports.reduce<OutputPort | undefined>((best, p) => (best && best.major >= p.major ? best : p), undefined);
  return product && port ? { product, port, ref: { productId, port: port.name, major: port.major } } : undefined;
}

export function portColumns(port: OutputPort): readonly AccessColumn[] {
  const contract = port.contract;
  const table = contract?.tables[0];
  if (!contract || !table) return [];
  const tags = propertyTags(contract);
  return table.columns.map((c) => ({
    name: c.name,
    classification: c.classification?.toLowerCase() ?? UNCLASSIFIED,
    tags: tags.get(c.name) ?? [],
  }));
}

/**
 * The classification of each column of a port, lower-cased; unclassified columns are
 * "unclassified". What resource entities need (their most sensitive label) without building the
 * columns' tags, which only read plans and column entities use.
 */
export function portClassifications(port: OutputPort): readonly string[] {
  const table = port.contract?.tables[0];
  if (!table) return [];
  return table.columns.map((c) => c.classification?.toLowerCase() ?? UNCLASSIFIED);
}

/** Products without a declared team are owned by their domain's team (as in the catalog). */
export function ownerTeamOf(model: MeshModel, product: DataProduct): string | undefined {
  return product.ownerTeam ?? model.domains.get(product.domain)?.owner;
}

export function portIsDeprecated(port: OutputPort): boolean {
  const status = port.contract?.status;
  return status === 'deprecated' || status === 'retired';
}

/** The domain and its ancestors, nearest first; stops at a cycle (the loader reports those). */
export function domainAncestry(model: MeshModel, domain: string): string[] {
  const chain: string[] = [];
  let current: string | undefined = domain;
  while (current !== undefined && !chain.includes(current)) {
    chain.push(current);
    current = model.domains.get(current)?.parent;
  }
  return chain;
}

/** ODCS property tags are not lifted into the model; read them from the document as written. */
function propertyTags(contract: Contract): Map<string, readonly string[]> {
  const tags = new Map<string, readonly string[]>();
  const schema = (contract.document as { schema?: unknown }).schema;
  const first: unknown = Array.isArray(schema) ? schema[0] : undefined;
  const properties = (first as { properties?: unknown } | undefined)?.properties;
  if (!Array.isArray(properties)) return tags;
  for (const property of properties as unknown[]) {
    const { name, tags: list } = (property ?? {}) as { name?: unknown; tags?: unknown };
    if (typeof name === 'string' && Array.isArray(list)) {
      tags.set(
        name,
        list.filter((t): t is string => typeof t === 'string'),
      );
    }
  }
  return tags;
}
