/**
 * Contract diffs on the demo mesh's sales.orders, whose port `orders` is served as v1 (deprecated)
 * and v2 side by side, against a real in-memory metadata store: published → workspace, v1 → v2
 * across ports, and the errors for ports and versions that do not exist.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataProduct } from '@meshwork/core';
import { registerProducts } from '../catalog/register-products.js';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { diffProductContracts } from './contract-diff.js';
import { selectDiffTargets } from './diff-ports.js';

const DEMO = join(import.meta.dirname, '../../../../examples/demo-mesh');

let store: MetadataStore;
let orders: DataProduct;

beforeAll(async () => {
  const { model, diagnostics } = await loadWorkspaceFromDisk(DEMO, {});
  orders = model.products.get('sales.orders')!;
  store = await createMetadataStore({ kind: 'sqlite', path: ':memory:' });
  await registerProducts(store, model, diagnostics, 'test', ['sales.orders']);
});
afterAll(() => store?.close());

describe('diffProductContracts', () => {
  it('finds no change between the published contracts and an unchanged workspace', async () => {
    const diff = await diffProductContracts(store, orders);
    expect(diff).toMatchObject({ productId: 'sales.orders', overall: 'none' });
    expect(diff.ports.map((p) => [p.port, p.major, p.from, p.to, p.changes.length])).toEqual([
      ['orders', 2, '2.0.0', 'workspace', 0],
      ['orders', 1, '1.3.0', 'workspace', 0],
    ]);
  });

  it('compares v1 with v2 served beside it: renamed and retyped columns are breaking', async () => {
    const diff = await diffProductContracts(store, orders, { fromPort: 'orders@1' });
    expect(diff.ports).toHaveLength(1);
    const [port] = diff.ports;
    expect(port).toMatchObject({ port: 'orders', major: 2, fromPort: 'orders@1', from: 'workspace', to: 'workspace' });
    expect(port!.overall).toBe('breaking');
    expect(port!.changes.map((c) => c.kind)).toContain('contract-id-changed');
    expect(port!.changes.every((c) => c.explanation.length > 0)).toBe(true);
    // The same comparison from the registered v1 contract, and through the SQL-style name.
    const registered = await diffProductContracts(store, orders, { fromPort: 'orders_v1', from: '1.3.0' });
    expect(registered.ports[0]).toMatchObject({ from: '1.3.0', changes: port!.changes });
  });

  it('names ports by name, name@major or name_vN', () => {
    expect(selectDiffTargets(orders, { port: 'orders' }).map((t) => t.port.major)).toEqual([2, 1]);
    expect(selectDiffTargets(orders, { port: 'orders@1' }).map((t) => t.port.major)).toEqual([1]);
    expect(selectDiffTargets(orders, { port: 'orders_v2' }).map((t) => t.port.major)).toEqual([2]);
    expect(selectDiffTargets(orders, { port: 'orders', fromPort: 'orders@1' }).map((t) => t.port.major)).toEqual([2]);
  });

  it('refuses unknown ports and versions, and references that name several major versions', async () => {
    await expect(diffProductContracts(store, orders, { port: 'returns' })).rejects.toMatchObject({
      code: 'MW7013',
      message: expect.stringContaining('orders@2, orders@1'),
    });
    await expect(diffProductContracts(store, orders, { port: 'orders@2', from: '9.9.9' })).rejects.toMatchObject({
      code: 'MW7014',
      message: expect.stringContaining('(registered: 2.0.0; or "workspace")'),
    });
    await expect(diffProductContracts(store, orders, { fromPort: 'orders' })).rejects.toMatchObject({ code: 'MW7015' });
    await expect(diffProductContracts(store, orders, { fromPort: 'orders@1', port: 'orders@1' })).rejects.toMatchObject(
      { code: 'MW7015' },
    );
  });
});
