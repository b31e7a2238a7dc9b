/** Descriptor versions: immutable once published, idempotent on retry, listed without content. */
import { describe, expect, it } from 'vitest';
import type { DescriptorVersionInput } from '../metadata-types.js';
import { useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { product } from './metadata-fixtures.js';

const v1: DescriptorVersionInput = {
  productId: 'sales.orders',
  kind: 'odps',
  documentId: 'sales.orders',
  version: '1.0.0',
  content: '{"id":"sales.orders","version":"1.0.0"}',
  contentHash: 'sha256:aaa',
  publishedBy: 'alice',
  publishedAt: '2024-05-01T12:00:00.000Z',
};

export function describeDescriptorCases(harness: MetadataStoreHarness): void {
  describe('descriptor versions', () => {
    const stores = useStores(harness);

    it('records a version once; the same content again is a no-op, other content a conflict', async () => {
      const { store } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      const { publishedAt: _omitted, ...withoutTime } = v1;
      const first = await store.recordDescriptorVersion(v1);
      expect(first).toEqual({ created: true, descriptor: { ...withoutTime, publishedAt: '2024-05-01T12:00:00.000Z' } });

      const retry = await store.recordDescriptorVersion({
        ...v1,
        publishedBy: 'bob',
        publishedAt: '2024-05-02T00:00:00Z',
      });
      expect(retry).toEqual({ created: false, descriptor: first.descriptor });

      const changed = store.recordDescriptorVersion({
        ...v1,
        content: '{"id":"sales.orders","x":1}',
        contentHash: 'sha256:bbb',
      });
      await expect(changed).rejects.toMatchObject({
        code: 'MW6102',
        kind: 'conflict',
        message: expect.stringContaining('1.0.0'),
      });
      expect(await store.getDescriptorVersion(v1)).toEqual(first.descriptor);
    });

    it('lets exactly one of two racing publishers of one version win', async () => {
      const { store } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      const results = await Promise.allSettled(
        ['sha256:one', 'sha256:two', 'sha256:three'].map((contentHash) =>
          store.recordDescriptorVersion({ ...v1, contentHash, content: contentHash }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected.map((r) => (r.reason as { code?: string }).code)).toEqual(['MW6102', 'MW6102']);
    });

    it('refuses versions of a product that is not registered', async () => {
      const { store } = await stores.fresh();
      await expect(store.recordDescriptorVersion(v1)).rejects.toMatchObject({ code: 'MW6104', kind: 'not-found' });
      await store.upsertProduct(product('sales.orders'));
      await expect(store.recordDescriptorVersion({ ...v1, kind: 'yaml' as never })).rejects.toMatchObject({
        code: 'MW6101',
      });
      await expect(store.recordDescriptorVersion({ ...v1, publishedAt: 'yesterday' })).rejects.toMatchObject({
        code: 'MW6101',
      });
    });

    it('lists a product’s versions without content, filtered by kind and document', async () => {
      const { store } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      await store.upsertProduct(product('sales.returns'));
      const at = (day: number) => `2024-05-0${day}T00:00:00.000Z`;
      await store.recordDescriptorVersion({ ...v1, version: '1.1.0', publishedAt: at(3) });
      await store.recordDescriptorVersion({ ...v1, publishedAt: at(1) });
      await store.recordDescriptorVersion({ ...v1, kind: 'odcs', documentId: 'orders-contract', publishedAt: at(2) });
      await store.recordDescriptorVersion({ ...v1, productId: 'sales.returns', documentId: 'sales.returns' });

      const all = await store.listDescriptorVersions('sales.orders');
      expect(all.map((d) => `${d.kind}/${d.documentId}@${d.version}`)).toEqual([
        'odcs/orders-contract@1.0.0',
        'odps/sales.orders@1.0.0',
        'odps/sales.orders@1.1.0',
      ]);
      expect(all[0]).not.toHaveProperty('content');
      expect((await store.listDescriptorVersions('sales.orders', { kind: 'odps' })).map((d) => d.version)).toEqual([
        '1.0.0',
        '1.1.0',
      ]);
      expect(await store.listDescriptorVersions('sales.orders', { documentId: 'orders-contract' })).toHaveLength(1);
      expect(await store.listDescriptorVersions('sales.nothing')).toEqual([]);
      expect(await store.getDescriptorVersion({ ...v1, version: '9.9.9' })).toBeUndefined();
      expect((await store.getDescriptorVersion({ ...v1, kind: 'odcs', documentId: 'orders-contract' }))?.content).toBe(
        v1.content,
      );
    });

    it('has the database itself refuse to change a published version', async () => {
      const { store, database } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      await store.recordDescriptorVersion(v1);
      await expect(database.execute("update descriptor_versions set content = '{}'")).rejects.toThrow(/MW6106/);
      await expect(database.execute('delete from descriptor_versions')).rejects.toThrow(/MW6106/);
      expect((await store.getDescriptorVersion(v1))?.content).toBe(v1.content);
    });
  });
}
