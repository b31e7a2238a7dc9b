/**
 * Published descriptor versions. A version, once recorded, never changes: recording the same
 * key again is accepted only with the same content hash (a retried publish), and the database
 * refuses UPDATE and DELETE on the table by trigger.
 */
import { ConflictError, NotFoundError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import { fromTimestamp, requireChoice, requireText, toTimestamp } from '../record-validation.js';
import {
  DESCRIPTOR_KINDS,
  type DescriptorVersionFilter,
  type DescriptorVersionInput,
  type DescriptorVersionKey,
  type DescriptorVersionRecord,
  type DescriptorVersionSummary,
  type RecordedDescriptorVersion,
} from '../metadata-types.js';
import type { DescriptorVersionsTable } from './metadata-schema.js';
import type { RepositoryContext } from './repository-context.js';
import type { MetadataDb } from './store-dialect.js';

const SUMMARY_COLUMNS = [
  'product_id',
  'kind',
  'document_id',
  'version',
  'content_hash',
  'published_by',
  'published_at',
] as const;

export class DescriptorRepository {
  constructor(private readonly context: RepositoryContext) {}

  async record(input: DescriptorVersionInput): Promise<RecordedDescriptorVersion> {
    const key = normalizeKey(input);
    const row = {
      product_id: key.productId,
      kind: key.kind,
      document_id: key.documentId,
      version: key.version,
      content: requireText(input.content, 'descriptor.content', Number.MAX_SAFE_INTEGER),
      content_hash: requireText(input.contentHash, 'descriptor.contentHash', 200),
      published_by: requireText(input.publishedBy, 'descriptor.publishedBy', 200),
      published_at: toTimestamp(input.publishedAt, 'descriptor.publishedAt', this.context.now),
    };
    return this.context.write('data', async (trx) => {
      const product = await trx.selectFrom('products').select('id').where('id', '=', key.productId).executeTakeFirst();
      if (!product) {
        throw new NotFoundError(
          'MW6104',
          `Product ${key.productId} is not registered; register it before recording its descriptors.`,
        );
      }
      // Insert first and compare only on conflict: with PostgreSQL's row-level "data" writes two
      // concurrent publishers may race, and ON CONFLICT is the one arbiter both of them respect.
      const inserted = await trx
        .insertInto('descriptor_versions')
        .values(row)
        .onConflict((conflict) => conflict.doNothing())
        .returning('product_id')
        .executeTakeFirst();
      if (inserted) return { descriptor: toRecord(row), created: true };
      const existing = await findVersion(trx, key);
      if (!existing) throw new Error(`descriptor version ${JSON.stringify(key)} conflicted but cannot be read back`);
      if (existing.content_hash !== row.content_hash) throw immutable(key, existing.content_hash, row.content_hash);
      return { descriptor: toRecord(existing), created: false };
    });
  }

  async get(key: DescriptorVersionKey): Promise<DescriptorVersionRecord | undefined> {
    const row = await findVersion(this.context.db, key);
    return row && toRecord(row);
  }

  async list(productId: string, filter: DescriptorVersionFilter = {}): Promise<readonly DescriptorVersionSummary[]> {
    let select = this.context.db
      .selectFrom('descriptor_versions')
      .select(SUMMARY_COLUMNS)
      .where('product_id', '=', productId);
    if (filter.kind !== undefined) select = select.where('kind', '=', filter.kind);
    if (filter.documentId !== undefined) select = select.where('document_id', '=', filter.documentId);
    const rows = await select
      .orderBy('kind')
      .orderBy('document_id')
      .orderBy('published_at')
      .orderBy('version')
      .execute();
    return rows.map(toSummary);
  }
}

function normalizeKey(key: DescriptorVersionKey): DescriptorVersionKey {
  return {
    productId: requireText(key.productId, 'descriptor.productId', 200),
    kind: requireChoice(key.kind, 'descriptor.kind', DESCRIPTOR_KINDS),
    documentId: requireText(key.documentId, 'descriptor.documentId', 400),
    version: requireText(key.version, 'descriptor.version', 200),
  };
}

function findVersion(
  db: MetadataDb,
  key: DescriptorVersionKey,
): Promise<Selectable<DescriptorVersionsTable> | undefined> {
  return db
    .selectFrom('descriptor_versions')
    .selectAll()
    .where('product_id', '=', key.productId)
    .where('kind', '=', key.kind)
    .where('document_id', '=', key.documentId)
    .where('version', '=', key.version)
    .executeTakeFirst();
}

function immutable(key: DescriptorVersionKey, stored: string, offered: string): ConflictError {
  return new ConflictError(
    'MW6102',
    `${key.kind} document ${key.documentId} version ${key.version} of ${key.productId} is already published with content ${stored}; ` +
      `the new content ${offered} needs a new version.`,
  );
}

type SummaryRow = Pick<Selectable<DescriptorVersionsTable>, (typeof SUMMARY_COLUMNS)[number]>;

function toSummary(row: SummaryRow): DescriptorVersionSummary {
  return {
    productId: row.product_id,
    kind: row.kind as DescriptorVersionSummary['kind'],
    documentId: row.document_id,
    version: row.version,
    contentHash: row.content_hash,
    publishedBy: row.published_by,
    publishedAt: fromTimestamp(row.published_at),
  };
}

function toRecord(row: Selectable<DescriptorVersionsTable>): DescriptorVersionRecord {
  return { ...toSummary(row), content: row.content };
}
