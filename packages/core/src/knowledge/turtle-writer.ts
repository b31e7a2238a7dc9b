/**
 * Turtle serialization of triples, by hand because no RDF library is a dependency (n3 would
 * be the one to adopt). Escapes follow RDF 1.1 Turtle: IRIs as `<…>` with forbidden characters
 * as `\uXXXX`, literals as `"…"` with `\\ \" \n \r \t` and other controls as `\uXXXX`.
 */
import { RDF_PREFIXES, type RdfObject, type Triple } from './rdf-terms.js';

const LOCAL = /^[A-Za-z][A-Za-z0-9_-]*$/;
const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** `<urn:x>`; characters Turtle forbids in IRIREF are escaped as UCHARs. */
export function turtleIri(iri: string): string {
  for (const [prefix, ns] of Object.entries(RDF_PREFIXES)) {
    if (iri.startsWith(ns) && LOCAL.test(iri.slice(ns.length))) return `${prefix}:${iri.slice(ns.length)}`;
  }
  // eslint-disable-next-line no-control-regex
  return `<${iri.replace(/[\u0000-\u0020<>"{}|^`\\]/g, hex)}>`;
}

export function turtleLiteral(value: string, datatype?: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, hex);
  return datatype ? `"${escaped}"^^${turtleIri(datatype)}` : `"${escaped}"`;
}

function object(o: RdfObject): string {
  return 'iri' in o ? turtleIri(o.iri) : turtleLiteral(o.literal, o.datatype);
}

/** Triples grouped by subject, then predicate, in first-seen order. */
export function writeTurtle(triples: readonly Triple[]): string {
  const bySubject = new Map<string, Map<string, string[]>>();
  for (const t of triples) {
    let preds = bySubject.get(t.s);
    if (!preds) bySubject.set(t.s, (preds = new Map()));
    const objects = preds.get(t.p) ?? [];
    const text = object(t.o);
    if (!objects.includes(text)) objects.push(text);
    preds.set(t.p, objects);
  }
  const head = Object.entries(RDF_PREFIXES).map(([p, ns]) => `@prefix ${p}: <${ns}> .`);
  const blocks = [...bySubject].map(([s, preds]) => {
    const lines = [...preds].map(([p, objects]) => {
      const pred = p === RDF_PREFIXES.rdf + 'type' ? 'a' : turtleIri(p);
      return `    ${pred} ${objects.join(', ')}`;
    });
    return `${turtleIri(s)}\n${lines.join(' ;\n')} .`;
  });
  return `${head.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}
