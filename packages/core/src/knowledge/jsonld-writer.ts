/**
 * JSON-LD (compacted with a `@context` of the prefixes) of triples: one node per subject in
 * `@graph`, predicates as `prefix:local` keys, IRIs as `{"@id"}`, `rdf:type` as `@type`.
 */
import { RDF_PREFIXES, type Triple } from './rdf-terms.js';

export interface JsonLdDocument {
  readonly '@context': Readonly<Record<string, string>>;
  readonly '@graph': readonly Readonly<Record<string, unknown>>[];
}

function compact(iri: string): string {
  for (const [prefix, ns] of Object.entries(RDF_PREFIXES)) {
    if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return iri;
}

export function writeJsonLd(triples: readonly Triple[]): JsonLdDocument {
  const nodes = new Map<string, Record<string, unknown[]>>();
  const typeIri = `${RDF_PREFIXES.rdf}type`;
  for (const t of triples) {
    let node = nodes.get(t.s);
    if (!node) nodes.set(t.s, (node = {}));
    const key = t.p === typeIri ? '@type' : compact(t.p);
    const value =
      t.p === typeIri && 'iri' in t.o
        ? compact(t.o.iri)
        : 'iri' in t.o
          ? { '@id': t.o.iri }
          : t.o.datatype
            ? { '@value': t.o.literal, '@type': t.o.datatype }
            : t.o.literal;
    const list = (node[key] ??= []);
    if (!list.some((v) => JSON.stringify(v) === JSON.stringify(value))) list.push(value);
  }
  const graph = [...nodes].map(([id, props]) => {
    const node: Record<string, unknown> = { '@id': id };
    for (const [key, values] of Object.entries(props)) node[key] = values.length === 1 ? values[0] : values;
    return node;
  });
  return { '@context': { ...RDF_PREFIXES }, '@graph': graph };
}
