/**
 * Cedar entities for principals and resources. Each decision passes exactly two entities to the
 * wasm engine — the principal and the resource, with every ancestor flattened into its parents —
 * because crossing into wasm costs per entity, parent and attribute (measured: a bare call about
 * 25 µs, each parent about 15 µs more). Entities are built on first use and cached per
 * authorizer, i.e. per model and policy set.
 */
import type { CedarValueJson, EntityJson, EntityUidJson, TypeAndId } from '@cedar-policy/cedar-wasm/nodejs';
import type { MeshModel } from '@meshwork/core';
import type { Principal } from '../identity/principal.js';
import {
  domainAncestry,
  findPort,
  ownerTeamOf,
  portColumns,
  portIsDeprecated,
  portClassifications,
  portKey,
  type AccessColumn,
} from './access-model.js';
import type { AccessResource, PortRef } from './access-types.js';
import { CEDAR_NAMESPACE, sensitivityOf, UNCLASSIFIED } from './cedar-schema.js';
import { LruCache } from './lru-cache.js';

export const entityType = (name: string): string => `${CEDAR_NAMESPACE}::${name}`;
const uid = (type: string, id: string): TypeAndId => ({ type: entityType(type), id });
const teamRef = (team: string | undefined): Record<string, CedarValueJson> =>
  team === undefined ? {} : { ownerTeam: { __entity: uid('Team', team) } };

export interface CedarResource {
  readonly uid: TypeAndId;
  readonly entity: EntityJson;
}

/** Stable text of a principal: what decisions depend on, for cache keys. */
export function principalKey(principal: Principal): string {
  return JSON.stringify([
    principal.kind,
    principal.id,
    principal.teams,
    principal.groups,
    principal.roles,
    Object.entries(principal.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ]);
}

export function principalEntity(principal: Principal): EntityJson {
  const tags: Record<string, string> = {};
  // Tags are typed String in the schema: numbers and booleans are compared as their text.
  for (const [name, value] of Object.entries(principal.attributes)) tags[name] = String(value);
  return {
    uid: uid(principal.kind === 'service' ? 'ServiceAccount' : 'User', principal.id),
    attrs: { roles: [...principal.roles] },
    parents: [...principal.teams.map((t) => uid('Team', t)), ...principal.groups.map((g) => uid('Group', g))],
    tags,
  };
}

/** `resource` as the key of caches; also a readable name in reasons. */
export function resourceKey(resource: AccessResource): string {
  switch (resource.kind) {
    case 'mesh':
      return 'mesh';
    case 'domain':
      return `domain:${resource.domain}`;
    case 'product':
      return resource.productId;
    case 'port':
      return portKey(resource.port);
    case 'column':
      return `${portKey(resource.port)}/${resource.column}`;
  }
}

export interface EntityResolver {
  /** The resource as a Cedar entity, or undefined when the model has no such resource. */
  resource(resource: AccessResource): CedarResource | undefined;
  /** The columns of a port with their classification (cached with the port). */
  columns(port: PortRef): readonly AccessColumn[] | undefined;
}

export function createEntityResolver(model: MeshModel, cacheSize: number): EntityResolver {
  const resources = new LruCache<string, CedarResource | null>(cacheSize);
  const columnsByPort = new LruCache<string, readonly AccessColumn[] | null>(cacheSize);

  // Per domain, shared by the entities of its products, ports and columns (never mutated).
  const ancestries = new Map<string, readonly TypeAndId[]>();
  const domainParents = (domain: string): TypeAndId[] => {
    let parents = ancestries.get(domain);
    if (parents === undefined) {
      parents = Object.freeze(domainAncestry(model, domain).map((d) => Object.freeze(uid('Domain', d))));
      ancestries.set(domain, parents);
    }
    return parents as TypeAndId[];
  };
  const columnsOf = (ref: PortRef): readonly AccessColumn[] | undefined => {
    const cached = columnsByPort.getOrCompute(portKey(ref), () => {
      const found = findPort(model, ref);
      return found ? portColumns(found.port) : null;
    });
    return cached ?? undefined;
  };
  // Order-independent: the first of the most sensitive labels. Only a port with no columns at all
  // is "unclassified" (which ranks as internal) — never one whose columns are all public plus one
  // unclassified column, whichever comes first.
  const mostSensitive = (classifications: readonly string[]): string => {
    let best = UNCLASSIFIED;
    let rank = -1;
    for (const c of classifications) {
      const sensitivity = sensitivityOf(c);
      if (sensitivity > rank) [best, rank] = [c, sensitivity];
    }
    return best;
  };
  // Straight from the contract, not through columnsOf: a sweep over every product (the mesh map,
  // a catalog page) would otherwise fill the column cache with every port's columns and tags.
  const portClassification = (ref: PortRef) => {
    const found = findPort(model, ref);
    return mostSensitive(found ? portClassifications(found.port) : []);
  };
  const classified = (classification: string) => ({ classification, sensitivity: sensitivityOf(classification) });

  const build = (resource: AccessResource): CedarResource | null => {
    switch (resource.kind) {
      case 'mesh': {
        const id = uid('Mesh', model.name);
        return { uid: id, entity: { uid: id, attrs: { name: model.name }, parents: [] } };
      }
      case 'domain': {
        const domain = model.domains.get(resource.domain);
        if (!domain) return null;
        const id = uid('Domain', domain.name);
        const attrs = { name: domain.name, tags: [...domain.tags], ...teamRef(domain.owner) };
        return { uid: id, entity: { uid: id, attrs, parents: domainParents(domain.name).slice(1) } };
      }
      case 'product': {
        const product = model.products.get(resource.productId);
        if (!product) return null;
        const id = uid('Product', product.id);
        const ports = product.outputPorts.map((p) => ({ productId: product.id, port: p.name, major: p.major }));
        const attrs = {
          domain: product.domain,
          ...teamRef(ownerTeamOf(model, product)),
          archetype: product.archetype ?? 'source-aligned',
          status: product.status,
          tags: [...product.tags],
          ...classified(mostSensitive(ports.map(portClassification))),
        };
        return { uid: id, entity: { uid: id, attrs, parents: domainParents(product.domain) } };
      }
      case 'port': {
        const found = findPort(model, resource.port);
        if (!found) return null;
        const { product, port } = found;
        const id = uid('OutputPort', portKey(resource.port));
        const attrs = {
          productId: product.id,
          name: port.name,
          major: port.major,
          domain: product.domain,
          ...teamRef(ownerTeamOf(model, product)),
          status: port.contract?.status ?? product.status,
          deprecated: portIsDeprecated(port),
          tags: [...((port.contract?.document as { tags?: string[] } | undefined)?.tags ?? [])],
          ...classified(portClassification(resource.port)),
        };
        const parents = [uid('Product', product.id), ...domainParents(product.domain)];
        return { uid: id, entity: { uid: id, attrs, parents } };
      }
      case 'column': {
        const found = findPort(model, resource.port);
        const column = columnsOf(resource.port)?.find((c) => c.name === resource.column);
        if (!found || !column) return null;
        const { product } = found;
        const id = uid('Column', `${portKey(resource.port)}/${column.name}`);
        const attrs = {
          name: column.name,
          productId: product.id,
          domain: product.domain,
          ...teamRef(ownerTeamOf(model, product)),
          tags: [...column.tags],
          ...classified(column.classification),
        };
        const parents: EntityUidJson[] = [
          uid('OutputPort', portKey(resource.port)),
          uid('Product', product.id),
          ...domainParents(product.domain),
        ];
        return { uid: id, entity: { uid: id, attrs, parents } };
      }
    }
  };

  return {
    resource: (resource) => resources.getOrCompute(resourceKey(resource), () => build(resource)) ?? undefined,
    columns: columnsOf,
  };
}
