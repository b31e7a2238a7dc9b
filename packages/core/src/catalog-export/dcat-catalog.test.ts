/** The DCAT-3 mapping over the demo mesh (loaded from disk; no data build needed). */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspaceFromDisk } from '@meshwork/server';
import type { MeshModel } from '../model/model-types.js';
import { buildDcatCatalog } from './dcat-catalog.js';
import type { JsonLdNode } from './dcat-types.js';
import { DCAT_CONTEXT } from './dcat-vocabulary.js';

const DEMO = fileURLToPath(new URL('../../../../examples/demo-mesh', import.meta.url));
const OPTIONS = { baseUrl: 'https://mesh.example.com/', mediaTypes: ['text/csv', 'application/json'] };

let model: MeshModel;
beforeAll(async () => {
  ({ model } = await loadWorkspaceFromDisk(DEMO, {}));
});

function datasets(doc: JsonLdNode): JsonLdNode[] {
  return doc['dcat:dataset'] as JsonLdNode[];
}

function byId(doc: JsonLdNode, urn: string): JsonLdNode {
  const found = datasets(doc).find((d) => d['@id'] === urn);
  if (!found) throw new Error(`no dataset ${urn}`);
  return found;
}

describe('buildDcatCatalog', () => {
  it('is a JSON-LD dcat:Catalog with the W3C vocabularies in @context', () => {
    const doc = JSON.parse(JSON.stringify(buildDcatCatalog(model, OPTIONS))) as JsonLdNode;
    expect(doc['@context']).toEqual(DCAT_CONTEXT);
    expect(DCAT_CONTEXT.dcat).toBe('http://www.w3.org/ns/dcat#');
    expect(doc['@type']).toBe('dcat:Catalog');
    expect(doc['@id']).toBe('https://mesh.example.com/api/v1/catalog/dcat');
    expect(doc['dcterms:title']).toBe('acme-retail');
    expect(doc['dcat:service']).toEqual([
      expect.objectContaining({ '@type': 'dcat:DataService', '@id': 'https://mesh.example.com/api/v1/query' }),
    ]);
    const concepts = (doc['dcat:themeTaxonomy'] as JsonLdNode)['skos:hasTopConcept'] as JsonLdNode[];
    expect(concepts.map((c) => c['@id'])).toEqual([...model.domains.keys()].sort().map((d) => `urn:meshwork:${d}`));
  });

  it('makes every product a dcat:Dataset with identifier, title, publisher and distributions', () => {
    const doc = buildDcatCatalog(model, OPTIONS);
    expect(datasets(doc).map((d) => d['@id'])).toEqual([...model.products.values()].map((p) => p.urn));
    for (const product of model.products.values()) {
      const d = byId(doc, product.urn);
      expect(d['@type']).toBe('dcat:Dataset');
      expect(d['dcterms:identifier']).toBe(`urn:meshwork:${product.domain}:${product.name}`);
      expect(d['dcterms:title']).toBe(product.title);
      expect(d['dcterms:publisher']).toMatchObject({ '@type': 'foaf:Agent', 'dcterms:identifier': product.ownerTeam });
      expect(d['dcat:theme']).toMatchObject({ '@id': `urn:meshwork:${product.domain}`, '@type': 'skos:Concept' });
      const distributions = d['dcat:distribution'] as JsonLdNode[];
      expect(distributions).toHaveLength(product.outputPorts.length);
      for (const dist of distributions) {
        expect(dist['@type']).toBe('dcat:Distribution');
        expect(dist['dcat:accessService']).toMatchObject({ '@id': 'https://mesh.example.com/api/v1/query' });
      }
    }
  });

  it('maps sales.orders in full: status, version, contact points, contracts, ports, glossary subjects', () => {
    const orders = byId(buildDcatCatalog(model, OPTIONS), 'urn:meshwork:sales:orders');
    expect(orders['dcat:version']).toBe('2.0.0');
    expect(orders['adms:status']).toEqual({ '@id': 'http://purl.org/adms/status/Completed' });
    expect(orders['dcat:keyword']).toEqual(['order', 'sales', 'transactions']);
    expect(orders['dcterms:type']).toEqual({ '@id': 'urn:meshwork:archetype:source-aligned' });
    expect(orders['dcat:contactPoint']).toEqual([
      expect.objectContaining({ 'vcard:hasURL': { '@id': 'https://chat.example.com/channels/sales-data' } }),
      expect.objectContaining({ 'vcard:hasURL': { '@id': 'https://tracker.example.com/projects/sales-data/issues' } }),
    ]);
    const contracts = (orders['dcterms:conformsTo'] as JsonLdNode[]).map((c) => c['dcterms:identifier']);
    expect(contracts).toEqual(['02ed676b-2925-5229-b03b-104518aaf91f', 'b1287952-a282-5969-b810-a8d607fcaa30']);
    const [v1, v2] = orders['dcat:distribution'] as JsonLdNode[];
    expect(v1).toMatchObject({
      '@id': 'urn:meshwork:sales:orders:port:orders:v1',
      'adms:status': { '@id': 'http://purl.org/adms/status/Deprecated' },
      'dcterms:conformsTo': { '@id': 'urn:meshwork:sales:orders:contract:02ed676b-2925-5229-b03b-104518aaf91f' },
    });
    expect(v2?.['@id']).toBe('urn:meshwork:sales:orders:port:orders:v2');
    expect(v2?.['dcat:mediaType']).toEqual([
      { '@id': 'http://www.iana.org/assignments/media-types/application/json' },
      { '@id': 'http://www.iana.org/assignments/media-types/text/csv' },
    ]);
    expect(orders['dcterms:subject']).toEqual(
      expect.arrayContaining([
        { '@id': 'urn:meshwork:glossary:Customer.customer_id' },
        { '@id': 'urn:meshwork:glossary:Order.order_id' },
      ]),
    );
  });

  it('links every product to its upstream products, and only to visible ones', () => {
    const all = byId(buildDcatCatalog(model, OPTIONS), 'urn:meshwork:customers:customer-360');
    expect(all['prov:wasDerivedFrom']).toEqual(
      expect.arrayContaining([{ '@id': 'urn:meshwork:sales:orders' }, { '@id': 'urn:meshwork:support:tickets' }]),
    );
    expect(all['dcat:qualifiedRelation']).toContainEqual({
      '@type': 'dcat:Relationship',
      'dcterms:relation': { '@id': 'urn:meshwork:sales:orders' },
      'dcat:hadRole': { '@id': 'urn:meshwork:role:input' },
    });
    const hidden = buildDcatCatalog(model, { ...OPTIONS, isVisible: (id) => id !== 'sales.orders' });
    expect(datasets(hidden).some((d) => d['@id'] === 'urn:meshwork:sales:orders')).toBe(false);
    expect(JSON.stringify(hidden)).not.toContain('"urn:meshwork:sales:orders"');
  });

  it('is deterministic and sorted', () => {
    const a = JSON.stringify(buildDcatCatalog(model, OPTIONS));
    const b = JSON.stringify(buildDcatCatalog(model, { ...OPTIONS, mediaTypes: [...OPTIONS.mediaTypes].reverse() }));
    expect(a).toBe(b);
    const ids = datasets(JSON.parse(a) as JsonLdNode).map((d) => d['@id'] as string);
    expect(ids).toEqual([...ids].sort());
  });

  it('describes a page with hydra:PartialCollectionView', () => {
    const first = [...model.products.values()].slice(0, 2);
    const doc = buildDcatCatalog(model, {
      ...OPTIONS,
      products: first,
      view: { self: 'https://x/p?limit=2', first: 'https://x/p?limit=2', next: 'https://x/p?limit=2&after=a' },
    });
    expect(datasets(doc)).toHaveLength(2);
    expect(doc['hydra:view']).toEqual({
      '@id': 'https://x/p?limit=2',
      '@type': 'hydra:PartialCollectionView',
      'hydra:first': { '@id': 'https://x/p?limit=2' },
      'hydra:next': { '@id': 'https://x/p?limit=2&after=a' },
    });
  });
});
