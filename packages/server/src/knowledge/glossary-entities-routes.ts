/**
 * `GET /api/v1/glossary/entities`: every glossary entity in one short list — its identifiers,
 * synonyms and how many products the caller may discover describe it — for browsing (the
 * portal's glossary page); one entity in full is `GET /api/v1/glossary/entities/{name}`.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { productsDescribing } from '@meshwork/core';
import type { PlatformServices } from '../http/platform-services.js';
import { requirePrincipal } from '../http/request-principal.js';
import { discoverableBy, knowledgeIndexFor } from './knowledge-index-for.js';

const EntitySummarySchema = Type.Object({
  name: Type.String({ examples: ['Customer'] }),
  urn: Type.String(),
  description: Type.String(),
  synonyms: Type.Array(Type.String()),
  identifiers: Type.Array(Type.String(), { description: 'names of its identifiers, e.g. customer_id' }),
  attributes: Type.Integer({ description: 'how many attributes it has' }),
  relations: Type.Array(Type.String(), { description: 'the entities it relates to' }),
  products: Type.Integer({ description: 'products the caller may discover that describe it' }),
});

export function glossaryEntitiesRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/glossary/entities',
      {
        schema: {
          summary: 'Every glossary entity, by name, with how many products describe it',
          tags: ['glossary'],
          response: { 200: Type.Object({ items: Type.Array(EntitySummarySchema) }) },
        },
      },
      async (request) => {
        const index = knowledgeIndexFor(services.model);
        const visible = discoverableBy(services.authorizer, requirePrincipal(request));
        const entities = [...index.model.glossary.entities.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
        return {
          items: entities.map((e) => ({
            name: e.name,
            urn: e.urn,
            description: e.description,
            synonyms: [...e.synonyms],
            identifiers: e.identifiers.map((i) => i.name),
            attributes: e.attributes.length,
            relations: [...new Set(e.relations.map((r) => r.target))],
            products: productsDescribing(index, e.name, { visible }).length,
          })),
        };
      },
    );
  };
}
