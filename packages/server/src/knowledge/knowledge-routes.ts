/**
 * The knowledge graph over HTTP: entities and the products that describe them, columns bound to
 * a term, join paths between products, identifier compatibility, and the glossary as RDF.
 * Every result holds only products the caller may discover; a product it may not is "not found".
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  closest,
  columnsBoundTo,
  glossaryJsonLd,
  glossaryTurtle,
  identifierCompatibility,
  joinPaths,
  NotFoundError,
  productsDescribing,
  requireTerm,
} from '@meshwork/core';
import type { FastifyRequest } from 'fastify';
import { ErrorSchema } from '../http/api-schemas.js';
import type { PlatformServices } from '../http/platform-services.js';
import { requirePrincipal } from '../http/request-principal.js';
import { discoverableBy, knowledgeIndexFor } from './knowledge-index-for.js';
import {
  CompatibilityResponseSchema,
  EntityResponseSchema,
  JoinPathsResponseSchema,
  TermColumnsResponseSchema,
} from './knowledge-schemas.js';

const errors = { 400: ErrorSchema, 404: ErrorSchema };

export function knowledgeRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  const index = () => knowledgeIndexFor(services.model);
  const visible = (request: FastifyRequest) => ({
    visible: discoverableBy(services.authorizer, requirePrincipal(request)),
  });
  return async (app) => {
    app.get(
      '/api/v1/glossary/entities/:name',
      {
        schema: {
          summary: 'A glossary entity and the products that describe it (about it first, then referencing it)',
          tags: ['glossary'],
          params: Type.Object({ name: Type.String({ description: 'Entity name, e.g. Customer' }) }),
          response: { 200: EntityResponseSchema, ...errors },
        },
      },
      async (request) => {
        const { name } = request.params;
        const entity = index().model.glossary.entities.get(name);
        if (!entity) {
          const hint = closest(name, index().model.glossary.entities.keys());
          throw new NotFoundError('MW8601', `no glossary entity "${name}": change {name} in the path${hint}`);
        }
        // Core results are deeply readonly; the response schema describes the same shape.
        return { entity: { ...entity }, products: productsDescribing(index(), name, visible(request)) } as never;
      },
    );

    app.get(
      '/api/v1/glossary/terms/:term/columns',
      {
        schema: {
          summary: 'Columns bound to a glossary term (Customer.customer_id, Customer, a term or a metric)',
          tags: ['glossary'],
          params: Type.Object({ term: Type.String() }),
          response: { 200: TermColumnsResponseSchema, ...errors },
        },
      },
      async (request) => {
        const { term } = request.params;
        const { kind } = requireTerm(index(), term);
        return { term, kind, columns: columnsBoundTo(index(), term, visible(request)) } as never;
      },
    );

    app.get(
      '/api/v1/glossary/identifiers/:term/compatibility',
      {
        schema: {
          summary: 'Whether every column bound to a glossary identifier has its type, format and pattern',
          tags: ['glossary'],
          params: Type.Object({ term: Type.String({ description: 'Entity.identifier, e.g. Customer.customer_id' }) }),
          response: { 200: CompatibilityResponseSchema, ...errors },
        },
      },
      async (request) => identifierCompatibility(index(), request.params.term, visible(request)) as never,
    );

    app.get(
      '/api/v1/graph/join-paths',
      {
        schema: {
          summary: 'Ranked join paths between two products through shared glossary identifiers, with the SQL',
          tags: ['glossary'],
          querystring: Type.Object({
            from: Type.String({ description: 'domain.product' }),
            to: Type.String({ description: 'domain.product' }),
            maxHops: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, default: 3 })),
          }),
          response: { 200: JoinPathsResponseSchema, ...errors },
        },
      },
      async (request) => {
        const { from, to, maxHops = 3 } = request.query;
        return joinPaths(index(), from, to, { maxHops, ...visible(request) }) as never;
      },
    );

    app.get(
      '/api/v1/glossary.jsonld',
      { schema: { summary: 'The glossary as JSON-LD (SKOS), with bound products and columns', tags: ['glossary'] } },
      async (request, reply) =>
        reply.type('application/ld+json').send(JSON.stringify(glossaryJsonLd(index(), visible(request)))),
    );

    app.get(
      '/api/v1/glossary.ttl',
      { schema: { summary: 'The glossary as Turtle (SKOS), with bound products and columns', tags: ['glossary'] } },
      async (request, reply) =>
        reply.type('text/turtle; charset=utf-8').send(glossaryTurtle(index(), visible(request))),
    );
  };
}
