/**
 * Fills in what governance facts the model alone cannot give, from the platform's real
 * components: the access policies (is a port open to consumers without an agreement, which
 * masking rule covers a column), the warehouse (the data profile of each port's current snapshot), the
 * metadata store (the contract version last published, what changed since, and since when a
 * deprecated contract is published) and the glossary.
 * Everything asynchronous is fetched up front so that evaluation itself stays synchronous.
 */
import {
  classifyContractChange,
  isDeprecatedContract,
  type DataProduct,
  type MeshModel,
  type OutputPort,
  type ProfileFacts,
  type PublishedContract,
  type SubjectSources,
  type ColumnRef,
} from '@meshwork/core';
import { portColumns, type AccessColumn } from '../access/access-model.js';
import type { Authorizer, PortRef } from '../access/access-types.js';
import { maskRuleFor, type MaskRule } from '../access/masking-rules.js';
import type { Principal } from '../identity/principal.js';
import { firstDeprecatedPublication } from '../lifecycle/deprecated-since.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { glossaryIdentifiers } from './glossary-identifiers.js';
import { portConsumers } from './port-consumers.js';
import { profileFacts } from './profile-facts.js';

export interface SourceComponents {
  readonly model: MeshModel;
  readonly authorizer?: Authorizer;
  /** The masking rules of the access policies. */
  readonly masks?: readonly MaskRule[];
  readonly warehouse?: Warehouse;
  readonly store?: MetadataStore;
  /** Today, for facts relative to now (the deprecation notice); the current time when absent. */
  readonly now?: Date;
}

/** A consumer with no team, no attributes and no agreement: the baseline policies are judged against. */
const PLAIN_CONSUMER: Principal = {
  kind: 'user',
  id: 'governance-check:consumer',
  teams: [],
  groups: [],
  roles: ['consumer'],
  attributes: {},
  authenticatedBy: 'governance-check',
};

export async function prepareSubjectSources(
  components: SourceComponents,
  products: readonly DataProduct[],
): Promise<SubjectSources> {
  const { authorizer, masks, warehouse, store } = components;
  const now = components.now ?? new Date();
  const key = (product: DataProduct, port: OutputPort) => `${product.id}/${port.name}@${port.major}`;
  const profiles = new Map<string, ReadonlyMap<string, ProfileFacts>>();
  const published = new Map<string, PublishedContract>();
  const deprecatedSince = new Map<string, string>();
  for (const product of products) {
    for (const port of product.outputPorts) {
      const ref = { productId: product.id, port: port.name, major: port.major };
      if (warehouse) {
        const profile = await currentProfile(warehouse, ref);
        if (profile) profiles.set(key(product, port), profile);
      }
      if (store && port.contract) {
        const last = await lastPublishedContract(store, product, port);
        if (last) {
          const consumers =
            last.changes.length > 0 ? await portConsumers(store, portRef(product, port), now, components.model) : [];
          published.set(key(product, port), { ...last, consumers });
        }
        if (isDeprecatedContract(port.contract)) {
          const since = await firstDeprecatedPublication(store, product.id, port.contract.id);
          if (since) deprecatedSince.set(key(product, port), since.toISOString().slice(0, 10));
        }
      }
    }
  }
  // The masking rule that covers a column, straight from masking.yaml: who still sees it in
  // clear is Cedar's `readClear`, a separate question from "is there a rule at all".
  const columnsByPort = new Map<string, readonly AccessColumn[]>();
  const maskOf = (ref: ColumnRef): string => {
    if (!masks) return '';
    const k = key(ref.product, ref.port);
    let columns = columnsByPort.get(k);
    if (!columns) columnsByPort.set(k, (columns = portColumns(ref.port)));
    const column = columns.find((c) => c.name === ref.column.name);
    const rule = column ? maskRuleFor(masks, portRef(ref.product, ref.port), column) : undefined;
    return rule ? `${rule.id} (${rule.strategy})` : '';
  };
  return {
    masking: maskOf,
    ...(authorizer
      ? { openToConsumers: (product, port) => authorizer.planRead(PLAIN_CONSUMER, portRef(product, port)).allowed }
      : {}),
    profile: (product, port) => profiles.get(key(product, port)),
    published: (product, port) => published.get(key(product, port)),
    identifier: glossaryIdentifiers(components.model),
    deprecatedSince: (product, port) => deprecatedSince.get(key(product, port)),
    today: now.toISOString().slice(0, 10),
  };
}

function portRef(product: DataProduct, port: OutputPort): PortRef {
  return { productId: product.id, port: port.name, major: port.major };
}

async function currentProfile(
  warehouse: Warehouse,
  ref: PortRef,
): Promise<ReadonlyMap<string, ProfileFacts> | undefined> {
  const profile = (await warehouse.current(ref))?.profile;
  return profile ? profileFacts(profile) : undefined;
}

/**
 * The newest registered (published) version of the port's contract, and the changes from it to
 * the workspace's contract: none when they are the same. Undefined before the first publication.
 */
export async function lastPublishedContract(
  store: MetadataStore,
  product: DataProduct,
  port: OutputPort,
): Promise<PublishedContract | undefined> {
  const contract = port.contract!;
  const versions = await store.listDescriptorVersions(product.id, { kind: 'odcs', documentId: contract.id });
  if (versions.length === 0) return undefined;
  const newest = versions[versions.length - 1]!;
  const record = await store.getDescriptorVersion({
    productId: product.id,
    kind: 'odcs',
    documentId: contract.id,
    version: newest.version,
  });
  if (!record) return undefined;
  const before = JSON.parse(record.content) as object;
  const changes = classifyContractChange(before, contract.document as object).map((change) => ({
    kind: change.kind,
    severity: change.severity,
    column: change.column ?? '',
    explanation: change.explanation,
  }));
  return { version: newest.version, changes };
}
