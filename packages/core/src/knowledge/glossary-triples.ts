/**
 * The glossary as RDF triples in SKOS: entities, terms and metrics are `skos:Concept`s in one
 * `skos:ConceptScheme`; identifiers, attributes and relations are narrower concepts of their
 * entity; synonyms are `skos:altLabel`s; relations also link entities with `skos:related` and
 * `mw:target`. Bound columns and their products point at terms with `dcterms:subject`.
 * Subjects are the glossary URNs (`urn:meshwork:glossary:Customer.customer_id`), or
 * `<baseIri><term id>` when a base IRI is given.
 */
import type { GlossaryEntity } from '../glossary/glossary-types.js';
import type { KnowledgeIndex } from './build-knowledge-index.js';
import type { VisibilityOptions } from './knowledge-queries.js';
import { expand, type RdfObject, type Triple } from './rdf-terms.js';

export interface GlossaryRdfOptions extends VisibilityOptions {
  /** E.g. `https://data.example.com/glossary/`: concept IRIs become `<base>Customer.customer_id`. */
  readonly baseIri?: string;
  /** Include bound products and columns (default true). */
  readonly bindings?: boolean;
}

export const GLOSSARY_SCHEME_URN = 'urn:meshwork:glossary';

export function glossaryTriples(index: KnowledgeIndex, options: GlossaryRdfOptions = {}): Triple[] {
  const { glossary } = index.model;
  const iri = (termId: string) => (options.baseIri ? `${options.baseIri}${termId}` : `urn:meshwork:glossary:${termId}`);
  const scheme = options.baseIri ?? GLOSSARY_SCHEME_URN;
  const out: Triple[] = [];
  const add = (s: string, p: string, o: RdfObject) => out.push({ s, p: expand(p), o });
  const ref = (value: string): RdfObject => ({ iri: value });
  const text = (value: string): RdfObject => ({ literal: value });
  const concept = (id: string, name: string, description: string, synonyms: readonly string[], type: string) => {
    add(iri(id), 'rdf:type', ref(expand('skos:Concept')));
    add(iri(id), 'rdf:type', ref(expand(type)));
    add(iri(id), 'skos:inScheme', ref(scheme));
    add(iri(id), 'skos:prefLabel', text(name));
    for (const s of synonyms) add(iri(id), 'skos:altLabel', text(s));
    if (description) add(iri(id), 'skos:definition', text(description));
  };

  add(scheme, 'rdf:type', ref(expand('skos:ConceptScheme')));
  add(scheme, 'skos:prefLabel', text(`${index.model.name} glossary`));
  for (const entity of glossary.entities.values()) {
    concept(entity.name, entity.name, entity.description, entity.synonyms, 'mw:Entity');
    add(scheme, 'skos:hasTopConcept', ref(iri(entity.name)));
    members(entity, iri, add, concept);
  }
  for (const term of glossary.terms.values()) {
    concept(term.name, term.name, term.description, term.synonyms, 'mw:Term');
  }
  for (const metric of glossary.metrics.values()) {
    concept(metric.name, metric.name, metric.description, metric.synonyms, 'mw:Metric');
    add(iri(metric.name), 'mw:measure', text(metric.measure));
    add(iri(metric.name), 'mw:grain', ref(iri(metric.grain)));
    for (const d of metric.dimensions) add(iri(metric.name), 'mw:dimension', ref(iri(d)));
    for (const f of metric.filters) add(iri(metric.name), 'mw:filter', text(f));
  }
  if (options.bindings !== false) bindingTriples(index, options, iri, add);
  return out;
}

function members(
  entity: GlossaryEntity,
  iri: (id: string) => string,
  add: (s: string, p: string, o: RdfObject) => void,
  concept: (id: string, name: string, description: string, synonyms: readonly string[], type: string) => void,
): void {
  const member = (name: string, description: string | undefined, type: string) => {
    const id = `${entity.name}.${name}`;
    concept(id, id, description ?? '', [], type);
    add(iri(id), 'skos:broader', { iri: iri(entity.name) });
    add(iri(entity.name), 'skos:narrower', { iri: iri(id) });
    return iri(id);
  };
  for (const m of entity.identifiers) {
    const s = member(m.name, m.description, 'mw:Identifier');
    add(s, 'mw:logicalType', { literal: m.logicalType });
    if (m.format !== undefined) add(s, 'mw:format', { literal: m.format });
    if (m.pattern !== undefined) add(s, 'mw:pattern', { literal: m.pattern });
  }
  for (const m of entity.attributes) {
    const s = member(m.name, m.description, 'mw:Attribute');
    add(s, 'mw:logicalType', { literal: m.logicalType });
    if (m.format !== undefined) add(s, 'mw:format', { literal: m.format });
  }
  for (const m of entity.relations) {
    const s = member(m.name, m.description, 'mw:Relation');
    add(s, 'mw:target', { iri: iri(m.target) });
    add(s, 'mw:cardinality', { literal: m.cardinality });
    add(iri(entity.name), 'skos:related', { iri: iri(m.target) });
  }
}

/** `<column> dcterms:subject <term>`, `<column> dcterms:isPartOf <product>`, `<product> dcterms:subject <entity>`. */
function bindingTriples(
  index: KnowledgeIndex,
  options: GlossaryRdfOptions,
  iri: (id: string) => string,
  add: (s: string, p: string, o: RdfObject) => void,
): void {
  const seenProducts = new Map<string, Set<string>>();
  for (const b of index.bindings) {
    if (b.kind === 'unknown' || !(options.visible?.(b.productId) ?? true)) continue;
    const product = index.model.products.get(b.productId)!;
    const column = `${product.urn}:${b.port}:v${b.major}:${b.table}.${b.column}`;
    add(column, 'rdf:type', { iri: expand('mw:Column') });
    add(column, 'rdfs:label', { literal: `${b.relation}.${b.column}` });
    add(column, 'dcterms:subject', { iri: iri(b.term) });
    add(column, 'dcterms:isPartOf', { iri: product.urn });
    let subjects = seenProducts.get(product.urn);
    if (!subjects) {
      seenProducts.set(product.urn, (subjects = new Set()));
      add(product.urn, 'rdf:type', { iri: expand('mw:DataProduct') });
      add(product.urn, 'dcterms:identifier', { literal: product.id });
      add(product.urn, 'dcterms:title', { literal: product.title });
    }
    const subject = b.entity ?? b.term;
    if (!subjects.has(subject)) {
      subjects.add(subject);
      add(product.urn, 'dcterms:subject', { iri: iri(subject) });
    }
  }
}
