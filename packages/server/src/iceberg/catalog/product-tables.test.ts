/**
 * Products as Iceberg tables, decided per principal: the gateway's fixture (customers.profiles
 * with personal columns, sales.orders with a `region` column that a row filter applies to),
 * published by the real runtime into the real warehouse, and a table-driven authorizer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortRef } from '../../access/access-types.js';
import { createGatewayFixture, type GatewayFixture } from '../../gateway/test-support/gateway-fixture.js';
import { grantAuthorizer, testPrincipal } from '../../gateway/test-support/grant-authorizer.js';
import type { Principal } from '../../identity/principal.js';
import { ProductTables, type PublishedIcebergTables } from './product-tables.js';

let fixture: GatewayFixture;
beforeAll(async () => {
  fixture = await createGatewayFixture();
}, 120_000);
afterAll(async () => fixture?.dispose());

const eu = testPrincipal('eu', { region: 'EU' });
const full = testPrincipal('full');
const engine: Principal = { ...testPrincipal('trino'), kind: 'service' };
const hider = testPrincipal('hider');
const none = testPrincipal('none');

function tables(warehouse: PublishedIcebergTables = fixture.warehouse): ProductTables {
  const authorizer = grantAuthorizer(fixture.model, {
    eu: { query: '*' },
    full: {
      query: '*',
      allRows: true,
      clear: [
        'customers.profiles/email',
        'customers.profiles/phone',
        'customers.profiles/full_name',
        'customers.profiles/iban',
      ],
    },
    trino: { query: '*' },
    hider: { query: '*', allRows: true, hidden: ['sales.orders'] },
    none: { query: [] },
  });
  return new ProductTables({
    model: fixture.model,
    relations: fixture.catalog,
    warehouse,
    authorizer,
    engines: ['trino'],
    now: () => new Date(),
  });
}

describe('product tables', () => {
  it('are the domains, and the gateway’s listed names of their ports', () => {
    const products = tables();
    expect(products.isDomain('sales')).toBe(true);
    expect(products.isDomain('staging')).toBe(false);
    expect(products.visibleDomains(eu)).toEqual(['customers', 'sales']);
  });

  it('lists and loads only what the principal may read raw: no masks, no row filters', async () => {
    const products = tables();
    expect(await products.list(full, 'sales')).toEqual(['orders']);
    expect(await products.list(full, 'customers')).toEqual(['profiles']);
    // eu sees orders filtered to its region and profiles masked: neither is handed out.
    expect(await products.list(eu, 'sales')).toEqual([]);
    expect(await products.list(eu, 'customers')).toEqual([]);
    await expect(products.load(eu, 'sales', 'orders')).rejects.toMatchObject({
      code: 'MW8265',
      kind: 'not-allowed',
      message: expect.stringContaining('read it through the SQL gateway'),
    });
    await expect(products.load(eu, 'customers', 'profiles')).rejects.toMatchObject({ code: 'MW8265' });
    const loaded = await products.load(full, 'sales', 'orders');
    const published = await fixture.warehouse.icebergTable(loaded.port);
    expect(loaded).toEqual({ port: { productId: 'sales.orders', port: 'orders', major: 1 }, ...published });
  });

  it('hands engines the governed tables: they enforce the exported rules themselves', async () => {
    const products = tables();
    expect(await products.list(engine, 'sales')).toEqual(['orders']);
    expect((await products.load(engine, 'customers', 'profiles')).port.productId).toBe('customers.profiles');
    // The same id as a user is no engine.
    await expect(products.load({ ...engine, kind: 'user' }, 'customers', 'profiles')).rejects.toMatchObject({
      code: 'MW8265',
    });
  });

  it('answers 403 to a discoverable port the principal may not query, 404 to one it may not discover', async () => {
    const products = tables();
    await expect(products.load(none, 'sales', 'orders')).rejects.toMatchObject({
      code: 'MW8266',
      message: expect.stringContaining('not allowed to query sales.orders (sales.orders orders v1): no grant'),
    });
    const hidden = await products.load(hider, 'sales', 'orders').catch((e: unknown) => e);
    const unknown = await products.load(hider, 'sales', 'nothing').catch((e: unknown) => e);
    expect(hidden).toMatchObject({ code: 'MW8255', message: 'table sales.orders does not exist' });
    expect(unknown).toMatchObject({ code: 'MW8255', message: 'table sales.nothing does not exist' });
    expect(() => products.refuseWrite(hider, 'sales', 'orders')).toThrow(expect.objectContaining({ code: 'MW8255' }));
    // Creating a table in a domain is refused either way; the product is named only to who may see it.
    expect(() => products.refuseCreate(full, 'sales', 'orders')).toThrow(
      expect.objectContaining({ code: 'MW8262', message: expect.stringContaining('is the data product sales.orders') }),
    );
    expect(() => products.refuseCreate(hider, 'sales', 'orders')).toThrow(
      expect.objectContaining({
        code: 'MW8262',
        message: expect.stringContaining('holds the data products of domain sales'),
      }),
    );
    expect(() => products.refuseWrite(full, 'sales', 'orders')).toThrow(
      expect.objectContaining({
        code: 'MW8262',
        message: expect.stringContaining(
          'is the data product sales.orders (port orders v1); products are published by their pipeline',
        ),
      }),
    );
  });

  it('leaves out ports with nothing published', async () => {
    const unpublished = tables({
      icebergTable: async (port: PortRef) =>
        port.productId === 'sales.orders' ? undefined : fixture.warehouse.icebergTable(port),
    });
    expect(await unpublished.list(full, 'sales')).toEqual([]);
    expect(await unpublished.list(full, 'customers')).toEqual(['profiles']);
    await expect(unpublished.load(full, 'sales', 'orders')).rejects.toMatchObject({
      code: 'MW8255',
      message: 'table sales.orders (sales.orders) has no published snapshot yet',
    });
  });
});
