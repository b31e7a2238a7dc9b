/**
 * The mesh model: one immutable object built from a workspace. Standard documents are kept
 * whole (`descriptor`, `document`) so that nothing is lost on export; the fields Meshwork
 * reasons about are lifted into typed properties next to them.
 */
import type { MeshConfig, Role } from '../config/mesh-config-schema.js';
import type { Glossary } from '../glossary/glossary-types.js';
import type { PipelineFile } from '../workspace/pipeline-schema.js';
import type { OdcsDocument, OdpsDocument } from '../standards/documents.js';

export const ARCHETYPES = ['source-aligned', 'aggregate', 'consumer-aligned'] as const;
export type Archetype = (typeof ARCHETYPES)[number];

/** ODPS/ODCS `status` values Meshwork understands as lifecycle states. */
export const LIFECYCLE_STATES = ['proposed', 'draft', 'active', 'deprecated', 'retired'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/** `domain.product`, e.g. `sales.orders`. */
export type ProductId = string;

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly members: readonly string[];
  readonly channel?: string;
}

export interface User {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  readonly teams: readonly string[];
  readonly groups: readonly string[];
  readonly roles: readonly Role[];
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
}

export interface ServiceAccount {
  readonly id: string;
  readonly description?: string;
  readonly team?: string;
  readonly roles: readonly Role[];
}

export interface Domain {
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly owner?: string;
  readonly parent?: string;
  readonly tags: readonly string[];
  readonly file: string;
}

export interface ContractColumn {
  readonly name: string;
  readonly logicalType?: string;
  readonly physicalType?: string;
  readonly required: boolean;
  readonly unique: boolean;
  readonly primaryKey: boolean;
  readonly classification?: string;
  readonly description?: string;
  /**
   * Glossary terms the column is bound to (`authoritativeDefinitions` with a
   * `urn:meshwork:glossary:` url), e.g. `Customer.customer_id` or `Customer`; in order, no repeats.
   * As written: a term the glossary lacks stays here and is reported (MW3105, MW3106).
   */
  readonly terms: readonly string[];
}

export interface ContractTable {
  readonly name: string;
  readonly physicalName?: string;
  readonly description?: string;
  readonly columns: readonly ContractColumn[];
}

export interface Contract {
  readonly id: string;
  readonly version: string;
  readonly apiVersion: string;
  readonly status: string;
  readonly name?: string;
  readonly file: string;
  readonly tables: readonly ContractTable[];
  /** The ODCS document exactly as written. */
  readonly document: OdcsDocument;
}

export interface OutputPort {
  readonly name: string;
  readonly version: string;
  /** Major version: v1 and v2 of a port are served side by side. */
  readonly major: number;
  readonly description?: string;
  readonly type?: string;
  readonly contractId?: string;
  readonly contract?: Contract;
}

export interface InputPort {
  readonly name: string;
  readonly version: string;
  readonly contractId: string;
}

export interface Pipeline {
  readonly file: string;
  readonly definition: PipelineFile;
}

export interface DataProduct {
  readonly id: ProductId;
  readonly urn: string;
  readonly domain: string;
  /** Folder name: the product's stable name inside its domain. */
  readonly name: string;
  /** Human title (ODPS `name`), defaulting to `name`. */
  readonly title: string;
  readonly descriptorId: string;
  readonly version?: string;
  readonly status: string;
  readonly archetype?: Archetype;
  readonly ownerTeam?: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly directory: string;
  readonly descriptorFile: string;
  readonly descriptor: OdpsDocument;
  readonly inputPorts: readonly InputPort[];
  readonly outputPorts: readonly OutputPort[];
  readonly contracts: readonly Contract[];
  readonly pipeline?: Pipeline;
  /** Upstream products this one reads (from pipeline product inputs), sorted. */
  readonly dependsOn: readonly ProductId[];
}

export interface MeshModel {
  readonly name: string;
  readonly description?: string;
  readonly config: MeshConfig;
  readonly teams: ReadonlyMap<string, Team>;
  readonly users: ReadonlyMap<string, User>;
  readonly serviceAccounts: ReadonlyMap<string, ServiceAccount>;
  readonly domains: ReadonlyMap<string, Domain>;
  /** Sorted by id. */
  readonly products: ReadonlyMap<ProductId, DataProduct>;
  /** Entities, terms and metrics of glossary/*.yaml (empty when there is none). */
  readonly glossary: Glossary;
}
