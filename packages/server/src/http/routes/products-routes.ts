/** `GET /api/v1/products` (keyset-paginated, filterable by domain) and `GET /api/v1/products/{id}`. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotFoundError, type DataProduct } from '@meshwork/core';
import { ErrorSchema, PageQuerySchema, ProductSummarySchema, type ProductSummary } from '../api-schemas.js';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../identity/principal.js';
import type { PlatformServices } from '../platform-services.js';
import { requirePrincipal } from '../request-principal.js';

/** Whether the principal may discover a product: everything else about it depends on that. */
function discoverable(services: PlatformServices, principal: Principal): (product: DataProduct) => boolean {
  return (product) =>
    services.authorizer.isAllowed(principal, 'discover', { kind: 'product', productId: product.id }).allowed;
}

/** The product, or the same 404 as for an unknown id when the principal may not discover it. */
export function discoverableProduct(services: PlatformServices, request: FastifyRequest, id: string): DataProduct {
  const product = services.model.products.get(id);
  if (!product || !discoverable(services, requirePrincipal(request))(product)) {
    throw new NotFoundError('MW8013', `no product "${id}"`);
  }
  return product;
}

export function productsRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/products',
      {
        schema: {
          summary: 'List data products',
          tags: ['products'],
          querystring: Type.Intersect([PageQuerySchema, Type.Object({ domain: Type.Optional(Type.String()) })]),
          response: {
            200: Type.Object({ items: Type.Array(ProductSummarySchema), next: Type.Optional(Type.String()) }),
          },
        },
      },
      async (request) => {
        const { after, limit = 100, domain } = request.query;
        const mayDiscover = discoverable(services, requirePrincipal(request));
        // The model's products map is sorted by id: a cursor is the last id of the previous page.
        // Only products the principal may discover are listed; the scan stops one past the page.
        const page: DataProduct[] = [];
        let more = false;
        for (const p of services.model.products.values()) {
          if ((domain !== undefined && p.domain !== domain) || (after !== undefined && p.id <= after)) continue;
          if (!mayDiscover(p)) continue;
          if (page.length === limit) {
            more = true;
            break;
          }
          page.push(p);
        }
        const items = await Promise.all(page.map((p) => summary(services, p)));
        return { items, ...(more ? { next: page[page.length - 1]!.id } : {}) };
      },
    );

    app.get(
      '/api/v1/products/:id',
      {
        schema: {
          summary: 'One data product',
          tags: ['products'],
          params: Type.Object({ id: Type.String({ description: 'domain.product' }) }),
          response: { 200: ProductSummarySchema, 404: ErrorSchema },
        },
      },
      async (request) => {
        return summary(services, discoverableProduct(services, request, request.params.id));
      },
    );

    app.get(
      '/api/v1/products/:id/status',
      {
        schema: {
          summary: "A product's status history (fresh, stale, failing), newest first",
          tags: ['products'],
          params: Type.Object({ id: Type.String() }),
          querystring: PageQuerySchema,
          response: {
            200: Type.Object({
              items: Type.Array(Type.Object({ status: Type.String(), reason: Type.String(), at: Type.String() })),
              next: Type.Optional(Type.String()),
            }),
            404: ErrorSchema,
          },
        },
      },
      async (request) => {
        discoverableProduct(services, request, request.params.id);
        const page = await services.store.listProductStatus(request.params.id, request.query);
        return {
          items: page.items.map(({ status, reason, at }) => ({ status, reason, at })),
          ...(page.next ? { next: page.next } : {}),
        };
      },
    );
  };
}

async function summary(services: PlatformServices, p: DataProduct): Promise<ProductSummary> {
  const status = await services.store.getProductStatus(p.id);
  return {
    id: p.id,
    urn: p.urn,
    title: p.title,
    domain: p.domain,
    archetype: p.archetype ?? null,
    lifecycle: p.status,
    version: p.version ?? null,
    owner: p.ownerTeam ?? null,
    description: p.description ?? null,
    tags: [...p.tags],
    outputPorts: p.outputPorts.map((o) => ({
      name: o.name,
      version: o.version,
      major: o.major,
      contractId: o.contractId ?? null,
    })),
    status: status?.status ?? null,
  };
}
