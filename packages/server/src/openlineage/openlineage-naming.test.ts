import { describe, expect, it } from 'vitest';
import { datasetUri, fileDataset, parsePortDataset, portDataset, postgresDataset } from './openlineage-naming.js';

describe('OpenLineage dataset naming', () => {
  it('names a port version in the mesh namespace and reads it back', () => {
    const dataset = portDataset('acme', { productId: 'sales.orders', port: 'orders_eu', major: 2 });
    expect(dataset).toEqual({ namespace: 'meshwork://acme', name: 'sales.orders.orders_eu_v2' });
    expect(parsePortDataset(dataset)).toEqual({ productId: 'sales.orders', port: 'orders_eu', major: 2 });
    expect(datasetUri(dataset)).toBe('meshwork://acme/sales.orders.orders_eu_v2');
  });

  it('does not read a port out of another namespace or an unversioned name', () => {
    expect(parsePortDataset({ namespace: 'postgres://db:5432', name: 'sales.orders.orders_v1' })).toBeUndefined();
    expect(parsePortDataset({ namespace: 'meshwork://acme', name: 'sales.orders' })).toBeUndefined();
  });

  it('names files by absolute path in the `file` namespace', () => {
    expect(fileDataset('data/in.csv', '/mesh/domains/sales/orders')).toEqual({
      namespace: 'file',
      name: '/mesh/domains/sales/orders/data/in.csv',
    });
    expect(fileDataset('/data/in.csv', '/elsewhere')).toEqual({ namespace: 'file', name: '/data/in.csv' });
    expect(datasetUri({ namespace: 'file', name: '/data/my file.csv' })).toBe('file:///data/my%20file.csv');
  });

  it('names PostgreSQL tables by host, port and database, never by user or password', () => {
    const dataset = postgresDataset(
      'crm',
      'postgres://app:s3cret@db.internal:6543/crm_prod?sslmode=require',
      'sales.accounts',
    );
    expect(dataset).toEqual({ namespace: 'postgres://db.internal:6543', name: 'crm_prod.sales.accounts' });
    expect(JSON.stringify(dataset)).not.toContain('s3cret');
    expect(postgresDataset('crm', 'postgresql://db/crm', 'accounts')).toEqual({
      namespace: 'postgres://db:5432',
      name: 'crm.public.accounts',
    });
    expect(postgresDataset('crm', 'not a url', 'accounts')).toEqual({
      namespace: 'postgres://crm',
      name: 'public.accounts',
    });
  });
});
