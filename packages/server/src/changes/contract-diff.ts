/**
 * What changed in a product's contracts, port by port, classified for consumers: the shared
 * logic of `mesh diff` and `GET /api/v1/products/{id}/diff`. Each side of a comparison is a
 * registered (published) version of the contract or the workspace's document.
 */
import {
  NotFoundError,
  classifyContractChange,
  overallSeverity,
  type ChangeSeverity,
  type ContractChange,
  type DataProduct,
  type OutputPort,
} from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { portReference, selectDiffTargets, type DiffTarget } from './diff-ports.js';
import { registeredContract, registeredContractVersions } from './registered-contracts.js';

/** The version name of the workspace's own document, as a side of a comparison. */
export const WORKSPACE_VERSION = 'workspace';

export interface ContractDiffOptions {
  /** Only this port: its name, or `name@major` / `name_v<major>`. */
  readonly port?: string;
  /** Compare from this port's contract (by default its workspace document) instead of the port's own versions. */
  readonly fromPort?: string;
  /** A registered version or `workspace`; default the newest registered version (the workspace with `fromPort`). */
  readonly from?: string;
  /** A registered version or `workspace` (the default). */
  readonly to?: string;
}

export interface PortContractDiff {
  readonly port: string;
  readonly major: number;
  readonly contractId: string;
  /** `name@major` of the port compared from, when it is another port. */
  readonly fromPort?: string;
  /** The version compared from, `workspace`, or null when nothing was published yet. */
  readonly from: string | null;
  readonly to: string;
  readonly overall: ChangeSeverity | 'none';
  readonly changes: readonly ContractChange[];
  /** Why there is nothing to compare, for humans. */
  readonly note?: string;
}

export interface ProductContractDiff {
  readonly productId: string;
  /** The worst severity over every port. */
  readonly overall: ChangeSeverity | 'none';
  readonly ports: readonly PortContractDiff[];
}

/**
 * Compares two versions of each selected port's contract. NotFoundError MW7013 for an unknown
 * port, MW7014 for a version that was never registered; InputError MW7015 for a port reference
 * that names several major versions where one is needed.
 *
 * @example
 * const diff = await diffProductContracts(store, product); // newest published → workspace
 * diff.overall; // 'breaking' when a column was removed
 */
export async function diffProductContracts(
  store: MetadataStore,
  product: DataProduct,
  options: ContractDiffOptions = {},
): Promise<ProductContractDiff> {
  const ports: PortContractDiff[] = [];
  for (const target of selectDiffTargets(product, options)) ports.push(await diffPort(store, product, target, options));
  return { productId: product.id, overall: overallSeverity(ports.flatMap((p) => p.changes)), ports };
}

interface Side {
  readonly version: string;
  readonly document: object;
}

async function diffPort(
  store: MetadataStore,
  product: DataProduct,
  target: DiffTarget,
  options: ContractDiffOptions,
): Promise<PortContractDiff> {
  const { port, fromPort } = target;
  const base = {
    port: port.name,
    major: port.major,
    contractId: port.contract!.id,
    ...(fromPort ? { fromPort: portReference(fromPort) } : {}),
  };
  const to = await namedSide(store, product, port, options.to ?? WORKSPACE_VERSION);
  const from =
    options.from !== undefined || fromPort
      ? await namedSide(store, product, fromPort ?? port, options.from ?? WORKSPACE_VERSION)
      : await newestSide(store, product, port);
  if (!from) {
    return {
      ...base,
      from: null,
      to: to.version,
      overall: 'none',
      changes: [],
      note:
        `${portReference(port)}: contract ${base.contractId} was never published, so there is nothing to ` +
        'compare with yet (`mesh publish` registers it)',
    };
  }
  const changes = classifyContractChange(from.document, to.document);
  return { ...base, from: from.version, to: to.version, overall: overallSeverity(changes), changes };
}

/** The workspace's document or a registered version; NotFoundError MW7014 for any other name. */
async function namedSide(store: MetadataStore, product: DataProduct, port: OutputPort, version: string): Promise<Side> {
  const contract = port.contract!;
  if (version === WORKSPACE_VERSION) return { version, document: contract.document as object };
  const document = await registeredContract(store, product.id, contract.id, version);
  if (document) return { version, document };
  const versions = await registeredContractVersions(store, product.id, contract.id);
  throw new NotFoundError(
    'MW7014',
    `${product.id} ${portReference(port)}: contract ${contract.id} has no registered version "${version}" ` +
      `(registered: ${versions.join(', ') || 'none yet'}; or "${WORKSPACE_VERSION}")`,
  );
}

/** The newest registered version, or undefined before the first publication. */
async function newestSide(store: MetadataStore, product: DataProduct, port: OutputPort): Promise<Side | undefined> {
  const contractId = port.contract!.id;
  const newest = (await registeredContractVersions(store, product.id, contractId)).at(-1);
  const document = newest === undefined ? undefined : await registeredContract(store, product.id, contractId, newest);
  return newest !== undefined && document ? { version: newest, document } : undefined;
}
