/** The RDF export of the demo glossary: JSON-LD that parses with its context, Turtle with the triples expected. */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeIndex } from './build-knowledge-index.js';
import { glossaryJsonLd, glossaryTurtle } from './glossary-rdf.js';
import { loadDemoModel } from './test-support/demo-model.js';
import { turtleIri, turtleLiteral } from './turtle-writer.js';

const index = buildKnowledgeIndex(loadDemoModel());

describe('glossary as JSON-LD', () => {
  it('is JSON with a @context and SKOS concepts under the glossary URNs', () => {
    const doc = JSON.parse(JSON.stringify(glossaryJsonLd(index))) as {
      '@context': Record<string, string>;
      '@graph': Record<string, unknown>[];
    };
    expect(doc['@context'].skos).toBe('http://www.w3.org/2004/02/skos/core#');
    const customer = doc['@graph'].find((n) => n['@id'] === 'urn:meshwork:glossary:Customer')!;
    expect(customer['@type']).toEqual(['skos:Concept', 'mw:Entity']);
    expect(customer['skos:prefLabel']).toBe('Customer');
    expect(customer['skos:altLabel']).toEqual(['client', 'account holder']);
    expect(customer['skos:related']).toContainEqual({ '@id': 'urn:meshwork:glossary:Order' });
    const id = doc['@graph'].find((n) => n['@id'] === 'urn:meshwork:glossary:Customer.customer_id')!;
    expect(id['skos:broader']).toEqual({ '@id': 'urn:meshwork:glossary:Customer' });
    expect(id['mw:pattern']).toBe('^C[0-9]{7}$');
    const orders = doc['@graph'].find((n) => n['@id'] === 'urn:meshwork:sales:orders')!;
    expect(orders['dcterms:subject']).toContainEqual({ '@id': 'urn:meshwork:glossary:Customer' });
  });

  it('uses a base IRI when given one, and leaves out products the caller may not see', () => {
    const doc = glossaryJsonLd(index, { baseIri: 'https://example.com/g/', visible: (id) => id !== 'sales.orders' });
    expect(doc['@graph'].some((n) => n['@id'] === 'https://example.com/g/Customer')).toBe(true);
    expect(doc['@graph'].some((n) => n['@id'] === 'urn:meshwork:sales:orders')).toBe(false);
  });
});

describe('glossary as Turtle', () => {
  const ttl = glossaryTurtle(index);

  it('declares the prefixes and has the expected triples', () => {
    expect(ttl).toContain('@prefix skos: <http://www.w3.org/2004/02/skos/core#> .');
    expect(ttl).toMatch(/<urn:meshwork:glossary:Customer>\n {4}a skos:Concept, mw:Entity ;/);
    expect(ttl).toContain('skos:altLabel "client", "account holder"');
    const block = ttl.split('\n\n').find((b) => b.startsWith('<urn:meshwork:glossary:Customer.customer_id>\n'));
    expect(block).toContain('skos:broader <urn:meshwork:glossary:Customer> ;');
    expect(ttl).toMatch(/dcterms:subject <urn:meshwork:glossary:Customer\.customer_id>/);
    expect(ttl).toContain('mw:pattern "^C[0-9]{7}$"');
  });

  it('escapes literals and IRIs', () => {
    expect(turtleLiteral('say "hi"\\\n\tnow\u0001')).toBe('"say \\"hi\\"\\\\\\n\\tnow\\u0001"');
    expect(turtleIri('urn:x:a b<c>')).toBe('<urn:x:a\\u0020b\\u003Cc\\u003E>');
    expect(turtleIri('http://www.w3.org/2004/02/skos/core#prefLabel')).toBe('skos:prefLabel');
  });
});
