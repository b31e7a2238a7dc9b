/** The binding scheme: term ids, their URNs, and finding bindings among authoritative definitions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundTerms,
  glossaryBindingsOf,
  glossaryDefinition,
  glossaryUrn,
  parseTermId,
  GLOSSARY_URN_PREFIX,
} from './glossary-binding.js';

describe('term ids', () => {
  it('are an entity, term or metric name, optionally with a member', () => {
    expect(parseTermId('Customer')).toEqual({ concept: 'Customer' });
    expect(parseTermId('Customer.customer_id')).toEqual({ concept: 'Customer', member: 'customer_id' });
    expect(parseTermId('CustomerLifetimeValue')).toEqual({ concept: 'CustomerLifetimeValue' });
  });

  it.each(['customer', 'Customer.', 'Customer.CustomerId', 'Customer.a.b', 'Cust omer', '', '.id'])(
    'rejects %j',
    (id) => expect(parseTermId(id)).toBeUndefined(),
  );

  it('round-trip through their URN', () => {
    const name = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/);
    const member = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/);
    fc.assert(
      fc.property(name, fc.option(member, { nil: undefined }), (concept, m) => {
        const id = m === undefined ? concept : `${concept}.${m}`;
        const [binding] = glossaryBindingsOf([glossaryDefinition(id)]);
        expect(binding).toEqual({ index: 0, term: id, valid: true });
        expect(parseTermId(id)).toEqual(m === undefined ? { concept } : { concept, member: m });
      }),
    );
  });
});

describe('bindings among authoritative definitions', () => {
  it('writes a standard businessDefinition entry', () => {
    expect(glossaryDefinition('Customer.customer_id')).toEqual({
      type: 'businessDefinition',
      url: 'urn:meshwork:glossary:Customer.customer_id',
    });
    expect(glossaryDefinition('Customer', 'The account holder.')).toMatchObject({ description: 'The account holder.' });
    expect(glossaryUrn('Order')).toBe(`${GLOSSARY_URN_PREFIX}Order`);
  });

  it('finds glossary URNs by position and leaves other definitions alone', () => {
    const definitions = [
      { type: 'businessDefinition', url: 'https://collibra.example.com/asset/42' },
      { type: 'businessDefinition', url: 'urn:meshwork:glossary:Customer.customer_id' },
      { type: 'implementation', url: 'urn:meshwork:glossary:not a name' },
      'not an object',
      { type: 'businessDefinition' },
      { type: 'tutorial', url: 'urn:meshwork:glossary:Customer' },
    ];
    expect(glossaryBindingsOf(definitions)).toEqual([
      { index: 1, term: 'Customer.customer_id', valid: true },
      { index: 2, term: 'not a name', valid: false },
      { index: 5, term: 'Customer', valid: true },
    ]);
    expect(boundTerms(definitions)).toEqual(['Customer.customer_id', 'Customer']);
  });

  it('yields nothing for values that are not lists, and no repeats', () => {
    expect(glossaryBindingsOf(undefined)).toEqual([]);
    expect(glossaryBindingsOf({ url: 'urn:meshwork:glossary:Customer' })).toEqual([]);
    const twice = [glossaryDefinition('Customer'), glossaryDefinition('Customer')];
    expect(boundTerms(twice)).toEqual(['Customer']);
  });
});
