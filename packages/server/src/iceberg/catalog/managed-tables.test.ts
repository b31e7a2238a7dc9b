/**
 * Managed tables on a real SQLite store and real files: the compare-and-swap path of a commit,
 * made deterministic by letting a second commit run to its end while the first one sits between
 * writing its metadata file and moving the pointer.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testPrincipal } from '../../gateway/test-support/grant-authorizer.js';
import { createMetadataStore } from '../../metadata/create-metadata-store.js';
import type { MetadataStore } from '../../metadata/metadata-store.js';
import { ManagedTables, type ManagedTablesOptions } from './managed-tables.js';
import { MetadataFiles } from './metadata-files.js';
import { readCreateTableRequest } from './new-table-metadata.js';
import { appendUpdates, commit } from './test-support/metadata-fixtures.js';

const adam = testPrincipal('adam');
const ns = ['s'];
let dir: string;
let store: MetadataStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshwork-managed-'));
  store = await createMetadataStore({ kind: 'sqlite', path: join(dir, 'meta.db') });
  await store.createIcebergNamespace({ namespace: ns, createdBy: 'adam' });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function tables(storeOverride: Partial<ManagedTablesOptions['store']> = {}): ManagedTables {
  const methods = [
    'appendAudit',
    'getIcebergNamespace',
    'createIcebergTable',
    'getIcebergTable',
    'swapIcebergTableMetadata',
    'dropIcebergTable',
  ] as const;
  const real = Object.fromEntries(methods.map((name) => [name, store[name].bind(store)]));
  return new ManagedTables({
    store: { ...real, ...storeOverride } as ManagedTablesOptions['store'],
    files: new MetadataFiles(join(dir, 'warehouse')),
    now: () => new Date('2024-06-01T00:00:00Z'),
  });
}

async function metadataFiles(location: string): Promise<string[]> {
  return (await readdir(dirname(fileURLToPath(location)))).filter((f) => f.endsWith('.metadata.json')).sort();
}

describe('managed table commits', () => {
  it('lose the race with 409 when another commit moves the pointer first, and leave no file behind', async () => {
    const plain = tables();
    const schema = { type: 'struct', fields: [{ id: 1, name: 'id', type: 'long', required: true }] };
    const created = await plain.create(adam, ns, readCreateTableRequest({ name: 'events', schema }));
    // The slow commit pauses at its swap while the fast one commits from start to end.
    let fast: Promise<unknown> = Promise.resolve();
    const slow = tables({
      swapIcebergTableMetadata: async (swap) => {
        fast = plain.commit(adam, ns, 'events', commit({ requirements: [], updates: appendUpdates(2n) }));
        await fast;
        return store.swapIcebergTableMetadata(swap);
      },
    });
    const lost = await slow
      .commit(adam, ns, 'events', commit({ requirements: [], updates: appendUpdates(1n) }))
      .catch((e: unknown) => e);
    expect(lost).toMatchObject({
      code: 'MW8261',
      kind: 'conflict',
      message:
        'commit to s.events failed: another commit moved the table to version 1 first; reload the table and retry',
    });
    const loaded = await plain.load(ns, 'events');
    expect(loaded.metadata['current-snapshot-id']).toBe(2n);
    expect(await metadataFiles(created.metadataLocation!)).toEqual([
      expect.stringMatching(/^00000-/),
      expect.stringMatching(/^00001-/),
    ]);
    expect(loaded.metadataLocation).toMatch(/\/00001-[^/]+$/);
    expect((await store.getIcebergTable(ns, 'events'))?.version).toBe(1);
  });

  it('report a table dropped during the commit', async () => {
    const plain = tables();
    const schema = { type: 'struct', fields: [{ id: 1, name: 'id', type: 'long', required: true }] };
    await plain.create(adam, ns, readCreateTableRequest({ name: 'gone', schema }));
    const dropping = tables({
      swapIcebergTableMetadata: async (swap) => {
        await plain.drop(adam, ns, 'gone', false);
        return store.swapIcebergTableMetadata(swap);
      },
    });
    await expect(
      dropping.commit(adam, ns, 'gone', commit({ requirements: [], updates: appendUpdates(1n) })),
    ).rejects.toMatchObject({ code: 'MW8261', message: 'commit to s.gone failed: the table was dropped meanwhile' });
  });

  it('create a table in one commit after a staged create (assert-create), once', async () => {
    const plain = tables();
    const schema = { type: 'struct', fields: [{ id: 7, name: 'id', type: 'long', required: true }] };
    const staged = await plain.create(adam, ns, readCreateTableRequest({ name: 'ctas', schema, 'stage-create': true }));
    expect(staged.metadataLocation).toBeUndefined();
    expect(await store.getIcebergTable(ns, 'ctas')).toBeUndefined();
    const transaction = commit({
      requirements: [{ type: 'assert-create' }],
      updates: [
        { action: 'assign-uuid', uuid: staged.metadata['table-uuid'] },
        { action: 'upgrade-format-version', 'format-version': 2 },
        { action: 'add-schema', schema: staged.metadata.schemas[0] },
        { action: 'set-current-schema', 'schema-id': -1 },
        { action: 'add-spec', spec: { fields: [] } },
        { action: 'set-default-spec', 'spec-id': -1 },
        { action: 'add-sort-order', 'sort-order': { 'order-id': 0, fields: [] } },
        { action: 'set-default-sort-order', 'sort-order-id': -1 },
        { action: 'set-location', location: staged.metadata.location },
        ...appendUpdates(42n),
      ],
    });
    const created = await plain.commit(adam, ns, 'ctas', transaction);
    expect(created.metadataLocation).toMatch(/\/00000-[^/]+$/);
    expect(created.metadata).toMatchObject({ 'table-uuid': staged.metadata['table-uuid'], 'current-snapshot-id': 42n });
    await expect(plain.commit(adam, ns, 'ctas', transaction)).rejects.toMatchObject({
      code: 'MW8260',
      message: expect.stringContaining('requirement 0 (assert-create) does not hold: the table already exists'),
    });
    await expect(plain.commit(adam, ns, 'other', commit({ requirements: [], updates: [] }))).rejects.toMatchObject({
      code: 'MW8255',
    });
  });
});
