/** The glossary export as JSON-LD or Turtle (`mesh export glossary`, `GET /api/v1/glossary.jsonld|.ttl`). */
import type { KnowledgeIndex } from './build-knowledge-index.js';
import { glossaryTriples, type GlossaryRdfOptions } from './glossary-triples.js';
import { writeJsonLd, type JsonLdDocument } from './jsonld-writer.js';
import { writeTurtle } from './turtle-writer.js';

export const GLOSSARY_RDF_FORMATS = ['jsonld', 'turtle'] as const;
export type GlossaryRdfFormat = (typeof GLOSSARY_RDF_FORMATS)[number];

/** @example glossaryJsonLd(index)['@graph'].find((n) => n['@id'] === 'urn:meshwork:glossary:Customer') */
export function glossaryJsonLd(index: KnowledgeIndex, options: GlossaryRdfOptions = {}): JsonLdDocument {
  return writeJsonLd(glossaryTriples(index, options));
}

/** @example glossaryTurtle(index).includes('skos:prefLabel "Customer"') // true */
export function glossaryTurtle(index: KnowledgeIndex, options: GlossaryRdfOptions = {}): string {
  return writeTurtle(glossaryTriples(index, options));
}
