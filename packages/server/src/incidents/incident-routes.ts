/**
 * Incidents over HTTP: `GET /api/v1/incidents` across the products the caller may discover, and
 * `GET /api/v1/products/{id}/incidents` for one. Read-only and derived on each request from the
 * status and run histories: across products from the store's breach index (breach-incident-page.ts),
 * for one product from its whole history (incident-reader.ts).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorSchema, PageQuerySchema } from '../http/api-schemas.js';
import type { PlatformServices } from '../http/platform-services.js';
import type { Principal } from '../identity/principal.js';
import { requirePrincipal } from '../http/request-principal.js';
import { discoverableProduct } from '../http/routes/products-routes.js';
import { breachIncidentPage } from './breach-incident-page.js';
import { incidentPage } from './incident-page.js';
import { listIncidents, productIncidents } from './incident-reader.js';
import { IncidentSchema } from './incident-schemas.js';

const StatusFilter = Type.Optional(
  Type.Union([Type.Literal('open'), Type.Literal('resolved')], { description: 'open or resolved only' }),
);

export function incidentRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/incidents',
      {
        schema: {
          summary:
            'Incidents — periods when a product was failing (a run failed) or stale (a missed freshness SLO) — newest first, for the products the caller may discover',
          tags: ['incidents'],
          querystring: Type.Intersect([
            PageQuerySchema,
            Type.Object({
              status: StatusFilter,
              product: Type.Optional(Type.String({ description: 'domain.product' })),
            }),
          ]),
          response: {
            200: Type.Object({ items: Type.Array(IncidentSchema), next: Type.Optional(Type.String()) }),
            400: ErrorSchema,
            404: ErrorSchema,
          },
        },
      },
      async (request) => {
        const { status, product, after, limit = 100 } = request.query;
        // Incidents are readonly records; the response schema describes the same shape.
        if (product) {
          const ids = [discoverableProduct(services, request, product).id];
          return incidentPage(await listIncidents(services.store, ids, status), limit, after) as never;
        }
        const visible = discoverableBy(services, requirePrincipal(request));
        return (await breachIncidentPage(services.store, { visible, status, limit, after })) as never;
      },
    );

    app.get(
      '/api/v1/products/:id/incidents',
      {
        schema: {
          summary: "A product's incidents, newest first: when it was failing or stale, why, and when it recovered",
          tags: ['incidents'],
          params: Type.Object({ id: Type.String() }),
          querystring: Type.Object({ status: StatusFilter }),
          response: { 200: Type.Object({ items: Type.Array(IncidentSchema) }), 404: ErrorSchema },
        },
      },
      async (request) => {
        const { id } = discoverableProduct(services, request, request.params.id);
        const { status } = request.query;
        const items = (await productIncidents(services.store, id)).filter((i) => !status || i.status === status);
        return { items } as never;
      },
    );
  };
}

/** Whether the principal may discover a product of the mesh; each product decided once per request. */
function discoverableBy(services: PlatformServices, principal: Principal): (productId: string) => boolean {
  const decided = new Map<string, boolean>();
  return (productId) => {
    let allowed = decided.get(productId);
    if (allowed === undefined) {
      allowed =
        services.model.products.has(productId) &&
        services.authorizer.isAllowed(principal, 'discover', { kind: 'product', productId }).allowed;
      decided.set(productId, allowed);
    }
    return allowed;
  };
}
