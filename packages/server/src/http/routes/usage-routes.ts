/**
 * Usage metering: `GET /api/v1/products/{id}/usage` (who consumes the product since a time, per
 * consumer), `GET /api/v1/products/{id}/usage/queries` (its recent queries) — both for those who
 * may approve access to the product — and `GET /api/v1/me/usage` (my own queries).
 * An unknown or undiscoverable product is the same 404 as in products-routes.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Page } from '../../metadata/metadata-types.js';
import { QUERY_USAGE_STATUSES, type QueryUsageRecord } from '../../metadata/usage-types.js';
import { requireUsageAccess } from '../../usage/usage-access.js';
import { parseUsageSince } from '../../usage/usage-period.js';
import { ErrorSchema, PageQuerySchema } from '../api-schemas.js';
import type { PlatformServices } from '../platform-services.js';
import { requirePrincipal } from '../request-principal.js';
import { discoverableProduct } from './products-routes.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const ConsumerUsageSchema = Type.Object({
  principalId: Type.String({ description: 'the consumer: a user or service account' }),
  queries: Type.Integer(),
  failed: Type.Integer(),
  cancelled: Type.Integer(),
  rows: Type.Integer({ description: 'rows returned' }),
  bytes: Type.Integer({ description: 'estimated result bytes' }),
  durationMs: Type.Integer({ description: 'total query time' }),
  lastQueryAt: Type.String({ format: 'date-time' }),
  purposes: Type.Array(Type.String(), { description: 'distinct purposes (at most 50)' }),
  agreementIds: Type.Array(Type.String(), { description: 'agreements that granted the reads (at most 50)' }),
});

const ProductUsageSchema = Type.Object({
  productId: Type.String({ examples: ['sales.orders'] }),
  since: Type.String({ format: 'date-time' }),
  consumers: Type.Array(ConsumerUsageSchema, { description: 'most queries first' }),
});

const QueryUsageSchema = Type.Object({
  queryId: Type.String({ format: 'uuid', description: 'shared by the products one query read' }),
  principalId: Type.String(),
  productId: Type.String(),
  ports: Type.Array(Type.Object({ port: Type.String(), major: Type.Integer() })),
  purpose: Nullable(Type.String()),
  agreementIds: Type.Array(Type.String()),
  rows: Type.Integer(),
  bytes: Type.Integer(),
  durationMs: Type.Integer(),
  status: Type.Union(QUERY_USAGE_STATUSES.map((s) => Type.Literal(s))),
  errorCode: Nullable(Type.String()),
  startedAt: Type.String({ format: 'date-time' }),
});

const MyQueryUsageSchema = Type.Intersect([
  QueryUsageSchema,
  Type.Object({
    authenticatedBy: Type.String({ description: 'how the query was authenticated: `token:<id>`, `oidc` or `local`' }),
  }),
]);

const page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), next: Type.Optional(Type.String()) });

const ProductParams = Type.Object({ id: Type.String({ description: 'domain.product' }) });
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

type QueryUsageJson = Static<typeof QueryUsageSchema>;

export function usageRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  /** The product's id once the principal may see its usage: 404 before 403, as for any product. */
  const authorized = (request: FastifyRequest, id: string): string => {
    const product = discoverableProduct(services, request, id);
    requireUsageAccess(services.authorizer, requirePrincipal(request), product.id);
    return product.id;
  };

  return async (app) => {
    app.get(
      '/api/v1/products/:id/usage',
      {
        schema: {
          summary: 'Who consumes a product and how, per consumer (those who may approve access to it)',
          tags: ['usage'],
          params: ProductParams,
          querystring: Type.Object({
            since: Type.Optional(
              Type.String({ description: 'ISO-8601 time, a date, or a period back from now (30d, 12h); default 30d' }),
            ),
          }),
          response: { 200: ProductUsageSchema, ...errors },
        },
      },
      async (request) => {
        const productId = authorized(request, request.params.id);
        const since = parseUsageSince(request.query.since, new Date());
        const consumers = await services.store.summarizeQueryUsage(productId, since);
        return {
          productId,
          since: since.toISOString(),
          consumers: consumers.map((c) => ({ ...c, purposes: [...c.purposes], agreementIds: [...c.agreementIds] })),
        };
      },
    );

    app.get(
      '/api/v1/products/:id/usage/queries',
      {
        schema: {
          summary: "A product's recent queries, newest first (those who may approve access to it)",
          tags: ['usage'],
          params: ProductParams,
          querystring: PageQuerySchema,
          response: { 200: page(QueryUsageSchema), ...errors },
        },
      },
      async (request) => {
        const productId = authorized(request, request.params.id);
        const { after, limit } = request.query;
        return pageJson(await services.store.listQueryUsage({ productId, after, limit }), queryJson);
      },
    );

    app.get(
      '/api/v1/me/usage',
      {
        schema: {
          summary: 'My recent queries, newest first',
          tags: ['usage'],
          querystring: PageQuerySchema,
          response: { 200: page(MyQueryUsageSchema), ...errors },
        },
      },
      async (request) => {
        const principalId = requirePrincipal(request).id;
        const { after, limit } = request.query;
        return pageJson(await services.store.listQueryUsage({ principalId, after, limit }), (usage) => ({
          ...queryJson(usage),
          authenticatedBy: usage.authenticatedBy,
        }));
      },
    );
  };
}

/** Owners see which consumer ran what, not which of the consumer's tokens it used. */
function queryJson(usage: QueryUsageRecord): QueryUsageJson {
  return {
    queryId: usage.queryId,
    principalId: usage.principalId,
    productId: usage.productId,
    ports: [...usage.ports],
    purpose: usage.purpose,
    agreementIds: [...usage.agreementIds],
    rows: usage.rows,
    bytes: usage.bytes,
    durationMs: usage.durationMs,
    status: usage.status,
    errorCode: usage.errorCode,
    startedAt: usage.startedAt,
  };
}

function pageJson<T>(result: Page<QueryUsageRecord>, toJson: (usage: QueryUsageRecord) => T) {
  return { items: result.items.map(toJson), ...(result.next === undefined ? {} : { next: result.next }) };
}
