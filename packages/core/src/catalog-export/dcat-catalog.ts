/**
 * The mesh as a `dcat:Catalog` in JSON-LD: its datasets (one per data product), the query API as
 * `dcat:service`, and the domains as a `skos:ConceptScheme` (`dcat:themeTaxonomy`). A page of a
 * large catalog adds a `hydra:PartialCollectionView` with the link to the next page.
 */
import type { DataProduct, MeshModel } from '../model/model-types.js';
import { domainConcept, productToDcatDataset, queryService } from './dcat-dataset.js';
import type { DcatExportOptions, DcatPageView, JsonLdNode } from './dcat-types.js';
import { DCAT_CONTEXT, iri } from './dcat-vocabulary.js';
import { jsonLdNode, ref } from './json-ld-node.js';

export interface DcatCatalogOptions extends DcatExportOptions {
  /** The products to list, in order (default: every visible product of the model, by id). */
  readonly products?: readonly DataProduct[];
  /** Set when the document is one page of the catalog. */
  readonly view?: DcatPageView;
}

/** The catalog's own IRI: where the API serves it. */
export function dcatCatalogId(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/v1/catalog/dcat`;
}

/**
 * The DCAT-3 JSON-LD document of the mesh. Deterministic: the same model and options give the
 * same document, key for key (`JSON.stringify` of it is stable).
 *
 * @example
 * const doc = buildDcatCatalog(model, { baseUrl: 'https://mesh.example.com', mediaTypes: ['text/csv'] });
 * JSON.stringify(doc); // {"@context":{…},"@id":"https://mesh.example.com/api/v1/catalog/dcat",…}
 */
export function buildDcatCatalog(model: MeshModel, options: DcatCatalogOptions): JsonLdNode {
  const isVisible = options.isVisible ?? (() => true);
  const products = options.products ?? [...model.products.values()].filter((p) => isVisible(p.id));
  const id = dcatCatalogId(options.baseUrl);
  const scheme = `${id}#domains`;
  const council = model.config.governance?.council;
  return jsonLdNode([
    ['@context', DCAT_CONTEXT],
    ['@id', id],
    ['@type', 'dcat:Catalog'],
    ['dcterms:identifier', model.name],
    ['dcterms:title', model.name],
    ['dcterms:description', model.description],
    [
      'dcterms:publisher',
      council
        ? jsonLdNode([
            ['@id', iri.team(council)],
            ['@type', 'foaf:Agent'],
            ['foaf:name', model.teams.get(council)?.name ?? council],
          ])
        : undefined,
    ],
    [
      'dcat:themeTaxonomy',
      jsonLdNode([
        ['@id', scheme],
        ['@type', 'skos:ConceptScheme'],
        ['dcterms:title', `Domains of ${model.name}`],
        [
          'skos:hasTopConcept',
          [...model.domains.keys()].sort().map((d) => domainConcept(d, model.domains.get(d), scheme)),
        ],
      ]),
    ],
    ['dcat:service', [queryService(options)]],
    [
      'dcat:dataset',
      products.map((p) => productToDcatDataset(model, p, { ...options, isVisible, themeScheme: scheme })),
    ],
    ['hydra:view', options.view ? pageView(options.view) : undefined],
  ]);
}

function pageView(view: DcatPageView): JsonLdNode {
  return jsonLdNode([
    ['@id', view.self],
    ['@type', 'hydra:PartialCollectionView'],
    ['hydra:first', ref(view.first)],
    ['hydra:next', view.next ? ref(view.next) : undefined],
  ]);
}
