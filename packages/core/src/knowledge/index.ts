/** The knowledge context: the graph of glossary terms, bound columns and join paths, and its RDF export. */
export * from './knowledge-types.js';
export * from './knowledge-codes.js';
export * from './build-knowledge-index.js';
export * from './knowledge-queries.js';
export * from './join-paths.js';
export * from './identifier-compatibility.js';
export * from './relation-sql-name.js';
export * from './glossary-triples.js';
export * from './glossary-rdf.js';
export type { JsonLdDocument } from './jsonld-writer.js';
export { turtleIri, turtleLiteral } from './turtle-writer.js';
