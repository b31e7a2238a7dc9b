/**
 * `GET /api/v1/catalog/dcat`: the catalog as DCAT-3 JSON-LD (application/ld+json) for other
 * catalogs to harvest. Only products the caller may discover are listed (and linked). Keyset
 * paged like the products list: each page is a `dcat:Catalog` with a `hydra:PartialCollectionView`
 * whose `hydra:next` is the next page, so 100k products are harvested in bounded responses.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { buildDcatCatalog, dcatCatalogId, JSON_LD_MEDIA_TYPE, type DataProduct } from '@meshwork/core';
import { FORMAT_MEDIA_TYPES } from '../../gateway/encoders/result-formats.js';
import type { PlatformServices } from '../platform-services.js';
import { requirePrincipal } from '../request-principal.js';

export const DCAT_PAGE_LIMIT = { default: 1000, maximum: 5000 } as const;

export function catalogRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/catalog/dcat',
      {
        schema: {
          summary: 'The catalog as DCAT-3 JSON-LD, one page of datasets at a time',
          description:
            'A `dcat:Catalog` of the data products you may discover, one `dcat:Dataset` each. Follow `hydra:view` → `hydra:next` for the next page. Mapping: docs/reference/dcat-export.md.',
          tags: ['products'],
          querystring: Type.Object({
            after: Type.Optional(Type.String({ description: 'product id to continue after (from `hydra:next`)' })),
            limit: Type.Optional(
              Type.Integer({ minimum: 1, maximum: DCAT_PAGE_LIMIT.maximum, default: DCAT_PAGE_LIMIT.default }),
            ),
          }),
          produces: [JSON_LD_MEDIA_TYPE],
        },
      },
      async (request, reply) => {
        const { after, limit = DCAT_PAGE_LIMIT.default } = request.query;
        const principal = requirePrincipal(request);
        const visible = new Map<string, boolean>();
        const isVisible = (productId: string): boolean => {
          let allowed = visible.get(productId);
          if (allowed === undefined) {
            allowed = services.authorizer.isAllowed(principal, 'discover', { kind: 'product', productId }).allowed;
            visible.set(productId, allowed);
          }
          return allowed;
        };
        // The products map is sorted by id: scan past the cursor, stop one past the page.
        const page: DataProduct[] = [];
        let more = false;
        for (const p of services.model.products.values()) {
          if ((after !== undefined && p.id <= after) || !isVisible(p.id)) continue;
          if (page.length === limit) {
            more = true;
            break;
          }
          page.push(p);
        }
        const baseUrl = `${request.protocol}://${request.host}`;
        const id = dcatCatalogId(baseUrl);
        const pageUrl = (cursor?: string): string =>
          `${id}?limit=${limit}${cursor === undefined ? '' : `&after=${encodeURIComponent(cursor)}`}`;
        const document = buildDcatCatalog(services.model, {
          baseUrl,
          mediaTypes: Object.values(FORMAT_MEDIA_TYPES),
          isVisible,
          products: page,
          view: { self: pageUrl(after), first: pageUrl(), ...(more ? { next: pageUrl(page.at(-1)!.id) } : {}) },
        });
        return reply.type(JSON_LD_MEDIA_TYPE).send(JSON.stringify(document));
      },
    );
  };
}
