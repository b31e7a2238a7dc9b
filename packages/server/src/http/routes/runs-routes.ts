/** Run history: `GET /api/v1/runs`, `GET /api/v1/runs/{id}`. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotFoundError } from '@meshwork/core';
import { ErrorSchema, PageQuerySchema, RunSchema } from '../api-schemas.js';
import type { PlatformServices } from '../platform-services.js';
import { requirePrincipal } from '../request-principal.js';

export function runsRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/runs',
      {
        schema: {
          summary: 'List runs, newest first',
          tags: ['runs'],
          querystring: Type.Intersect([
            PageQuerySchema,
            Type.Object({
              product: Type.Optional(Type.String({ description: 'domain.product' })),
              status: Type.Optional(
                Type.Union(['running', 'succeeded', 'failed', 'cancelled'].map((s) => Type.Literal(s))),
              ),
            }),
          ]),
          response: { 200: Type.Object({ items: Type.Array(RunSchema), next: Type.Optional(Type.String()) }) },
        },
      },
      async (request) => {
        const { product, status, after, limit } = request.query;
        const page = await services.store.listRuns({ productId: product, status: status as never, after, limit });
        // Runs of products the principal may not discover are left out (a page may come back short).
        const principal = requirePrincipal(request);
        const items = page.items.filter(
          (run) =>
            services.authorizer.isAllowed(principal, 'discover', { kind: 'product', productId: run.productId }).allowed,
        );
        return { items: items as never, ...(page.next ? { next: page.next } : {}) };
      },
    );

    app.get(
      '/api/v1/runs/:id',
      {
        schema: {
          summary: 'One run: status, timings, rows, every check, the snapshots it produced',
          tags: ['runs'],
          params: Type.Object({ id: Type.String() }),
          response: { 200: RunSchema, 404: ErrorSchema },
        },
      },
      async (request) => {
        const run = await services.store.getRun(request.params.id);
        const visible =
          run &&
          services.authorizer.isAllowed(requirePrincipal(request), 'discover', {
            kind: 'product',
            productId: run.productId,
          }).allowed;
        if (!visible) throw new NotFoundError('MW6121', `no run "${request.params.id}"`);
        return run as never;
      },
    );
  };
}
