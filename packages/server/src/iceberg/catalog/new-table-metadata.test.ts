import { describe, expect, it } from 'vitest';
import { stringifyIcebergJson } from '../iceberg-json.js';
import { decodeTableMetadata } from '../format/table-metadata-json.js';
import { createdTable, NOW, UUID } from './test-support/metadata-fixtures.js';

describe('the metadata of a created table', () => {
  it('assigns fresh field ids, each struct’s own fields first, and rebinds spec, order and identifiers', () => {
    const metadata = createdTable({
      schema: {
        type: 'struct',
        'identifier-field-ids': [40],
        fields: [
          { id: 40, name: 'id', type: 'long', required: true },
          {
            id: 50,
            name: 'lines',
            required: false,
            type: {
              type: 'list',
              'element-id': 51,
              'element-required': true,
              element: { type: 'struct', fields: [{ id: 52, name: 'sku', type: 'string', required: true }] },
            },
          },
          {
            id: 60,
            name: 'tags',
            required: false,
            type: { type: 'map', 'key-id': 61, key: 'string', 'value-id': 62, value: 'int', 'value-required': false },
          },
          { id: 70, name: 'at', type: 'timestamptz', required: false, doc: 'when' },
        ],
      },
      'partition-spec': { fields: [{ 'source-id': 70, name: 'at_day', transform: 'day', 'field-id': 77 }] },
      'write-order': {
        fields: [{ 'source-id': 40, transform: 'identity', direction: 'asc', 'null-order': 'nulls-first' }],
      },
      properties: { owner: 'ana', 'format-version': '2' },
    });
    expect(metadata.schemas[0]).toEqual({
      type: 'struct',
      'schema-id': 0,
      'identifier-field-ids': [1],
      fields: [
        { id: 1, name: 'id', type: 'long', required: true },
        {
          id: 2,
          name: 'lines',
          required: false,
          type: {
            type: 'list',
            'element-id': 5,
            'element-required': true,
            element: { type: 'struct', fields: [{ id: 6, name: 'sku', type: 'string', required: true }] },
          },
        },
        {
          id: 3,
          name: 'tags',
          required: false,
          type: { type: 'map', 'key-id': 7, key: 'string', 'value-id': 8, value: 'int', 'value-required': false },
        },
        { id: 4, name: 'at', type: 'timestamptz', required: false, doc: 'when' },
      ],
    });
    expect(metadata['last-column-id']).toBe(8);
    expect(metadata['partition-specs']).toEqual([
      { 'spec-id': 0, fields: [{ 'source-id': 4, 'field-id': 1000, name: 'at_day', transform: 'day' }] },
    ]);
    expect(metadata['last-partition-id']).toBe(1000);
    expect(metadata['sort-orders']).toEqual([
      { 'order-id': 0, fields: [] },
      {
        'order-id': 1,
        fields: [{ 'source-id': 1, transform: 'identity', direction: 'asc', 'null-order': 'nulls-first' }],
      },
    ]);
    expect(metadata['default-sort-order-id']).toBe(1);
    expect(metadata.properties).toEqual({ owner: 'ana' });
    expect(metadata).toMatchObject({
      'table-uuid': UUID,
      'last-updated-ms': NOW,
      'current-snapshot-id': -1n,
      'format-version': 2,
    });
  });

  it('reads back from its file exactly as it was written', () => {
    const metadata = createdTable();
    expect(decodeTableMetadata(stringifyIcebergJson(metadata), 'test')).toEqual(metadata);
  });

  it('refuses specs on unknown columns and other format versions, naming the field', () => {
    expect(() =>
      createdTable({ 'partition-spec': { fields: [{ 'source-id': 9, name: 'p', transform: 'identity' }] } }),
    ).toThrow(
      expect.objectContaining({
        code: 'MW8250',
        message: '/partition-spec/fields/0/source-id: no field 9 in the schema',
      }),
    );
    expect(() => createdTable({ properties: { 'format-version': '3' } })).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('/properties/format-version: format version 3 is not supported'),
      }),
    );
    expect(() => createdTable({ schema: { type: 'struct', fields: [{ id: 1, name: 'a', type: 'int' }] } })).toThrow(
      expect.objectContaining({ message: '/schema/fields/0/required: is required (true or false)' }),
    );
  });
});
