/** Building one glossary from many files: the model, the cross-file checks, lenient reading. */
import { describe, expect, it } from 'vitest';
import { buildGlossary, emptyGlossary } from './build-glossary.js';
import { glossaryIdentifier, resolveTerm } from './resolve-term.js';

const customers = {
  apiVersion: 'meshwork/v1',
  kind: 'Glossary',
  entities: [
    {
      name: 'Customer',
      description: 'An account holder.',
      identifiers: [{ name: 'customer_id', logicalType: 'string', pattern: '^C[0-9]{7}$', description: 'CRM number.' }],
      attributes: [{ name: 'segment', logicalType: 'string' }],
      relations: [{ name: 'places', target: 'Order', cardinality: 'one-to-many' }],
    },
  ],
};
const sales = {
  entities: [{ name: 'Order', description: 'A purchase.', identifiers: [{ name: 'order_id', logicalType: 'string' }] }],
  terms: [{ name: 'Region', description: 'Sales region.', synonyms: ['area'] }],
  metrics: [{ name: 'OrderCount', description: 'Orders.', measure: 'count(*)', grain: 'Customer' }],
};

describe('buildGlossary', () => {
  it('gathers every file into name-sorted maps with URNs and no undefined keys', () => {
    const { glossary, issues } = buildGlossary([
      { file: 'glossary/sales.yaml', value: sales },
      { file: 'glossary/customers.yaml', value: customers },
    ]);
    expect(issues).toEqual([]);
    expect([...glossary.entities.keys()]).toEqual(['Customer', 'Order']);
    expect(glossary.files).toEqual(['glossary/customers.yaml', 'glossary/sales.yaml']);
    expect(glossary.entities.get('Order')).toEqual({
      name: 'Order',
      urn: 'urn:meshwork:glossary:Order',
      description: 'A purchase.',
      synonyms: [],
      file: 'glossary/sales.yaml',
      identifiers: [{ name: 'order_id', logicalType: 'string' }],
      attributes: [],
      relations: [],
    });
    expect(glossary.terms.get('Region')).toMatchObject({ synonyms: ['area'], urn: 'urn:meshwork:glossary:Region' });
    expect(glossary.metrics.get('OrderCount')).toMatchObject({ grain: 'Customer', dimensions: [], filters: [] });
  });

  it('resolves term ids to what they name', () => {
    const { glossary } = buildGlossary([
      { file: 'a.yaml', value: customers },
      { file: 'b.yaml', value: sales },
    ]);
    expect(resolveTerm(glossary, 'Customer')?.kind).toBe('entity');
    expect(resolveTerm(glossary, 'Customer.customer_id')?.kind).toBe('identifier');
    expect(resolveTerm(glossary, 'Customer.segment')?.kind).toBe('attribute');
    expect(resolveTerm(glossary, 'Customer.places')?.kind).toBe('relation');
    expect(resolveTerm(glossary, 'Region')?.kind).toBe('term');
    expect(resolveTerm(glossary, 'OrderCount')?.kind).toBe('metric');
    expect(resolveTerm(glossary, 'Region.code')).toBeUndefined();
    expect(resolveTerm(glossary, 'customer')).toBeUndefined();
    expect(glossaryIdentifier(glossary, 'Customer.customer_id')?.pattern).toBe('^C[0-9]{7}$');
    expect(glossaryIdentifier(glossary, 'Customer.segment')).toBeUndefined();
    expect(resolveTerm(emptyGlossary(), 'Customer')).toBeUndefined();
  });

  it('keeps the first of two definitions of a name, across kinds, and reports the second', () => {
    const { glossary, issues } = buildGlossary([
      { file: 'glossary/a.yaml', value: customers },
      { file: 'glossary/b.yaml', value: { ...sales, terms: [{ name: 'Customer', description: 'Again.' }] } },
    ]);
    expect(glossary.terms.size).toBe(0);
    expect(issues).toEqual([
      {
        code: 'MW3101',
        file: 'glossary/b.yaml',
        pointer: '/terms/0/name',
        message:
          'term "Customer" is already defined in glossary/a.yaml: glossary names are unique across entities, terms and metrics',
      },
    ]);
  });

  it('reports members defined twice in one entity, whatever their kind', () => {
    const entity = {
      name: 'Customer',
      description: 'x',
      identifiers: [{ name: 'customer_id', logicalType: 'string' }],
      attributes: [{ name: 'customer_id', logicalType: 'string' }],
    };
    const { glossary, issues } = buildGlossary([{ file: 'g.yaml', value: { entities: [entity] } }]);
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([['MW3102', '/entities/0/attributes/0/name']]);
    expect(glossary.entities.get('Customer')!.attributes).toEqual([]);
  });

  it('reports patterns that do not compile or sit on non-string identifiers', () => {
    const entity = {
      name: 'Thing',
      description: 'x',
      identifiers: [
        { name: 'a', logicalType: 'string', pattern: '(unclosed' },
        { name: 'b', logicalType: 'integer', pattern: '^[0-9]+$' },
        { name: 'c', logicalType: 'string', pattern: '^\\p{Lu}+$' },
      ],
    };
    const { issues } = buildGlossary([{ file: 'g.yaml', value: { entities: [entity] } }]);
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([
      ['MW3104', '/entities/0/identifiers/0/pattern'],
      ['MW3104', '/entities/0/identifiers/1/pattern'],
    ]);
    expect(issues[1]!.message).toContain('a pattern applies to strings only');
  });

  it('checks relation targets and metric grains against entities, not terms', () => {
    const value = {
      entities: [
        {
          name: 'Customer',
          description: 'x',
          relations: [{ name: 'in', target: 'Region', cardinality: 'many-to-one' }],
        },
      ],
      terms: [{ name: 'Region', description: 'x' }],
      metrics: [
        {
          name: 'M',
          description: 'x',
          measure: 'count(*)',
          grain: 'Region',
          dimensions: ['Customer', 'Customer.nope'],
        },
      ],
    };
    const { issues } = buildGlossary([{ file: 'g.yaml', value }]);
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([
      ['MW3103', '/entities/0/relations/0/target'],
      ['MW3108', '/metrics/0/grain'],
      ['MW3108', '/metrics/0/dimensions/0'],
      ['MW3108', '/metrics/0/dimensions/1'],
    ]);
  });

  it('reads what it can from invalid documents and never throws', () => {
    const values: unknown[] = [
      null,
      'text',
      [1, 2],
      { entities: 'no' },
      { entities: [null, 7, { name: 5 }, { name: 'Kept', identifiers: [{ name: 'id', logicalType: 3, pattern: 4 }] }] },
      { entities: [{ name: 'Rel', relations: [{ name: 'r', cardinality: 'lots' }, { target: 'Kept' }] }] },
      { metrics: [{ name: 'M2', grain: 7, dimensions: 'x', filters: [1, 'a'] }] },
    ];
    const { glossary } = buildGlossary(values.map((value, i) => ({ file: `g${i}.yaml`, value })));
    expect(glossary.entities.get('Kept')!.identifiers).toEqual([{ name: 'id', logicalType: '' }]);
    expect(glossary.entities.get('Rel')!.relations).toEqual([{ name: 'r', target: '', cardinality: 'many-to-many' }]);
    expect(glossary.metrics.get('M2')).toMatchObject({ grain: '', dimensions: [], filters: ['a'] });
  });
});
