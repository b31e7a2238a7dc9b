import { describe, expect, it } from 'vitest';
import { readContractDocument, ruleText } from './contract-document.js';

const deprecated = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  name: 'orders',
  version: '1.3.0',
  status: 'deprecated',
  description: { purpose: 'Orders, v1 shape.', usage: 'Migrate to v2.', limitations: '  ' },
  price: { priceAmount: 0, priceCurrency: 'EUR', priceUnit: 'month' },
  schema: [
    {
      name: 'orders',
      description: 'One row per order.',
      dataGranularityDescription: 'order_id',
      properties: [
        {
          name: 'order_id',
          logicalType: 'string',
          physicalType: 'VARCHAR',
          required: true,
          unique: true,
          primaryKey: true,
          classification: 'internal',
          quality: [{ type: 'library', metric: 'nullValues', mustBe: 0, dimension: 'completeness', severity: 'error' }],
        },
        {
          name: 'address',
          logicalType: 'object',
          properties: [{ name: 'city', logicalType: 'string' }],
        },
        { name: 'tags', logicalType: 'array', items: { logicalType: 'string' } },
      ],
      quality: [{ type: 'library', metric: 'rowCount', mustBeGreaterThan: 1000, description: 'Enough rows.' }],
    },
  ],
  slaProperties: [
    { property: 'frequency', value: 1, unit: 'h' },
    { property: 'endOfSupport', value: '2027-03-31' },
    { property: 'endOfLife', value: '2027-06-30' },
    { value: 'no property name: dropped' },
  ],
  support: [{ channel: 'sales-data', url: 'https://chat.example.com/sales', tool: 'slack' }, { tool: 'nothing' }],
  team: { name: 'sales-data', members: [{ username: 'olga', name: 'Olga Petrova', role: 'owner' }, { role: 'x' }] },
};

describe('readContractDocument', () => {
  it('reads terms, deprecation, SLA properties, support, team and price', () => {
    const view = readContractDocument(deprecated);
    expect(view).toMatchObject({
      name: 'orders',
      version: '1.3.0',
      status: 'deprecated',
      terms: { purpose: 'Orders, v1 shape.', usage: 'Migrate to v2.', limitations: null },
      price: '0 EUR per month',
      deprecation: { endOfSupport: '2027-03-31', endOfLife: '2027-06-30' },
    });
    expect(view.slaProperties.map((p) => p.property)).toEqual(['frequency', 'endOfSupport', 'endOfLife']);
    expect(view.support).toEqual([
      { channel: 'sales-data', url: 'https://chat.example.com/sales', tool: 'slack', scope: null, description: null },
    ]);
    expect(view.team).toEqual([{ name: 'Olga Petrova', role: 'owner' }]);
  });

  it('flattens nested properties and array items, and collects table and column rules', () => {
    const view = readContractDocument(deprecated);
    const [table] = view.tables;
    expect(table).toMatchObject({ name: 'orders', description: 'One row per order.', granularity: 'order_id' });
    expect(table!.columns.map((c) => c.name)).toEqual(['order_id', 'address', 'address.city', 'tags', 'tags[]']);
    expect(table!.columns[0]).toMatchObject({ required: true, unique: true, primaryKey: true, rules: 1 });
    expect(view.qualityRules).toEqual([
      {
        appliesTo: 'orders',
        rule: 'rowCount must be > 1000',
        dimension: null,
        severity: null,
        description: 'Enough rows.',
      },
      {
        appliesTo: 'orders.order_id',
        rule: 'nullValues must be 0',
        dimension: 'completeness',
        severity: 'error',
        description: null,
      },
    ]);
  });

  it('is not deprecated without the status or an end of life, and survives any shape', () => {
    expect(readContractDocument({ ...deprecated, status: 'active', slaProperties: [] }).deprecation).toBeNull();
    for (const odd of [null, 'text', 42, [], { schema: 'x', slaProperties: {}, team: 'y', description: [] }]) {
      expect(readContractDocument(odd)).toMatchObject({ tables: [], qualityRules: [], deprecation: null });
    }
  });
});

describe('ruleText', () => {
  it('says a rule in words, with its arguments and bounds', () => {
    expect(ruleText({ metric: 'invalidValues', arguments: { validValues: ['placed', 'paid'] }, mustBe: 0 })).toBe(
      'invalidValues (validValues placed, paid) must be 0',
    );
    expect(ruleText({ type: 'sql', query: 'SELECT count(*) FROM t', mustBeBetween: [1, 5] })).toBe(
      'SQL SELECT count(*) FROM t must be between 1 and 5',
    );
    expect(ruleText({ metric: 'nullValues', mustBeLessThan: 5, unit: 'percent' })).toBe('nullValues must be < 5 %');
    expect(ruleText({ type: 'text', description: 'Checked by hand.' })).toBe('Checked by hand.');
    expect(ruleText({ type: 'custom', engine: 'soda' })).toBe('custom (soda)');
  });
});
