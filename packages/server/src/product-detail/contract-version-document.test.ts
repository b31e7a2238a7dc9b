import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderKeysLike } from './contract-version-document.js';

describe('orderKeysLike', () => {
  it("puts keys in the template's order, then the others in their own, recursively and through arrays", () => {
    const stored = {
      apiVersion: 'v3.1.0',
      extra: 1,
      id: 'c1',
      kind: 'DataContract',
      schema: [
        {
          name: 'orders',
          properties: [
            { logicalType: 'string', name: 'a' },
            { logicalType: 'number', name: 'b' },
          ],
        },
      ],
    };
    const written = {
      kind: 'DataContract',
      apiVersion: 'v3.1.0',
      id: 'c1',
      schema: [{ properties: [{ name: 'a', logicalType: 'string' }], name: 'orders' }],
    };
    const ordered = orderKeysLike(stored, written) as typeof stored;
    expect(Object.keys(ordered)).toEqual(['kind', 'apiVersion', 'id', 'schema', 'extra']);
    expect(Object.keys(ordered.schema[0]!)).toEqual(['properties', 'name']);
    // The second column has no counterpart in the template: it follows the template's last item.
    expect(ordered.schema[0]!.properties.map((p) => Object.keys(p))).toEqual([
      ['name', 'logicalType'],
      ['name', 'logicalType'],
    ]);
  });

  it('keeps `__proto__` as a plain key, never as a prototype', () => {
    const value = JSON.parse('{"b":1,"__proto__":{"polluted":true}}') as object;
    const ordered = orderKeysLike(value, {}) as Record<string, unknown>;
    expect(Object.getPrototypeOf(ordered)).toBe(Object.prototype);
    expect(Object.keys(ordered)).toEqual(['b', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('changes only the order, never a value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (value, template) => {
        expect(orderKeysLike(value, template)).toStrictEqual(value);
      }),
    );
  });
});
