/** Registered products: upsert by id, read by id, list by id with keyset pagination. */
import type { Selectable } from 'kysely';
import { decodeCursor, encodeCursor, pageLimit, toPage } from '../page-request.js';
import { fromTimestamp, requireChoice, requireText, optionalText } from '../record-validation.js';
import {
  LIFECYCLE_STATUSES,
  PRODUCT_ARCHETYPES,
  type Page,
  type ProductInput,
  type ProductQuery,
  type ProductRecord,
} from '../metadata-types.js';
import type { ProductsTable } from './metadata-schema.js';
import type { RepositoryContext } from './repository-context.js';

export class ProductRepository {
  constructor(private readonly context: RepositoryContext) {}

  async upsert(input: ProductInput): Promise<ProductRecord> {
    const product = normalizeProduct(input);
    const now = this.context.now().toISOString();
    const row = {
      id: product.id,
      domain: product.domain,
      name: product.name,
      urn: product.urn,
      archetype: product.archetype,
      status: product.status,
      owner_team: product.ownerTeam,
      current_version: product.currentVersion,
    };
    const stored = await this.context.write('data', (trx) =>
      trx
        .insertInto('products')
        .values({ ...row, registered_at: now, updated_at: now })
        // registered_at is left out of the update: it records the first registration.
        .onConflict((conflict) => conflict.column('id').doUpdateSet({ ...row, updated_at: now }))
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    return toProduct(stored);
  }

  async get(id: string): Promise<ProductRecord | undefined> {
    const row = await this.context.db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProduct(row);
  }

  async list(query: ProductQuery = {}): Promise<Page<ProductRecord>> {
    const limit = pageLimit(query.limit);
    const after = decodeCursor(query.after);
    let select = this.context.db.selectFrom('products').selectAll();
    // (domain, id) and the primary key serve both shapes straight from an index.
    if (query.domain !== undefined) select = select.where('domain', '=', query.domain);
    if (after !== undefined) select = select.where('id', '>', after);
    const rows = await select
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return toPage(rows.map(toProduct), limit, (product) => encodeCursor(product.id));
  }
}

function normalizeProduct(input: ProductInput): ProductInput {
  return {
    id: requireText(input.id, 'product.id', 200),
    domain: requireText(input.domain, 'product.domain', 200),
    name: requireText(input.name, 'product.name'),
    urn: requireText(input.urn, 'product.urn', 400),
    archetype: requireChoice(input.archetype, 'product.archetype', PRODUCT_ARCHETYPES),
    status: requireChoice(input.status, 'product.status', LIFECYCLE_STATUSES),
    ownerTeam: requireText(input.ownerTeam, 'product.ownerTeam', 200),
    currentVersion: optionalText(input.currentVersion, 'product.currentVersion', 200),
  };
}

function toProduct(row: Selectable<ProductsTable>): ProductRecord {
  return {
    id: row.id,
    domain: row.domain,
    name: row.name,
    urn: row.urn,
    archetype: row.archetype as ProductRecord['archetype'],
    status: row.status as ProductRecord['status'],
    ownerTeam: row.owner_team,
    currentVersion: row.current_version,
    registeredAt: fromTimestamp(row.registered_at),
    updatedAt: fromTimestamp(row.updated_at),
  };
}
