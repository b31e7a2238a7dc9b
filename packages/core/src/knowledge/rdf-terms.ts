/** A minimal RDF model for the glossary export: IRIs, literals, triples and the prefixes used. */
export const RDF_PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  mw: 'https://meshwork.dev/ns#',
} as const;

export type RdfObject = { readonly iri: string } | { readonly literal: string; readonly datatype?: string };

export interface Triple {
  readonly s: string;
  readonly p: string;
  readonly o: RdfObject;
}

/** `skos:prefLabel` → the full IRI. */
export function expand(curie: string): string {
  const at = curie.indexOf(':');
  const prefix = curie.slice(0, at) as keyof typeof RDF_PREFIXES;
  return `${RDF_PREFIXES[prefix]}${curie.slice(at + 1)}`;
}
