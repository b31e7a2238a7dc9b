/**
 * The catalog as an Iceberg client sees it: the `iceberg-js` REST client against `mesh serve`
 * (real HTTP, real tokens, products built by the real runtime into the real warehouse). Every
 * response body is also checked against the spec's own schema (the OpenAPI fixture).
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IcebergError, type IcebergRestCatalog, type TableSchema } from 'iceberg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogPlatform, type CatalogPlatform } from './test-support/catalog-platform.js';
import { specProblems, standardsDir } from './test-support/spec-schemas.js';

let p: CatalogPlatform;
beforeAll(async () => {
  p = await startCatalogPlatform();
}, 180_000);
afterAll(async () => p?.close());

const SCHEMA: TableSchema = {
  type: 'struct',
  fields: [
    { id: 10, name: 'id', type: 'long', required: true },
    { id: 11, name: 'email', type: 'string', required: false },
    { id: 12, name: 'signed_up', type: 'date', required: false },
  ],
};

/** The IcebergError a call fails with (status, spec type, message). */
async function failure(call: Promise<unknown>): Promise<IcebergError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IcebergError);
  const iceberg = error as IcebergError;
  if (standardsDir) expect(specProblems('IcebergErrorResponse', iceberg.details)).toEqual([]);
  return iceberg;
}

/** Raw JSON of a GET, to check shapes against the spec. */
async function raw(path: string, as: 'adam' | 'ana' = 'ana'): Promise<unknown> {
  const response = await p.fetch(as, path);
  expect(response.status).toBe(200);
  return response.json();
}

describe('configuration', () => {
  it('names the catalog as the prefix and lists the endpoints it serves', async () => {
    const config = await p.client('ana', { catalogName: 'lake' }).loadConfig();
    expect(config.overrides).toEqual({ prefix: 'lake' });
    expect(config.endpoints).toEqual(
      expect.arrayContaining([
        'GET /v1/{prefix}/namespaces',
        'POST /v1/{prefix}/namespaces/{namespace}/tables/{table}',
        'HEAD /v1/{prefix}/namespaces/{namespace}/tables/{table}',
      ]),
    );
    if (standardsDir) expect(specProblems('CatalogConfig', config)).toEqual([]);
    const other = await failure(p.client('ana', { catalogName: 'elsewhere' }).loadConfig());
    expect(other).toMatchObject({ status: 404, icebergType: 'NoSuchWarehouseException' });
    expect(other.message).toMatch(/^MW8267: /);
  });

  it('refuses clients without a credential, with a bad one, in the spec’s error shape', async () => {
    const anonymous = await p.fetch(null, '/v1/config');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await anonymous.json()).toMatchObject({
      error: { type: 'NotAuthorizedException', code: 401, message: expect.stringMatching(/^MW5201: /) },
    });
    const forged = await p.fetch(null, '/v1/namespaces', {
      headers: { authorization: 'Bearer mwt_aaaaaaaaaaaaaaaa_nope' },
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { type: 'NotAuthorizedException', code: 401 } });
  });
});

describe('product tables', () => {
  it('lists the domains as namespaces', async () => {
    const { namespaces } = await p.client('ana', { catalogName: 'lake' }).listNamespaces();
    expect(namespaces).toEqual(expect.arrayContaining([{ namespace: ['finance'] }, { namespace: ['sales'] }]));
    expect(await p.client('ana').namespaceExists({ namespace: ['sales'] })).toBe(true);
    expect(await p.client('ana').loadNamespaceMetadata({ namespace: ['sales'] })).toEqual({ properties: {} });
    if (standardsDir) expect(specProblems('ListNamespacesResponse', await raw('/v1/lake/namespaces'))).toEqual([]);
  });

  it('lists to each principal only the tables it may read raw', async () => {
    const names = async (who: 'adam' | 'ana' | 'ben' | 'olga' | 'trino', domain: string) =>
      (await p.client(who, { catalogName: 'lake' }).listTables({ namespace: [domain] })).identifiers.map((t) => t.name);
    expect(await names('ana', 'sales')).toEqual(['orders']); // customers is masked for her, secret hidden
    expect(await names('trino', 'sales')).toEqual(['customers', 'orders']); // an engine enforces masks itself
    expect(await names('olga', 'sales')).toEqual(['customers', 'orders', 'secret']); // her team owns them
    expect(await names('adam', 'sales')).toEqual(['orders']); // admins still see PII masked
    expect(await names('ben', 'sales')).toEqual([]); // no role, no agreement
    expect(await names('ana', 'finance')).toEqual([]); // restricted: consumers may not query it
    expect(await names('adam', 'finance')).toEqual([]); // admins may, but redacted
    expect(await names('olga', 'finance')).toEqual(['ledger']);
    if (standardsDir) expect(specProblems('ListTablesResponse', await raw('/v1/namespaces/sales/tables'))).toEqual([]);
  });

  it('loads a product table with the warehouse’s own metadata', async () => {
    const result = await p
      .client('ana', { catalogName: 'lake' })
      .loadTableResult({ namespace: ['sales'], name: 'orders' });
    const port = p.platform.services.model.products.get('sales.orders')!.outputPorts[0]!;
    const published = await p.platform.services.warehouse.icebergTable({
      productId: 'sales.orders',
      port: port.name,
      major: port.major,
    });
    expect(result?.['metadata-location']).toBe(published!.metadataLocation);
    expect(result?.metadata['table-uuid']).toBe(published!.metadata['table-uuid']);
    expect(result?.metadata.schemas[0]!.fields.map((f) => f.name)).toEqual(['id', 'name', 'amount', 'created_on']);
    expect(result?.config).toEqual({});
    expect(result?.etag).toMatch(/^".+"$/);
    expect(await p.client('ana').tableExists({ namespace: ['sales'], name: 'orders' })).toBe(true);
    if (standardsDir) {
      expect(specProblems('LoadTableResult', await raw('/v1/namespaces/sales/tables/orders'))).toEqual([]);
    }
  });

  it('never hands out a masked port, except to engines: 403 pointing to the gateway', async () => {
    const masked = await failure(p.client('ana').loadTable({ namespace: ['sales'], name: 'customers' }));
    expect(masked).toMatchObject({ status: 403, icebergType: 'ForbiddenException' });
    expect(masked.message).toMatch(/^MW8265: sales\.customers .*read it through the SQL gateway/);
    expect((await failure(p.client('adam').loadTable({ namespace: ['finance'], name: 'ledger' }))).message).toMatch(
      /^MW8265/,
    );
    const engine = await p.client('trino').loadTable({ namespace: ['sales'], name: 'customers' });
    expect(engine?.schemas[0]!.fields.map((f) => f.name)).toContain('name');
  });

  it('answers 403 to a table the principal may find but not query, the same 404 to hidden and unknown ones', async () => {
    const restricted = await failure(p.client('ana').loadTable({ namespace: ['finance'], name: 'ledger' }));
    expect(restricted).toMatchObject({ status: 403, icebergType: 'ForbiddenException' });
    expect(restricted.message).toMatch(/^MW8266: not allowed to query finance\.ledger/);
    const hidden = await failure(p.client('ana').loadTable({ namespace: ['sales'], name: 'secret' }));
    const unknown = await failure(p.client('ana').loadTable({ namespace: ['sales'], name: 'nothing' }));
    expect([hidden.status, hidden.icebergType]).toEqual([404, 'NoSuchTableException']);
    expect([unknown.status, unknown.icebergType]).toEqual([404, 'NoSuchTableException']);
    expect(hidden.message.replace('secret', 'X')).toBe(unknown.message.replace('nothing', 'X'));
    expect(await p.client('ana').tableExists({ namespace: ['sales'], name: 'secret' })).toBe(false);
    const noNamespace = await failure(p.client('ana').listTables({ namespace: ['nowhere'] }));
    expect(noNamespace).toMatchObject({ status: 404, icebergType: 'NoSuchNamespaceException' });
  });

  it('refuses every write to a product with 403 naming it', async () => {
    const admin = p.client('adam', { catalogName: 'lake' });
    const create = await failure(admin.createTable({ namespace: ['sales'] }, { name: 'mine', schema: SCHEMA }));
    expect(create).toMatchObject({ status: 403, icebergType: 'ForbiddenException' });
    expect(create.message).toMatch(/^MW8262: namespace sales holds the data products of domain sales/);
    const shadow = await failure(admin.createTable({ namespace: ['sales'] }, { name: 'orders', schema: SCHEMA }));
    expect(shadow.message).toMatch(/^MW8262: sales\.orders is the data product sales\.orders \(port orders v1\)/);
    const commit = await failure(
      admin.commitTable(
        { namespace: ['sales'], name: 'orders' },
        { requirements: [], updates: [{ action: 'set-properties', updates: { a: 'b' } }] },
      ),
    );
    expect(commit.status).toBe(403);
    expect(commit.message).toContain('is the data product sales.orders');
    expect(commit.message).toContain('published by their pipeline');
    expect((await failure(admin.dropTable({ namespace: ['sales'], name: 'orders' }))).status).toBe(403);
    // A product adam may not discover is not there to refuse.
    expect((await failure(admin.dropTable({ namespace: ['sales'], name: 'secret' }))).status).toBe(404);
    const namespace = await failure(admin.createNamespace({ namespace: ['sales', 'scratch'] }));
    expect(namespace).toMatchObject({ status: 403 });
    expect(namespace.message).toMatch(/^MW8263: /);
    expect((await failure(admin.dropNamespace({ namespace: ['sales'] }))).status).toBe(403);
  });
});

describe('managed namespaces', () => {
  it('creates multi-level namespaces under existing parents, lists them by parent, updates and drops them', async () => {
    const admin = p.client('adam', { catalogName: 'lake' });
    expect(await admin.createNamespace({ namespace: ['staging'] }, { properties: { owner: 'adam' } })).toEqual({
      namespace: ['staging'],
      properties: { owner: 'adam' },
    });
    const orphan = await failure(admin.createNamespace({ namespace: ['nope', 'child'] }));
    expect(orphan).toMatchObject({ status: 404, icebergType: 'NoSuchNamespaceException' });
    expect(orphan.message).toMatch(/^MW8259: namespace nope, the parent of nope\.child, does not exist/);
    await admin.createNamespace({ namespace: ['staging', 'crm'] });
    await admin.createNamespace({ namespace: ['staging', 'hr'] });
    expect(await failure(admin.createNamespace({ namespace: ['staging'] }))).toMatchObject({
      status: 409,
      icebergType: 'AlreadyExistsException',
    });
    const top = (await admin.listNamespaces()).namespaces;
    expect(top).toEqual(expect.arrayContaining([{ namespace: ['staging'] }, { namespace: ['sales'] }]));
    expect(top).not.toContainEqual({ namespace: ['staging', 'crm'] });
    expect((await admin.listNamespaces({ parent: { namespace: ['staging'] } })).namespaces).toEqual([
      { namespace: ['staging', 'crm'] },
      { namespace: ['staging', 'hr'] },
    ]);
    expect(await p.client('ana').namespaceExists({ namespace: ['staging', 'crm'] })).toBe(true);
    expect(await p.client('ana').namespaceExists({ namespace: ['staging', 'ops'] })).toBe(false);
    const changed = await admin.updateNamespaceProperties(
      { namespace: ['staging'] },
      { updates: { team: 'data' }, removals: ['owner', 'missing'] },
    );
    expect(changed).toEqual({ updated: ['team'], removed: ['owner'], missing: ['missing'] });
    expect(await p.client('ana').loadNamespaceMetadata({ namespace: ['staging'] })).toEqual({
      properties: { team: 'data' },
    });
    const notEmpty = await failure(admin.dropNamespace({ namespace: ['staging'] }));
    expect(notEmpty).toMatchObject({ status: 409, icebergType: 'NamespaceNotEmptyException' });
    await admin.dropNamespace({ namespace: ['staging', 'hr'] });
    expect((await failure(admin.dropNamespace({ namespace: ['staging', 'hr'] }))).status).toBe(404);
    if (standardsDir) {
      expect(specProblems('GetNamespaceResponse', await raw('/v1/namespaces/staging'))).toEqual([]);
      expect(specProblems('ListNamespacesResponse', await raw('/v1/namespaces?parent=staging'))).toEqual([]);
    }
  });

  it('lets only principals allowed to administer the mesh change them', async () => {
    const ana = p.client('ana', { catalogName: 'lake' });
    const refused = await failure(ana.createNamespace({ namespace: ['anas'] }));
    expect(refused).toMatchObject({ status: 403, icebergType: 'ForbiddenException' });
    expect(refused.message).toMatch(
      /^MW8264: not allowed to create namespace anas: managing the Iceberg catalog needs administer on the mesh/,
    );
    await p.client('adam').createNamespace({ namespace: ['sandbox'] });
    expect((await failure(ana.dropNamespace({ namespace: ['sandbox'] }))).status).toBe(403);
    expect(
      (await failure(ana.updateNamespaceProperties({ namespace: ['sandbox'] }, { updates: { a: 'b' } }))).status,
    ).toBe(403);
    expect((await failure(ana.createTable({ namespace: ['sandbox'] }, { name: 't', schema: SCHEMA }))).status).toBe(
      403,
    );
  });
});

describe('managed tables', () => {
  let admin: IcebergRestCatalog;
  const id = { namespace: ['staging', 'crm'], name: 'leads' };
  beforeAll(async () => {
    admin = p.client('adam', { catalogName: 'lake' });
    await admin.createNamespaceIfNotExists({ namespace: ['staging'] });
    await admin.createNamespaceIfNotExists({ namespace: ['staging', 'crm'] });
  });

  it('creates a table: fresh field ids, a metadata file in the warehouse, a table anyone signed in can load', async () => {
    const created = await admin.createTableResult(
      { namespace: id.namespace },
      {
        name: 'leads',
        schema: SCHEMA,
        'partition-spec': { fields: [{ 'source-id': 12, name: 'signed_up_month', transform: 'month' }] },
        properties: { owner: 'adam' },
      },
    );
    expect(created.metadata.schemas[0]!.fields.map((f) => [f.id, f.name])).toEqual([
      [1, 'id'],
      [2, 'email'],
      [3, 'signed_up'],
    ]);
    expect(created.metadata['partition-specs']![0]!.fields).toEqual([
      { 'source-id': 3, 'field-id': 1000, name: 'signed_up_month', transform: 'month' },
    ]);
    const location = created['metadata-location']!;
    expect(location).toMatch(/\/\.catalog\/staging\/crm\/leads\/metadata\/00000-[0-9a-f-]{36}\.metadata\.json$/);
    expect(existsSync(fileURLToPath(location))).toBe(true);
    expect(created.metadata.location).toBe(location.replace(/\/metadata\/[^/]+$/, ''));
    const loaded = await p.client('ana').loadTableResult(id);
    expect(loaded?.['metadata-location']).toBe(location);
    expect(loaded?.metadata).toEqual(created.metadata);
    expect((await p.client('ben').listTables({ namespace: id.namespace })).identifiers).toEqual([id]);
    const again = await failure(admin.createTable({ namespace: id.namespace }, { name: 'leads', schema: SCHEMA }));
    expect(again).toMatchObject({ status: 409, icebergType: 'AlreadyExistsException' });
    const elsewhere = await failure(
      admin.createTable({ namespace: ['staging', 'ops'] }, { name: 'x', schema: SCHEMA }),
    );
    expect(elsewhere).toMatchObject({ status: 404, icebergType: 'NoSuchNamespaceException' });
  });

  it('commits appends in order and refuses a stale one with 409 naming the requirement and the current value', async () => {
    const append = async (snapshotId: number, expected: number | null) =>
      admin.commitTable(id, {
        requirements: [{ type: 'assert-ref-snapshot-id', ref: 'main', 'snapshot-id': expected }],
        updates: [
          {
            action: 'add-snapshot',
            snapshot: {
              'snapshot-id': snapshotId,
              ...(expected === null ? {} : { 'parent-snapshot-id': expected }),
              'timestamp-ms': Date.now(),
              'manifest-list': `file:///tmp/snap-${snapshotId}.avro`,
              summary: { operation: 'append' },
            },
          },
          { action: 'set-snapshot-ref', 'ref-name': 'main', type: 'branch', 'snapshot-id': snapshotId },
        ],
      });
    const first = await append(101, null);
    expect(first['metadata-location']).toMatch(/\/00001-[0-9a-f-]{36}\.metadata\.json$/);
    expect(first.metadata['current-snapshot-id']).toBe(101);
    const second = await append(102, 101);
    expect(second['metadata-location']).toMatch(/\/00002-/);
    expect(second.metadata.snapshots!.map((s) => [s['snapshot-id'], s['sequence-number']])).toEqual([
      [101, 1],
      [102, 2],
    ]);
    expect(second.metadata['metadata-log']!.map((e) => e['metadata-file'])).toEqual([
      expect.stringMatching(/\/00000-/),
      first['metadata-location'],
    ]);
    const stale = await failure(append(103, 101));
    expect(stale).toMatchObject({ status: 409, icebergType: 'CommitFailedException' });
    expect(stale.message).toBe(
      'MW8260: commit to staging.crm.leads failed: requirement 0 (assert-ref-snapshot-id) does not hold: expected ref main at snapshot 101, it is at snapshot 102; reload the table and retry',
    );
    expect((await admin.loadTableResult(id))?.['metadata-location']).toBe(second['metadata-location']);
    const files = readdirSync(fileURLToPath(second['metadata-location']).replace(/\/[^/]+$/, ''));
    expect(files.filter((f) => f.endsWith('.metadata.json'))).toHaveLength(3);
  });

  it('evolves the schema and properties, checking the ids the client read', async () => {
    const current = (await admin.loadTable(id))!;
    const committed = await admin.commitTable(id, {
      requirements: [
        { type: 'assert-table-uuid', uuid: current['table-uuid'] },
        { type: 'assert-current-schema-id', 'current-schema-id': 0 },
        { type: 'assert-last-assigned-field-id', 'last-assigned-field-id': 3 },
      ],
      updates: [
        {
          action: 'add-schema',
          schema: {
            type: 'struct',
            fields: [...current.schemas[0]!.fields, { id: 4, name: 'score', type: 'double', required: false }],
          },
        },
        { action: 'set-current-schema', 'schema-id': -1 },
        { action: 'set-properties', updates: { 'write.format.default': 'parquet' } },
        { action: 'remove-properties', removals: ['owner'] },
      ],
    });
    expect(committed.metadata['current-schema-id']).toBe(1);
    expect(committed.metadata['last-column-id']).toBe(4);
    expect(committed.metadata.properties).toEqual({ 'write.format.default': 'parquet' });
    const stale = await failure(
      admin.commitTable(id, {
        requirements: [{ type: 'assert-current-schema-id', 'current-schema-id': 0 }],
        updates: [],
      }),
    );
    expect(stale.message).toContain("expected current schema id 0, the table's is 1");
  });

  it('refuses commits and drops from principals who may not manage the catalog', async () => {
    const ana = p.client('ana');
    const commit = await failure(
      ana.commitTable(id, { requirements: [], updates: [{ action: 'set-properties', updates: { a: 'b' } }] }),
    );
    expect(commit).toMatchObject({ status: 403, icebergType: 'ForbiddenException' });
    expect((await failure(ana.dropTable(id))).status).toBe(403);
  });

  it('drops a table, purging its folder on request, and audits creates, commits and drops', async () => {
    await admin.createTable({ namespace: id.namespace }, { name: 'scratch', schema: SCHEMA });
    const scratch = { namespace: id.namespace, name: 'scratch' };
    const folder = fileURLToPath((await admin.loadTableResult(scratch))!['metadata-location']!).replace(
      /\/metadata\/[^/]+$/,
      '',
    );
    await admin.dropTable(scratch, { purge: true });
    expect(existsSync(folder)).toBe(false);
    expect(await admin.tableExists(scratch)).toBe(false);
    expect((await failure(admin.dropTable(scratch))).status).toBe(404);
    const { items } = await p.platform.services.store.listAudit({ limit: 1000 });
    const iceberg = items.filter((e) => e.action.startsWith('iceberg.')).map((e) => [e.action, e.resource, e.actor]);
    expect(iceberg).toEqual(
      expect.arrayContaining([
        ['iceberg.namespace.created', 'urn:meshwork:iceberg:namespace:staging.crm', 'adam'],
        ['iceberg.table.created', 'urn:meshwork:iceberg:table:staging.crm.leads', 'adam'],
        ['iceberg.table.committed', 'urn:meshwork:iceberg:table:staging.crm.leads', 'adam'],
        ['iceberg.table.dropped', 'urn:meshwork:iceberg:table:staging.crm.scratch', 'adam'],
        ['iceberg.namespace.updated', 'urn:meshwork:iceberg:namespace:staging', 'adam'],
        ['iceberg.namespace.dropped', 'urn:meshwork:iceberg:namespace:staging.hr', 'adam'],
      ]),
    );
    expect(await p.platform.services.store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('works the same through the routes without a prefix', async () => {
    const plain = p.client('adam');
    await plain.createNamespace({ namespace: ['plain'] });
    await plain.createTable({ namespace: ['plain'] }, { name: 't', schema: SCHEMA });
    const loaded = await p.client('adam', { catalogName: 'lake' }).loadTable({ namespace: ['plain'], name: 't' });
    expect(loaded?.schemas[0]!.fields).toHaveLength(3);
    await plain.dropTable({ namespace: ['plain'], name: 't' });
    await plain.dropNamespace({ namespace: ['plain'] });
  });
});
