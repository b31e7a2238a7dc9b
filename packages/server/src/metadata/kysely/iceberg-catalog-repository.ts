/**
 * The Iceberg catalog's namespaces and table pointers. A commit is one conditional UPDATE
 * (`… where metadata_location = <expected>`): on SQLite writes are serialised, on PostgreSQL the
 * second of two racing updates waits for the first's row lock and then re-checks the condition
 * against the committed row, so exactly one of any number of racing commits wins. Foreign keys
 * arbitrate creates against drops; their violations come back as outcomes, never as errors.
 */
import { InputError, UnavailableError } from '@meshwork/core';
import { sql, type Selectable } from 'kysely';
import { canonicalJson } from '../canonical-json.js';
import { driverErrorCode } from '../driver-error.js';
import type {
  IcebergNamespaceCreation,
  IcebergNamespaceDrop,
  IcebergNamespaceInput,
  IcebergNamespaceLevels,
  IcebergNamespacePropertiesChange,
  IcebergNamespacePropertiesResult,
  IcebergNamespaceQuery,
  IcebergNamespaceRecord,
  IcebergTableCreation,
  IcebergTableInput,
  IcebergTablePointer,
  IcebergTableQuery,
  IcebergTableSwap,
} from '../iceberg-catalog-types.js';
import type { Page } from '../metadata-types.js';
import { decodeCursor, encodeCursor, pageLimit, toPage } from '../page-request.js';
import { fromTimestamp, requireText, toTimestamp } from '../record-validation.js';
import type { IcebergNamespacesTable, IcebergTablesTable } from './iceberg-catalog-schema.js';
import type { RepositoryContext } from './repository-context.js';

const MAX_LEVELS = 16;
const MAX_NAME = 255;
// Levels become one key joined with `.`, and names become folder names: neither may hold a dot
// (a level) or a control character.
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
// Property changes retry their compare-and-swap this often before reporting the row as busy.
const MAX_PROPERTY_ATTEMPTS = 50;

export class IcebergCatalogRepository {
  constructor(private readonly context: RepositoryContext) {}

  async createNamespace(input: IcebergNamespaceInput): Promise<IcebergNamespaceCreation> {
    const levels = namespaceLevels(input.namespace, 'namespace.namespace');
    const at = toTimestamp(input.at, 'namespace.at', this.context.now);
    const row = {
      namespace: levels.join('.'),
      parent: levels.length > 1 ? levels.slice(0, -1).join('.') : null,
      properties: canonicalJson(stringMap(input.properties ?? {}, 'namespace.properties')),
      version: 0,
      created_by: requireText(input.createdBy, 'namespace.createdBy', 200),
      created_at: at,
      updated_at: at,
    };
    try {
      return await this.context.write('data', async (trx) => {
        const inserted = await trx
          .insertInto('iceberg_namespaces')
          .values(row)
          .onConflict((conflict) => conflict.column('namespace').doNothing())
          .returning('namespace')
          .executeTakeFirst();
        if (!inserted) return { outcome: 'exists' } as const;
        return { outcome: 'created', namespace: toNamespace(row) } as const;
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) return { outcome: 'no-parent' };
      throw error;
    }
  }

  async getNamespace(namespace: IcebergNamespaceLevels): Promise<IcebergNamespaceRecord | undefined> {
    const key = namespaceLevels(namespace, 'namespace').join('.');
    const row = await this.context.db
      .selectFrom('iceberg_namespaces')
      .selectAll()
      .where('namespace', '=', key)
      .executeTakeFirst();
    return row && toNamespace(row);
  }

  async listNamespaces(query: IcebergNamespaceQuery = {}): Promise<Page<IcebergNamespaceRecord>> {
    const limit = pageLimit(query.limit);
    const after = decodeCursor(query.after);
    let select = this.context.db.selectFrom('iceberg_namespaces').selectAll();
    select =
      query.parent === undefined
        ? select.where('parent', 'is', null)
        : select.where('parent', '=', namespaceLevels(query.parent, 'parent').join('.'));
    if (after !== undefined) select = select.where('namespace', '>', after);
    const rows = await select
      .orderBy('namespace')
      .limit(limit + 1)
      .execute();
    return toPage(rows.map(toNamespace), limit, (record) => encodeCursor(record.namespace.join('.')));
  }

  async updateNamespaceProperties(
    change: IcebergNamespacePropertiesChange,
  ): Promise<IcebergNamespacePropertiesResult | undefined> {
    const key = namespaceLevels(change.namespace, 'namespace').join('.');
    const updates = stringMap(change.updates ?? {}, 'updates');
    const removals = [
      ...new Set((change.removals ?? []).map((k, i) => requireText(k, `removals[${i}]`, MAX_NAME))),
    ].sort();
    const both = removals.filter((k) => Object.hasOwn(updates, k));
    if (both.length > 0) {
      throw new InputError('MW6101', `properties ${both.join(', ')} are both updated and removed; pick one.`);
    }
    const at = toTimestamp(change.at, 'at', this.context.now);
    return this.context.write('data', async (trx) => {
      // Read, change, write back only if nobody else wrote in between (version unchanged);
      // under READ COMMITTED each retry reads the latest committed row.
      for (let attempt = 0; attempt < MAX_PROPERTY_ATTEMPTS; attempt++) {
        const row = await trx
          .selectFrom('iceberg_namespaces')
          .selectAll()
          .where('namespace', '=', key)
          .executeTakeFirst();
        if (!row) return undefined;
        const properties: Record<string, string> = { ...(JSON.parse(row.properties) as Record<string, string>) };
        const removed = removals.filter((k) => Object.hasOwn(properties, k));
        const missing = removals.filter((k) => !Object.hasOwn(properties, k));
        for (const k of removed) delete properties[k];
        Object.assign(properties, updates);
        const next = { properties: canonicalJson(properties), version: Number(row.version) + 1, updated_at: at };
        const written = await trx
          .updateTable('iceberg_namespaces')
          .set(next)
          .where('namespace', '=', key)
          .where('version', '=', Number(row.version))
          .returning('namespace')
          .executeTakeFirst();
        if (written) {
          return {
            namespace: toNamespace({ ...row, ...next }),
            updated: Object.keys(updates).sort(),
            removed,
            missing,
          };
        }
      }
      throw new UnavailableError('MW6108', `namespace ${key} kept changing under concurrent writers; retry.`);
    });
  }

  async dropNamespace(namespace: IcebergNamespaceLevels): Promise<IcebergNamespaceDrop> {
    const key = namespaceLevels(namespace, 'namespace').join('.');
    try {
      return await this.context.write('data', async (trx) => {
        const exists = await trx
          .selectFrom('iceberg_namespaces')
          .select('namespace')
          .where('namespace', '=', key)
          .executeTakeFirst();
        if (!exists) return 'missing';
        const table = await trx
          .selectFrom('iceberg_tables')
          .select('name')
          .where('namespace', '=', key)
          .limit(1)
          .executeTakeFirst();
        const child = await trx
          .selectFrom('iceberg_namespaces')
          .select('namespace')
          .where('parent', '=', key)
          .limit(1)
          .executeTakeFirst();
        if (table || child) return 'not-empty';
        // A table or child created meanwhile (not visible to the checks above) makes this fail
        // on its foreign key: the namespace stays, and the drop reports it not empty.
        await trx.deleteFrom('iceberg_namespaces').where('namespace', '=', key).execute();
        return 'dropped';
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) return 'not-empty';
      throw error;
    }
  }

  async createTable(input: IcebergTableInput): Promise<IcebergTableCreation> {
    const at = toTimestamp(input.at, 'table.at', this.context.now);
    const row = {
      namespace: namespaceLevels(input.namespace, 'table.namespace').join('.'),
      name: tableName(input.name, 'table.name'),
      table_uuid: requireText(input.tableUuid, 'table.tableUuid', 64),
      metadata_location: requireText(input.metadataLocation, 'table.metadataLocation', 4096),
      version: 0,
      created_by: requireText(input.createdBy, 'table.createdBy', 200),
      created_at: at,
      updated_at: at,
    };
    try {
      return await this.context.write('data', async (trx) => {
        const inserted = await trx
          .insertInto('iceberg_tables')
          .values(row)
          .onConflict((conflict) => conflict.columns(['namespace', 'name']).doNothing())
          .returning('name')
          .executeTakeFirst();
        if (!inserted) return { outcome: 'exists' } as const;
        return { outcome: 'created', table: toPointer(row) } as const;
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) return { outcome: 'no-namespace' };
      throw error;
    }
  }

  async getTable(namespace: IcebergNamespaceLevels, name: string): Promise<IcebergTablePointer | undefined> {
    const row = await this.context.db
      .selectFrom('iceberg_tables')
      .selectAll()
      .where('namespace', '=', namespaceLevels(namespace, 'namespace').join('.'))
      .where('name', '=', tableName(name, 'name'))
      .executeTakeFirst();
    return row && toPointer(row);
  }

  async listTables(query: IcebergTableQuery): Promise<Page<IcebergTablePointer>> {
    const limit = pageLimit(query.limit);
    const after = decodeCursor(query.after);
    let select = this.context.db
      .selectFrom('iceberg_tables')
      .selectAll()
      .where('namespace', '=', namespaceLevels(query.namespace, 'namespace').join('.'));
    if (after !== undefined) select = select.where('name', '>', after);
    const rows = await select
      .orderBy('name')
      .limit(limit + 1)
      .execute();
    return toPage(rows.map(toPointer), limit, (pointer) => encodeCursor(pointer.name));
  }

  async swapMetadata(swap: IcebergTableSwap): Promise<IcebergTablePointer | undefined> {
    const namespace = namespaceLevels(swap.namespace, 'swap.namespace').join('.');
    const name = tableName(swap.name, 'swap.name');
    const expected = requireText(swap.expectedLocation, 'swap.expectedLocation', 4096);
    const next = requireText(swap.metadataLocation, 'swap.metadataLocation', 4096);
    const at = toTimestamp(swap.at, 'swap.at', this.context.now);
    const row = await this.context.write('data', (trx) =>
      trx
        .updateTable('iceberg_tables')
        .set({ metadata_location: next, version: sql<number>`${sql.ref('version')} + 1`, updated_at: at })
        .where('namespace', '=', namespace)
        .where('name', '=', name)
        .where('metadata_location', '=', expected)
        .returningAll()
        .executeTakeFirst(),
    );
    return row && toPointer(row);
  }

  async dropTable(namespace: IcebergNamespaceLevels, name: string): Promise<IcebergTablePointer | undefined> {
    const key = namespaceLevels(namespace, 'namespace').join('.');
    const table = tableName(name, 'name');
    const row = await this.context.write('data', (trx) =>
      trx
        .deleteFrom('iceberg_tables')
        .where('namespace', '=', key)
        .where('name', '=', table)
        .returningAll()
        .executeTakeFirst(),
    );
    return row && toPointer(row);
  }
}

function namespaceLevels(value: unknown, field: string): readonly string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LEVELS) {
    throw new InputError('MW6101', `${field} must be an array of 1 to ${MAX_LEVELS} levels.`);
  }
  return value.map((level: unknown, index) => {
    const text = requireText(level, `${field}[${index}]`, MAX_NAME);
    if (text.includes('.') || hasControlCharacter(text)) {
      throw new InputError('MW6101', `${field}[${index}] must not contain a dot or a control character.`);
    }
    return text;
  });
}

function tableName(value: unknown, field: string): string {
  const text = requireText(value, field, MAX_NAME);
  if (hasControlCharacter(text) || text.includes('/')) {
    throw new InputError('MW6101', `${field} must not contain a slash or a control character.`);
  }
  return text;
}

function stringMap(value: Readonly<Record<string, string>>, field: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('MW6101', `${field} must be an object of strings.`);
  }
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    requireText(key, `${field} key`, MAX_NAME);
    if (typeof text !== 'string') throw new InputError('MW6101', `${field}.${key} must be a string.`);
    out[key] = text;
  }
  return out;
}

/** SQLite and PostgreSQL's foreign key violation: the row it needs is gone, or rows still need it. */
function isForeignKeyViolation(error: unknown): boolean {
  const code = driverErrorCode(error);
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

function toNamespace(row: Selectable<IcebergNamespacesTable> | NamespaceRow): IcebergNamespaceRecord {
  return {
    namespace: row.namespace.split('.'),
    properties: JSON.parse(row.properties) as Record<string, string>,
    createdBy: row.created_by,
    createdAt: fromTimestamp(row.created_at),
    updatedAt: fromTimestamp(row.updated_at),
  };
}

function toPointer(row: Selectable<IcebergTablesTable> | TableRow): IcebergTablePointer {
  return {
    namespace: row.namespace.split('.'),
    name: row.name,
    tableUuid: row.table_uuid,
    metadataLocation: row.metadata_location,
    version: Number(row.version),
    createdBy: row.created_by,
    createdAt: fromTimestamp(row.created_at),
    updatedAt: fromTimestamp(row.updated_at),
  };
}

type NamespaceRow = Omit<Selectable<IcebergNamespacesTable>, 'parent'>;
type TableRow = Selectable<IcebergTablesTable>;
