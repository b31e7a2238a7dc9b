/**
 * `GET /api/v1/products/{id}/contracts/{contractId}/versions/{version}`: one version of one of a
 * product's contracts — a registered version as published, or `workspace` — as JSON and as YAML,
 * for the portal's contract tab (product-detail/contract-version-document.ts). An unknown or
 * undiscoverable product is the same 404 as in products-routes.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contractVersionDocument } from '../../product-detail/index.js';
import { ErrorSchema } from '../api-schemas.js';
import type { PlatformServices } from '../platform-services.js';
import { discoverableProduct } from './products-routes.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const ContractVersionSchema = Type.Object({
  productId: Type.String({ examples: ['sales.orders'] }),
  contractId: Type.String(),
  port: Type.String({ description: 'the output port whose contract it is' }),
  major: Type.Integer(),
  version: Type.String({ description: 'the version asked for: a registered version, or workspace' }),
  documentVersion: Nullable(Type.String({ description: "the document's own version field" })),
  registered: Type.Boolean({ description: 'false for the workspace document' }),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  publishedBy: Nullable(Type.String()),
  document: Type.Record(Type.String(), Type.Unknown(), { description: 'the ODCS document (registered: as published)' }),
  yaml: Type.String({ description: "the same document as YAML, keys in the workspace document's order" }),
});

export function contractVersionRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/products/:id/contracts/:contractId/versions/:version',
      {
        schema: {
          summary: "One version of a product's contract, as JSON and YAML (a registered version, or workspace)",
          tags: ['products'],
          params: Type.Object({
            id: Type.String({ description: 'domain.product' }),
            contractId: Type.String({ description: "the contract's id (ODCS `id`)" }),
            version: Type.String({ description: 'a version registered by `mesh publish`, or workspace' }),
          }),
          response: { 200: ContractVersionSchema, 401: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (request) => {
        const { id, contractId, version } = request.params;
        const product = discoverableProduct(services, request, id);
        return (await contractVersionDocument(services.store, product, contractId, version)) as never;
      },
    );
  };
}
