/**
 * Tables created through the catalog: metadata files in the warehouse, the pointer in the
 * metadata store. A commit reads the current metadata, checks the requirements, applies the
 * updates, writes the next file and moves the pointer with a compare-and-swap; the loser of a
 * race gets 409 CommitFailedException and its file is removed, so nothing it wrote is visible.
 * Creates, commits and drops are audited.
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@meshwork/core';
import type { Principal } from '../../identity/principal.js';
import type { MetadataStore } from '../../metadata/metadata-store.js';
import type { IcebergTableMetadata } from '../table-metadata.js';
import { applyUpdates, METADATA_LOG_MAX } from './apply-table-updates.js';
import { namespaceLabel, tableLabel, type Namespace } from './catalog-names.js';
import type { CommitRequest } from './commit-request.js';
import { draftOf, emptyDraft, metadataOf } from './metadata-draft.js';
import type { MetadataFiles } from './metadata-files.js';
import { newTableMetadata, type CreateTableRequest } from './new-table-metadata.js';
import { checkRequirements } from './table-requirements.js';

/** A table as loadTable, createTable and commits answer it. */
export interface TableResult {
  /** Undefined for a staged create (nothing committed yet). */
  readonly metadataLocation?: string;
  readonly metadata: IcebergTableMetadata;
  /** The metadata as JSON text when it is at hand (the file as written), to send without re-serialising. */
  readonly text?: string;
}

export interface ManagedTablesOptions {
  readonly store: Pick<
    MetadataStore,
    | 'appendAudit'
    | 'getIcebergNamespace'
    | 'createIcebergTable'
    | 'getIcebergTable'
    | 'swapIcebergTableMetadata'
    | 'dropIcebergTable'
  >;
  readonly files: MetadataFiles;
  readonly now: () => Date;
}

export class ManagedTables {
  constructor(private readonly options: ManagedTablesOptions) {}

  async load(namespace: Namespace, name: string): Promise<TableResult> {
    const pointer = await this.options.store.getIcebergTable(namespace, name);
    if (!pointer) throw noTable(namespace, name);
    const loaded = await this.options.files.read(pointer.metadataLocation);
    return { metadataLocation: pointer.metadataLocation, ...loaded };
  }

  async create(principal: Principal, namespace: Namespace, request: CreateTableRequest): Promise<TableResult> {
    const { store, files } = this.options;
    const name = request.name;
    if (!(await store.getIcebergNamespace(namespace))) throw noNamespace(namespace);
    if (await store.getIcebergTable(namespace, name)) throw exists(namespace, name);
    const location = request.location ?? files.tableLocation(namespace, name);
    const metadata = newTableMetadata(request, randomUUID(), location, this.#now());
    if (request.stageCreate) return { metadata };
    return this.#insert(principal, namespace, name, metadata, () => exists(namespace, name));
  }

  async commit(principal: Principal, namespace: Namespace, name: string, request: CommitRequest): Promise<TableResult> {
    const { store, files } = this.options;
    const label = tableLabel(namespace, name);
    const pointer = await store.getIcebergTable(namespace, name);
    if (!pointer) {
      if (!request.requirements.some((r) => r.type === 'assert-create')) throw noTable(namespace, name);
      return this.#commitCreate(principal, namespace, name, request);
    }
    const current = await files.read(pointer.metadataLocation);
    checkRequirements(request.requirements, current.metadata, label);
    if (request.updates.length === 0) return { metadataLocation: pointer.metadataLocation, ...current };
    const draft = draftOf(current.metadata);
    const now = this.#now();
    applyUpdates(draft, request.updates, now);
    draft.metadataLog.push({
      'timestamp-ms': current.metadata['last-updated-ms'],
      'metadata-file': pointer.metadataLocation,
    });
    draft.metadataLog.splice(0, Math.max(0, draft.metadataLog.length - METADATA_LOG_MAX));
    const metadata = metadataOf(draft, Math.max(now, current.metadata['last-updated-ms']));
    const location = await files.write(namespace, name, pointer.version + 1, metadata);
    const swapped = await store.swapIcebergTableMetadata({
      namespace,
      name,
      expectedLocation: pointer.metadataLocation,
      metadataLocation: location,
    });
    if (!swapped) {
      await files.remove(location);
      const winner = await store.getIcebergTable(namespace, name);
      throw new ConflictError(
        'MW8261',
        winner
          ? `commit to ${label} failed: another commit moved the table to version ${winner.version} first; reload the table and retry`
          : `commit to ${label} failed: the table was dropped meanwhile`,
      );
    }
    await this.#audit(principal, 'iceberg.table.committed', namespace, name, {
      version: swapped.version,
      metadataLocation: location,
      updates: request.updates.map((u) => u.action),
      currentSnapshotId: String(metadata['current-snapshot-id'] ?? -1),
    });
    return { metadataLocation: location, metadata };
  }

  async drop(principal: Principal, namespace: Namespace, name: string, purge: boolean): Promise<void> {
    const dropped = await this.options.store.dropIcebergTable(namespace, name);
    if (!dropped) throw noTable(namespace, name);
    if (purge) await this.options.files.purge(namespace, name);
    await this.#audit(principal, 'iceberg.table.dropped', namespace, name, {
      metadataLocation: dropped.metadataLocation,
      version: dropped.version,
      purged: purge,
    });
  }

  /** A create transaction (stage-create, then a commit with assert-create) building on nothing. */
  async #commitCreate(
    principal: Principal,
    namespace: Namespace,
    name: string,
    request: CommitRequest,
  ): Promise<TableResult> {
    if (!(await this.options.store.getIcebergNamespace(namespace))) throw noNamespace(namespace);
    checkRequirements(request.requirements, undefined, tableLabel(namespace, name));
    const assigned = request.updates.find((u) => u.action === 'assign-uuid');
    const uuid = assigned?.action === 'assign-uuid' ? assigned.uuid : randomUUID();
    const draft = emptyDraft(uuid, this.options.files.tableLocation(namespace, name));
    applyUpdates(draft, request.updates, this.#now());
    return this.#insert(
      principal,
      namespace,
      name,
      metadataOf(draft, this.#now()),
      () =>
        new ConflictError(
          'MW8260',
          `commit to ${tableLabel(namespace, name)} failed: requirement assert-create does not hold: the table was created meanwhile`,
        ),
    );
  }

  async #insert(
    principal: Principal,
    namespace: Namespace,
    name: string,
    metadata: IcebergTableMetadata,
    existsError: () => Error,
  ): Promise<TableResult> {
    const { store, files } = this.options;
    const location = await files.write(namespace, name, 0, metadata);
    const created = await store.createIcebergTable({
      namespace,
      name,
      tableUuid: metadata['table-uuid'],
      metadataLocation: location,
      createdBy: principal.id,
    });
    if (created.outcome !== 'created') {
      await files.remove(location);
      throw created.outcome === 'exists' ? existsError() : noNamespace(namespace);
    }
    await this.#audit(principal, 'iceberg.table.created', namespace, name, {
      tableUuid: metadata['table-uuid'],
      metadataLocation: location,
      location: metadata.location,
    });
    return { metadataLocation: location, metadata };
  }

  async #audit(
    principal: Principal,
    action: string,
    namespace: Namespace,
    name: string,
    details: Record<string, string | number | boolean | readonly string[]>,
  ): Promise<void> {
    await this.options.store.appendAudit({
      actor: principal.id,
      action,
      resource: `urn:meshwork:iceberg:table:${tableLabel(namespace, name)}`,
      details: { ...details, authenticatedBy: principal.authenticatedBy },
    });
  }

  #now(): number {
    return this.options.now().getTime();
  }
}

export function noNamespace(namespace: Namespace): NotFoundError {
  return new NotFoundError('MW8254', `namespace ${namespaceLabel(namespace)} does not exist`);
}

export function noTable(namespace: Namespace, name: string): NotFoundError {
  return new NotFoundError('MW8255', `table ${tableLabel(namespace, name)} does not exist`);
}

function exists(namespace: Namespace, name: string): ConflictError {
  return new ConflictError('MW8257', `table ${tableLabel(namespace, name)} already exists`);
}
