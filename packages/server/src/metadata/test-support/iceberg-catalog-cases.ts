/**
 * The Iceberg catalog's namespaces and table pointers: explicit parents, empty-only drops, and
 * the commit's compare-and-swap — of N swaps racing from two stores on one database from the
 * same expected location, exactly one wins, round after round. Records are pinned literally, so
 * every adapter returns the same bytes.
 */
import { describe, expect, it } from 'vitest';
import type { IcebergTableInput } from '../iceberg-catalog-types.js';
import type { MetadataStore } from '../metadata-store.js';
import { manualClock, useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages, uuidFrom } from './metadata-fixtures.js';

function table(namespace: string[], name: string, overrides: Partial<IcebergTableInput> = {}): IcebergTableInput {
  return {
    namespace,
    name,
    tableUuid: uuidFrom(`${namespace.join('.')}.${name}`),
    metadataLocation: `file:///w/.catalog/${namespace.join('/')}/${name}/metadata/00000-a.metadata.json`,
    createdBy: 'adam',
    ...overrides,
  };
}

async function namespaces(store: MetadataStore, ...list: string[][]): Promise<void> {
  for (const namespace of list) {
    expect(await store.createIcebergNamespace({ namespace, createdBy: 'adam' })).toMatchObject({ outcome: 'created' });
  }
}

export function describeIcebergCatalogCases(harness: MetadataStoreHarness): void {
  describe('iceberg catalog namespaces', () => {
    const stores = useStores(harness);

    it('creates namespaces under existing parents only, and returns them identically everywhere', async () => {
      const { store } = await stores.fresh({ now: manualClock('2024-05-02T00:00:00.000Z').now });
      expect(await store.createIcebergNamespace({ namespace: ['staging', 'crm'], createdBy: 'adam' })).toEqual({
        outcome: 'no-parent',
      });
      const created = await store.createIcebergNamespace({
        namespace: ['staging'],
        properties: { owner: 'Ana', comment: 'ü 🦆' },
        createdBy: 'adam',
      });
      expect(JSON.stringify(created)).toBe(
        '{"outcome":"created","namespace":{"namespace":["staging"],"properties":{"comment":"ü 🦆","owner":"Ana"},' +
          '"createdBy":"adam","createdAt":"2024-05-02T00:00:00.000Z","updatedAt":"2024-05-02T00:00:00.000Z"}}',
      );
      expect(await store.createIcebergNamespace({ namespace: ['staging'], createdBy: 'ben' })).toEqual({
        outcome: 'exists',
      });
      expect(await store.createIcebergNamespace({ namespace: ['staging', 'crm'], createdBy: 'adam' })).toMatchObject({
        outcome: 'created',
        namespace: { namespace: ['staging', 'crm'], properties: {} },
      });
      expect(JSON.stringify(await store.getIcebergNamespace(['staging']))).toBe(
        JSON.stringify((created as { namespace: unknown }).namespace),
      );
      expect(await store.getIcebergNamespace(['staging', 'nope'])).toBeUndefined();
    });

    it('lists the children of a namespace, or the top level, in byte order, page by page', async () => {
      const { store } = await stores.fresh();
      await namespaces(store, ['b'], ['a'], ['a', 'z'], ['a', 'B'], ['a', 'm'], ['a', 'm', 'x'], ['a_1'], ['a-1']);
      const top = await allPages((after: string | undefined) =>
        store.listIcebergNamespaces({ limit: 2, ...(after ? { after } : {}) }),
      );
      expect(top.items.map((n) => n.namespace.join('.'))).toEqual(['a', 'a-1', 'a_1', 'b']);
      expect(top.pages).toBe(2);
      const children = await allPages((after: string | undefined) =>
        store.listIcebergNamespaces({ parent: ['a'], limit: 1, ...(after ? { after } : {}) }),
      );
      expect(children.items.map((n) => n.namespace)).toEqual([
        ['a', 'B'],
        ['a', 'm'],
        ['a', 'z'],
      ]);
      expect((await store.listIcebergNamespaces({ parent: ['a', 'm', 'x'] })).items).toEqual([]);
      await expect(store.listIcebergNamespaces({ after: 'not a cursor' })).rejects.toMatchObject({ code: 'MW6103' });
    });

    it('sets and removes properties, reporting what was missing', async () => {
      const { store } = await stores.fresh({ now: manualClock('2024-05-02T00:00:00.000Z').now });
      await store.createIcebergNamespace({ namespace: ['s'], properties: { a: '1', b: '2' }, createdBy: 'adam' });
      const result = await store.updateIcebergNamespaceProperties({
        namespace: ['s'],
        updates: { c: '3', a: 'one' },
        removals: ['b', 'x', 'b'],
        at: '2024-05-03T00:00:00.000Z',
      });
      expect(result).toEqual({
        namespace: {
          namespace: ['s'],
          properties: { a: 'one', c: '3' },
          createdBy: 'adam',
          createdAt: '2024-05-02T00:00:00.000Z',
          updatedAt: '2024-05-03T00:00:00.000Z',
        },
        updated: ['a', 'c'],
        removed: ['b'],
        missing: ['x'],
      });
      expect((await store.getIcebergNamespace(['s']))?.properties).toEqual({ a: 'one', c: '3' });
      expect(
        await store.updateIcebergNamespaceProperties({ namespace: ['gone'], updates: { a: '1' } }),
      ).toBeUndefined();
      await expect(
        store.updateIcebergNamespaceProperties({ namespace: ['s'], updates: { a: '1' }, removals: ['a'] }),
      ).rejects.toMatchObject({ code: 'MW6101', message: expect.stringContaining('a are both updated and removed') });
    });

    it('loses no key when two stores change properties at the same time', async () => {
      const { store, database } = await stores.fresh();
      const other = await stores.open(database);
      await namespaces(store, ['s']);
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 ? store : other).updateIcebergNamespaceProperties({
            namespace: ['s'],
            updates: { [`k${i}`]: `${i}` },
          }),
        ),
      );
      const properties = (await store.getIcebergNamespace(['s']))!.properties;
      expect(Object.keys(properties).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `k${i}`).sort());
    });

    it('drops only empty namespaces', async () => {
      const { store } = await stores.fresh();
      await namespaces(store, ['s'], ['s', 'crm'], ['t']);
      await store.createIcebergTable(table(['t'], 'orders'));
      expect(await store.dropIcebergNamespace(['nope'])).toBe('missing');
      expect(await store.dropIcebergNamespace(['s'])).toBe('not-empty');
      expect(await store.dropIcebergNamespace(['t'])).toBe('not-empty');
      expect(await store.dropIcebergNamespace(['s', 'crm'])).toBe('dropped');
      expect(await store.dropIcebergNamespace(['s'])).toBe('dropped');
      expect(await store.dropIcebergTable(['t'], 'orders')).toMatchObject({ name: 'orders' });
      expect(await store.dropIcebergNamespace(['t'])).toBe('dropped');
      expect((await store.listIcebergNamespaces()).items).toEqual([]);
    });

    it('never leaves a table in a dropped namespace when a drop and a create race', async () => {
      const { store, database } = await stores.fresh();
      const other = await stores.open(database);
      for (let round = 0; round < 6; round++) {
        const ns = [`r${round}`];
        await namespaces(store, ns);
        const [created, dropped] = await Promise.all([
          other.createIcebergTable(table(ns, 'orders')),
          store.dropIcebergNamespace(ns),
        ]);
        if (dropped === 'dropped') {
          expect(created.outcome).toBe('no-namespace');
          expect(await store.getIcebergTable(ns, 'orders')).toBeUndefined();
        } else {
          expect(dropped).toBe('not-empty');
          expect(created.outcome).toBe('created');
          expect(await store.getIcebergNamespace(ns)).toBeDefined();
        }
      }
    });

    it('refuses levels that would make an ambiguous key', async () => {
      const { store } = await stores.fresh();
      for (const namespace of [[], ['a.b'], ['a\u001fb'], [''], ['x', 7]]) {
        await expect(
          store.createIcebergNamespace({ namespace: namespace as string[], createdBy: 'adam' }),
        ).rejects.toMatchObject({ code: 'MW6101' });
      }
      await expect(store.getIcebergNamespace(Array.from({ length: 17 }, () => 'a'))).rejects.toMatchObject({
        code: 'MW6101',
      });
    });
  });

  describe('iceberg catalog tables', () => {
    const stores = useStores(harness);

    it('creates a table at version 0 in an existing namespace, once', async () => {
      const { store } = await stores.fresh({ now: manualClock('2024-05-02T00:00:00.000Z').now });
      expect(await store.createIcebergTable(table(['s'], 'orders'))).toEqual({ outcome: 'no-namespace' });
      await namespaces(store, ['s']);
      const created = await store.createIcebergTable(table(['s'], 'orders'));
      expect(JSON.stringify(created)).toBe(
        `{"outcome":"created","table":{"namespace":["s"],"name":"orders","tableUuid":"${uuidFrom('s.orders')}",` +
          '"metadataLocation":"file:///w/.catalog/s/orders/metadata/00000-a.metadata.json","version":0,' +
          '"createdBy":"adam","createdAt":"2024-05-02T00:00:00.000Z","updatedAt":"2024-05-02T00:00:00.000Z"}}',
      );
      expect(await store.createIcebergTable(table(['s'], 'orders', { tableUuid: uuidFrom('other') }))).toEqual({
        outcome: 'exists',
      });
      expect(await store.getIcebergTable(['s'], 'orders')).toEqual((created as { table: unknown }).table);
      expect(await store.getIcebergTable(['s'], 'other')).toBeUndefined();
      await expect(store.createIcebergTable(table(['s'], 'a/b'))).rejects.toMatchObject({ code: 'MW6101' });
    });

    it('lists the tables of one namespace by name, page by page', async () => {
      const { store } = await stores.fresh();
      await namespaces(store, ['s'], ['t']);
      for (const name of ['c', 'a', 'B', 'b_2', 'b-2']) await store.createIcebergTable(table(['s'], name));
      await store.createIcebergTable(table(['t'], 'elsewhere'));
      const listed = await allPages((after: string | undefined) =>
        store.listIcebergTables({ namespace: ['s'], limit: 2, ...(after ? { after } : {}) }),
      );
      expect(listed.items.map((t) => t.name)).toEqual(['B', 'a', 'b-2', 'b_2', 'c']);
      expect(listed.pages).toBe(3);
      expect((await store.listIcebergTables({ namespace: ['none'] })).items).toEqual([]);
    });

    it('moves the pointer only from the expected location, one version at a time', async () => {
      const clock = manualClock('2024-05-02T00:00:00.000Z');
      const { store } = await stores.fresh({ now: clock.now });
      await namespaces(store, ['s']);
      const first = table(['s'], 'orders').metadataLocation;
      await store.createIcebergTable(table(['s'], 'orders'));
      const swap = { namespace: ['s'], name: 'orders' };
      expect(
        await store.swapIcebergTableMetadata({ ...swap, expectedLocation: 'file:///elsewhere', metadataLocation: 'x' }),
      ).toBeUndefined();
      clock.set('2024-05-03T00:00:00.000Z');
      const moved = await store.swapIcebergTableMetadata({ ...swap, expectedLocation: first, metadataLocation: 'v1' });
      expect(moved).toMatchObject({ metadataLocation: 'v1', version: 1, updatedAt: '2024-05-03T00:00:00.000Z' });
      expect(moved?.createdAt).toBe('2024-05-02T00:00:00.000Z');
      expect(await store.swapIcebergTableMetadata({ ...swap, expectedLocation: first, metadataLocation: 'v1b' })).toBe(
        undefined,
      );
      expect(
        await store.swapIcebergTableMetadata({ ...swap, expectedLocation: 'v1', metadataLocation: 'v2' }),
      ).toMatchObject({ version: 2 });
      expect(await store.getIcebergTable(['s'], 'orders')).toMatchObject({ metadataLocation: 'v2', version: 2 });
      expect(await store.dropIcebergTable(['s'], 'orders')).toMatchObject({ metadataLocation: 'v2' });
      expect(await store.swapIcebergTableMetadata({ ...swap, expectedLocation: 'v2', metadataLocation: 'v3' })).toBe(
        undefined,
      );
      expect(await store.dropIcebergTable(['s'], 'orders')).toBeUndefined();
    });

    it('lets exactly one of 8 swaps racing on two stores win, round after round', async () => {
      const { store, database } = await stores.fresh();
      const other = await stores.open(database);
      await namespaces(store, ['s']);
      await store.createIcebergTable(table(['s'], 'orders', { metadataLocation: 'start' }));
      let expectedLocation = 'start';
      for (let round = 1; round <= 5; round++) {
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 ? store : other).swapIcebergTableMetadata({
              namespace: ['s'],
              name: 'orders',
              expectedLocation,
              metadataLocation: `round-${round}-client-${i}`,
            }),
          ),
        );
        const winners = results.filter((r) => r !== undefined);
        expect(winners).toHaveLength(1);
        expect(winners[0]).toMatchObject({
          version: round,
          metadataLocation: expect.stringMatching(`^round-${round}-`),
        });
        expect(await store.getIcebergTable(['s'], 'orders')).toEqual(winners[0]);
        expectedLocation = winners[0]!.metadataLocation;
      }
    });
  });
}
