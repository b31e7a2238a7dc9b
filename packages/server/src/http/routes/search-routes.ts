/**
 * `GET /api/v1/search`: full-text catalog search with facets, over the products the principal
 * may discover. Thin: the query is checked by searchQueryFrom, ranked by the index built once in
 * the composition root, and visibility is the authorizer's `discover`, as for `GET /products`.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SEARCH_FIELDS, type SearchFacet } from '../../search/search-types.js';
import { searchQueryFrom } from '../../search/search-request.js';
import { ErrorSchema } from '../api-schemas.js';
import type { PlatformServices } from '../platform-services.js';
import { requirePrincipal } from '../request-principal.js';

const Values = (description: string) =>
  Type.Optional(Type.Array(Type.String(), { description: `${description}; repeat or comma-separate for several` }));

const SearchQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ description: 'Words to find (typos and prefixes allowed); empty browses' })),
  domain: Values('Domain name'),
  archetype: Values('source-aligned, aggregate or consumer-aligned'),
  status: Values('Lifecycle status: proposed, draft, active, deprecated, retired'),
  tag: Values('Product tag'),
  classification: Values('Classification of a column, e.g. pii'),
  owner: Values('Owner team id'),
  freshness: Values('fresh, stale or unknown'),
  limit: Type.Optional(Type.Integer({ description: '1–100, default 20' })),
  offset: Type.Optional(Type.Integer({ description: '0–10000, default 0' })),
});

const FacetCountsSchema = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

const SearchResultsSchema = Type.Object({
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      domain: Type.String(),
      archetype: Type.Union([Type.String(), Type.Null()]),
      status: Type.String(),
      ownerTeam: Type.Union([Type.String(), Type.Null()]),
      description: Type.Union([Type.String(), Type.Null()]),
      score: Type.Number(),
      matches: Type.Array(Type.Union(SEARCH_FIELDS.map((f) => Type.Literal(f)))),
    }),
  ),
  facets: Type.Object({
    domain: FacetCountsSchema,
    archetype: FacetCountsSchema,
    status: FacetCountsSchema,
    tag: FacetCountsSchema,
    classification: FacetCountsSchema,
    owner: FacetCountsSchema,
    freshness: FacetCountsSchema,
  } satisfies Record<SearchFacet, typeof FacetCountsSchema>),
});

export function searchRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/search',
      {
        schema: {
          summary: 'Search the catalog (text, facets, ranking by relevance and quality)',
          tags: ['products'],
          querystring: SearchQuerySchema,
          response: { 200: SearchResultsSchema, 400: ErrorSchema },
        },
      },
      async (request) => {
        const query = searchQueryFrom(request.query);
        const principal = requirePrincipal(request);
        return services.search.search(
          query,
          (productId) => services.authorizer.isAllowed(principal, 'discover', { kind: 'product', productId }).allowed,
        );
      },
    );
  };
}
