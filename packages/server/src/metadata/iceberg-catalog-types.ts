/**
 * What the metadata store keeps for the Iceberg REST catalog's managed tables: namespaces (levels,
 * properties) and one pointer per table — its current metadata file, uuid and version. The
 * metadata files themselves live in the warehouse; the pointer lives here so that several servers
 * on PostgreSQL see one current version, and a commit moves it with a compare-and-swap.
 *
 * Outcomes a caller acts on (exists, missing parent, not empty, lost swap) are results, not
 * errors: the catalog turns them into its own coded errors.
 */
import type { Page, PageQuery } from './metadata-types.js';

/** One namespace: its levels, e.g. `['staging', 'crm']`. No level may contain `.` (the stored key joins them). */
export type IcebergNamespaceLevels = readonly string[];

export interface IcebergNamespaceInput {
  readonly namespace: IcebergNamespaceLevels;
  readonly properties?: Readonly<Record<string, string>>;
  readonly createdBy: string;
  readonly at?: string | Date;
}

export interface IcebergNamespaceRecord {
  readonly namespace: IcebergNamespaceLevels;
  readonly properties: Readonly<Record<string, string>>;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type IcebergNamespaceCreation =
  | { readonly outcome: 'created'; readonly namespace: IcebergNamespaceRecord }
  /** `no-parent`: a multi-level namespace needs its parent first (`['staging']` before `['staging', 'crm']`). */
  | { readonly outcome: 'exists' | 'no-parent' };

export interface IcebergNamespaceQuery extends PageQuery {
  /** Children of this namespace; top-level namespaces when absent. */
  readonly parent?: IcebergNamespaceLevels;
}

export interface IcebergNamespacePropertiesChange {
  readonly namespace: IcebergNamespaceLevels;
  readonly updates?: Readonly<Record<string, string>>;
  readonly removals?: readonly string[];
  readonly at?: string | Date;
}

export interface IcebergNamespacePropertiesResult {
  readonly namespace: IcebergNamespaceRecord;
  /** Keys set, sorted. */
  readonly updated: readonly string[];
  /** Keys removed that existed, sorted. */
  readonly removed: readonly string[];
  /** Keys asked for removal that did not exist, sorted. */
  readonly missing: readonly string[];
}

/** `not-empty`: the namespace still holds tables or child namespaces. */
export type IcebergNamespaceDrop = 'dropped' | 'missing' | 'not-empty';

export interface IcebergTableInput {
  readonly namespace: IcebergNamespaceLevels;
  readonly name: string;
  readonly tableUuid: string;
  readonly metadataLocation: string;
  readonly createdBy: string;
  readonly at?: string | Date;
}

/** Where a managed table's current metadata is. `version` is 0 at creation, +1 per commit. */
export interface IcebergTablePointer {
  readonly namespace: IcebergNamespaceLevels;
  readonly name: string;
  readonly tableUuid: string;
  readonly metadataLocation: string;
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type IcebergTableCreation =
  | { readonly outcome: 'created'; readonly table: IcebergTablePointer }
  | { readonly outcome: 'exists' | 'no-namespace' };

export interface IcebergTableQuery extends PageQuery {
  readonly namespace: IcebergNamespaceLevels;
}

/** A commit: the pointer moves to `metadataLocation` only if it still is `expectedLocation`. */
export interface IcebergTableSwap {
  readonly namespace: IcebergNamespaceLevels;
  readonly name: string;
  readonly expectedLocation: string;
  readonly metadataLocation: string;
  readonly at?: string | Date;
}

/** The metadata store's part of the Iceberg catalog (joined into `MetadataStore`). */
export interface IcebergCatalogStore {
  /** Creates a namespace; its parent must exist. Properties are string to string. */
  createIcebergNamespace(input: IcebergNamespaceInput): Promise<IcebergNamespaceCreation>;
  getIcebergNamespace(namespace: IcebergNamespaceLevels): Promise<IcebergNamespaceRecord | undefined>;
  /** Direct children of `parent` (top level without it), ordered by their key byte-wise. */
  listIcebergNamespaces(query?: IcebergNamespaceQuery): Promise<Page<IcebergNamespaceRecord>>;
  /**
   * Sets and removes properties atomically (a key in both lists is InputError MW6101). Undefined
   * when the namespace does not exist. Concurrent changes never lose one another's keys.
   */
  updateIcebergNamespaceProperties(
    change: IcebergNamespacePropertiesChange,
  ): Promise<IcebergNamespacePropertiesResult | undefined>;
  /** Drops an empty namespace (no tables, no children), even against a concurrent create. */
  dropIcebergNamespace(namespace: IcebergNamespaceLevels): Promise<IcebergNamespaceDrop>;

  /** Records a new table at version 0; its namespace must exist. */
  createIcebergTable(input: IcebergTableInput): Promise<IcebergTableCreation>;
  getIcebergTable(namespace: IcebergNamespaceLevels, name: string): Promise<IcebergTablePointer | undefined>;
  /** Tables of one namespace, ordered by name byte-wise. */
  listIcebergTables(query: IcebergTableQuery): Promise<Page<IcebergTablePointer>>;
  /**
   * The commit's compare-and-swap: moves the pointer and increments the version only when the
   * current location is the expected one. Returns the new pointer, or undefined when the swap
   * lost (another commit moved it first, or the table was dropped). Of N racing swaps from the
   * same expected location, across any number of servers, exactly one wins.
   */
  swapIcebergTableMetadata(swap: IcebergTableSwap): Promise<IcebergTablePointer | undefined>;
  /** Removes the pointer and returns it; undefined when there was none. */
  dropIcebergTable(namespace: IcebergNamespaceLevels, name: string): Promise<IcebergTablePointer | undefined>;
}
