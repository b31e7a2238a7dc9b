/** Consumers through lineage: the demo's products that read sales.orders, by major version. */
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { MeshModel } from '@meshwork/core';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { portConsumers, readingProducts } from './port-consumers.js';

const DEMO = join(import.meta.dirname, '../../../../examples/demo-mesh');
let model: MeshModel;

beforeAll(async () => {
  model = (await loadWorkspaceFromDisk(DEMO, {})).model;
});

it('lists the products whose pipelines read a port version, and only that version', () => {
  const v2 = readingProducts(model, { productId: 'sales.orders', port: 'orders', major: 2 });
  const v1 = readingProducts(model, { productId: 'sales.orders', port: 'orders', major: 1 });
  expect(v2).toEqual(expect.arrayContaining(['customers.customer-360', 'sales.sales-dashboard']));
  expect(v2).not.toContain('marketing.campaign-attribution');
  expect(v1).toContain('marketing.campaign-attribution');
  expect(v1).not.toContain('customers.customer-360');
  expect(readingProducts(model, { productId: 'sales.orders', port: 'orders', major: 9 })).toEqual([]);
});

it('adds the reading products after the principals, marked as products', async () => {
  const store = {
    listAgreements: async () => ({ items: [] }),
    summarizeQueryUsage: async () => [{ principalId: 'ana' }],
  } as unknown as Parameters<typeof portConsumers>[0];
  const consumers = await portConsumers(
    store,
    { productId: 'sales.orders', port: 'orders', major: 1 },
    new Date(),
    model,
  );
  expect(consumers[0]).toBe('ana');
  expect(consumers).toContain('product:marketing.campaign-attribution');
  expect(await portConsumers(store, { productId: 'sales.orders', port: 'orders', major: 1 })).toEqual(['ana']);
});
