/**
 * One data product as a `dcat:Dataset`: identity, description, keywords, the domain as a theme,
 * the owner team as publisher and its support channels as vCard contact points, its contracts
 * (`dcterms:conformsTo`), one `dcat:Distribution` per output port served by the query API,
 * glossary bindings as `dcterms:subject`, and its upstream products (`prov:wasDerivedFrom`).
 */
import type { DataProduct, Domain, MeshModel, OutputPort } from '../model/model-types.js';
import type { DcatExportOptions, JsonLdNode } from './dcat-types.js';
import { admsStatus, ianaMediaType, iri } from './dcat-vocabulary.js';
import { jsonLdNode, ref, sortedUnique } from './json-ld-node.js';

type Loose = Record<string, unknown>;

/** The API endpoints of `baseUrl`, without a trailing slash. */
export function apiUrls(baseUrl: string): {
  readonly query: string;
  readonly openapi: string;
  readonly products: string;
} {
  const base = baseUrl.replace(/\/+$/, '');
  return { query: `${base}/api/v1/query`, openapi: `${base}/api/openapi.json`, products: `${base}/api/v1/products` };
}

/** The Meshwork query API as a `dcat:DataService`. */
export function queryService(options: DcatExportOptions): JsonLdNode {
  const urls = apiUrls(options.baseUrl);
  return jsonLdNode([
    ['@id', urls.query],
    ['@type', 'dcat:DataService'],
    ['dcterms:title', 'Meshwork governed SQL query API'],
    ['dcat:endpointURL', ref(urls.query)],
    ['dcat:endpointDescription', ref(urls.openapi)],
  ]);
}

/** A domain as a `skos:Concept` of the catalog's theme taxonomy. */
export function domainConcept(name: string, domain: Domain | undefined, scheme: string): JsonLdNode {
  return jsonLdNode([
    ['@id', iri.domain(name)],
    ['@type', 'skos:Concept'],
    ['skos:prefLabel', domain?.title ?? name],
    ['skos:definition', domain?.description],
    ['skos:inScheme', ref(scheme)],
  ]);
}

export function productToDcatDataset(
  model: MeshModel,
  product: DataProduct,
  options: DcatExportOptions & { readonly themeScheme: string },
): JsonLdNode {
  const isVisible = options.isVisible ?? (() => true);
  const upstream = product.dependsOn.filter((id) => model.products.has(id) && isVisible(id));
  const upstreamUrns = sortedUnique(upstream.map((id) => model.products.get(id)!.urn));
  return jsonLdNode([
    ['@id', product.urn],
    ['@type', 'dcat:Dataset'],
    ['dcterms:identifier', product.urn],
    ['dcterms:title', product.title],
    ['dcterms:description', product.description],
    ['dcat:keyword', sortedUnique(product.tags)],
    ['dcat:theme', domainConcept(product.domain, model.domains.get(product.domain), options.themeScheme)],
    ['dcterms:type', product.archetype ? ref(iri.archetype(product.archetype)) : undefined],
    ['dcat:version', product.version],
    ['adms:status', statusRef(product.status)],
    ['dcterms:publisher', publisher(model, product)],
    ['dcat:contactPoint', contactPoints(model, product)],
    ['dcat:landingPage', ref(`${apiUrls(options.baseUrl).products}/${product.id}`)],
    ['dcterms:conformsTo', [...product.contracts].sort(byId).map((c) => contractNode(product, c))],
    ['dcterms:subject', sortedUnique(boundTerms(model, product)).map((t) => ref(iri.glossary(t)))],
    ['prov:wasDerivedFrom', upstreamUrns.map(ref)],
    [
      'dcat:qualifiedRelation',
      upstreamUrns.map((urn) =>
        jsonLdNode([
          ['@type', 'dcat:Relationship'],
          ['dcterms:relation', ref(urn)],
          ['dcat:hadRole', ref(iri.inputRole)],
        ]),
      ),
    ],
    ['dcat:distribution', sortedPorts(product.outputPorts).map((port) => distribution(product, port, options))],
  ]);
}

function statusRef(state: string): JsonLdNode | undefined {
  const status = admsStatus(state);
  return status ? ref(status) : undefined;
}

function publisher(model: MeshModel, product: DataProduct): JsonLdNode | undefined {
  if (!product.ownerTeam) return undefined;
  const team = model.teams.get(product.ownerTeam);
  return jsonLdNode([
    ['@id', iri.team(product.ownerTeam)],
    ['@type', 'foaf:Agent'],
    ['foaf:name', team?.name ?? product.ownerTeam],
    ['dcterms:identifier', product.ownerTeam],
  ]);
}

/** ODPS `support` channels as vCard kinds; without any, the owner team's channel from mesh.yaml. */
function contactPoints(model: MeshModel, product: DataProduct): JsonLdNode[] {
  const team = product.ownerTeam ? model.teams.get(product.ownerTeam) : undefined;
  const teamName = team?.name ?? product.ownerTeam;
  const support = Array.isArray((product.descriptor as unknown as Loose).support)
    ? ((product.descriptor as unknown as Loose).support as unknown[])
    : [];
  const channels = support.flatMap((s) => {
    const entry = (s ?? {}) as Loose;
    const url = typeof entry.url === 'string' ? entry.url : undefined;
    const channel = typeof entry.channel === 'string' ? entry.channel : undefined;
    if (!url && !channel) return [];
    return [{ url, channel, note: typeof entry.description === 'string' ? entry.description : undefined }];
  });
  if (channels.length === 0 && team?.channel) channels.push({ url: team.channel, channel: team.id, note: undefined });
  return channels
    .sort((a, b) => compare(a.url ?? a.channel ?? '', b.url ?? b.channel ?? ''))
    .map(({ url, channel, note }) =>
      jsonLdNode([
        ['@type', 'vcard:Kind'],
        ['vcard:fn', [teamName, channel].filter((v) => v !== undefined).join(' – ')],
        [url?.startsWith('mailto:') ? 'vcard:hasEmail' : 'vcard:hasURL', url ? ref(url) : undefined],
        ['vcard:note', note],
      ]),
    );
}

function contractNode(product: DataProduct, contract: DataProduct['contracts'][number]): JsonLdNode {
  return jsonLdNode([
    ['@id', iri.contract(product.urn, contract.id)],
    ['@type', 'dcterms:Standard'],
    ['dcterms:identifier', contract.id],
    ['dcterms:title', `ODCS ${contract.apiVersion} data contract ${contract.name ?? contract.id}`],
    ['dcat:version', contract.version],
    ['adms:status', statusRef(contract.status)],
  ]);
}

function distribution(product: DataProduct, port: OutputPort, options: DcatExportOptions): JsonLdNode {
  const id = iri.distribution(product.urn, port.name, port.major);
  const query = apiUrls(options.baseUrl).query;
  return jsonLdNode([
    ['@id', id],
    ['@type', 'dcat:Distribution'],
    ['dcterms:identifier', id],
    ['dcterms:title', `${product.title}: port ${port.name} v${port.major} (${port.version})`],
    ['dcterms:description', port.description],
    ['dcat:accessURL', ref(query)],
    ['dcat:accessService', queryService(options)],
    ['dcat:mediaType', sortedUnique(options.mediaTypes).map((m) => ref(ianaMediaType(m)))],
    ['dcterms:conformsTo', port.contract ? ref(iri.contract(product.urn, port.contract.id)) : undefined],
    ['adms:status', port.contract ? statusRef(port.contract.status) : undefined],
  ]);
}

/** Glossary names bound by any column, kept only when the glossary defines their concept. */
function boundTerms(model: MeshModel, product: DataProduct): string[] {
  const { entities, terms, metrics } = model.glossary;
  return product.contracts.flatMap((c) =>
    c.tables.flatMap((t) =>
      t.columns.flatMap((col) =>
        col.terms.filter((term) => {
          const root = term.split('.')[0] ?? term;
          return entities.has(root) || terms.has(root) || metrics.has(root);
        }),
      ),
    ),
  );
}

function sortedPorts(ports: readonly OutputPort[]): OutputPort[] {
  return [...ports].sort((a, b) => compare(a.name, b.name) || a.major - b.major);
}

function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
