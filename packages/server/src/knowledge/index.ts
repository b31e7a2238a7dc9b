/** The knowledge graph's Node side: the index cache and the HTTP routes. */
export * from './knowledge-index-for.js';
export * from './knowledge-routes.js';
