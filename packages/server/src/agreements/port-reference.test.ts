import type { MeshModel } from '@meshwork/core';
import { describe, expect, it } from 'vitest';
import { parseAgreementDate } from './agreement-dates.js';
import { parsePortReference, resolvePort } from './port-reference.js';

/** Just what resolvePort reads of a model: products with output ports (v1 and v2 side by side). */
const model = {
  products: new Map([
    [
      'sales.orders',
      {
        id: 'sales.orders',
        outputPorts: [
          { name: 'orders', major: 1 },
          { name: 'orders', major: 2 },
          { name: 'order_lines', major: 1 },
        ],
      },
    ],
    ['sales.returns', { id: 'sales.returns', outputPorts: [{ name: 'returns', major: 3 }] }],
    ['sales.empty', { id: 'sales.empty', outputPorts: [] }],
  ]),
} as unknown as MeshModel;

describe('port references', () => {
  it('parses domain.product[/port][@major], and domain/product[/port]', () => {
    expect(parsePortReference('sales.orders')).toEqual({ productId: 'sales.orders' });
    expect(parsePortReference('sales.orders/orders@2')).toEqual({
      productId: 'sales.orders',
      port: 'orders',
      major: 2,
    });
    expect(parsePortReference('sales.orders@v1')).toEqual({ productId: 'sales.orders', major: 1 });
    expect(parsePortReference('sales/orders/order_lines')).toEqual({ productId: 'sales.orders', port: 'order_lines' });
    for (const bad of ['sales', 'sales.orders/a/b', 'sales.orders@two', 'sales.orders/', '.orders', 'a/b/c/d']) {
      expect(() => parsePortReference(bad), bad).toThrow(expect.objectContaining({ code: 'MW8703' }));
    }
  });

  it('defaults to the only port and its current major, and names what exists when wrong', () => {
    expect(resolvePort(model, { productId: 'sales.returns' }).port).toEqual({
      productId: 'sales.returns',
      port: 'returns',
      major: 3,
    });
    expect(resolvePort(model, { productId: 'sales.orders', port: 'orders' }).port.major).toBe(2);
    expect(resolvePort(model, { productId: 'sales.orders', port: 'orders', major: 1 }).port.major).toBe(1);
    expect(() => resolvePort(model, { productId: 'sales.orders' })).toThrow(
      expect.objectContaining({ code: 'MW8704', message: expect.stringContaining('orders, order_lines') }),
    );
    expect(() => resolvePort(model, { productId: 'sales.orders', port: 'orders', major: 3 })).toThrow(
      expect.objectContaining({ code: 'MW8703', message: expect.stringContaining('served: v1, v2') }),
    );
    expect(() => resolvePort(model, { productId: 'sales.empty' })).toThrow(expect.objectContaining({ code: 'MW8703' }));
    expect(() => resolvePort(model, { productId: 'hr.people' })).toThrow(expect.objectContaining({ code: 'MW8703' }));
  });
});

describe('agreement dates', () => {
  const now = new Date('2030-01-10T09:30:00.000Z');

  it('reads a bare date as the whole day, an ISO time as is, and periods from now', () => {
    expect(parseAgreementDate('2030-12-31', 'end', now).toISOString()).toBe('2031-01-01T00:00:00.000Z');
    expect(parseAgreementDate('2030-02-01', 'start', now).toISOString()).toBe('2030-02-01T00:00:00.000Z');
    expect(parseAgreementDate('2030-06-01T12:00:00+02:00', 'end', now).toISOString()).toBe('2030-06-01T10:00:00.000Z');
    expect(parseAgreementDate('90d', 'end', now).toISOString()).toBe('2030-04-10T09:30:00.000Z');
    expect(parseAgreementDate('2w', 'end', now).toISOString()).toBe('2030-01-24T09:30:00.000Z');
    expect(parseAgreementDate('now', 'start', now)).toEqual(now);
  });

  it('refuses what is not a date, including days that do not exist', () => {
    for (const bad of ['soon', '2030-02-30', '31/12/2030', '', '3m']) {
      expect(() => parseAgreementDate(bad, 'end', now), bad).toThrow(expect.objectContaining({ code: 'MW8702' }));
    }
  });
});
