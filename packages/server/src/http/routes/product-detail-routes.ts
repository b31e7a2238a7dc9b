/**
 * `GET /api/v1/products/{id}/health` (the product's health scorecard) and
 * `GET /api/v1/products/{id}/detail` (everything its page shows, for the caller). Both answer
 * 404 for a product the caller may not discover, as products-routes does.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotFoundError } from '@meshwork/core';
import { assembleProductDetail } from '../../product-detail/index.js';
import { ErrorSchema } from '../api-schemas.js';
import type { PlatformServices } from '../platform-services.js';
import { requirePrincipal } from '../request-principal.js';
import { discoverableProduct } from './products-routes.js';

const ProductParams = Type.Object({ id: Type.String({ description: 'domain.product' }) });

const HealthComponentSchema = Type.Object({
  name: Type.Union(['documentation', 'slo', 'quality', 'compliance', 'usage'].map((n) => Type.Literal(n))),
  value: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: 'null when there is no evidence (its weight goes to the others)',
  }),
  weight: Type.Number(),
  summary: Type.String(),
  evidence: Type.Record(Type.String(), Type.Unknown()),
});

export const HealthScorecardSchema = Type.Object({
  productId: Type.String(),
  score: Type.Number({ minimum: 0, maximum: 100 }),
  components: Type.Array(HealthComponentSchema),
  computedAt: Type.String({ format: 'date-time' }),
});

const section = (description: string) => Type.Unknown({ description });

const ProductDetailSchema = Type.Object({
  id: Type.String(),
  urn: Type.String(),
  title: Type.String(),
  domain: Type.String(),
  owner: Type.Union([Type.String(), Type.Null()]),
  lifecycle: Type.String(),
  descriptor: section('the ODPS descriptor as written'),
  contracts: section('per output port: versions, schema with classifications and glossary terms, SLOs'),
  status: section('current freshness status, or null before the first evaluation'),
  slos: section('SLOs per port, as the contracts write them'),
  qualityHistory: section("the last runs' check results"),
  runs: section('recent runs, newest first'),
  snapshots: section('published snapshots per port, newest first'),
  consumers: section('agreements in force (counts only unless you may approve access)'),
  usage: section('usage in the last 30 days (counts only unless you may approve access)'),
  sample: section('up to 10 rows through the gateway as you, or `{allowed: false, reason}`'),
  exampleQueries: section('generated and descriptor-declared example SQL'),
  changelog: section('registered contract versions with the change classification between them'),
  health: Type.Union([HealthScorecardSchema, Type.Null()]),
});

export function productDetailRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/products/:id/health',
      {
        schema: {
          summary: "A product's health scorecard: score 0..100 and its components with evidence",
          tags: ['products'],
          params: ProductParams,
          response: { 200: HealthScorecardSchema, 404: ErrorSchema },
        },
      },
      async (request) => {
        const product = discoverableProduct(services, request, request.params.id);
        const card = await services.health.scorecard(product.id);
        if (!card) throw new NotFoundError('MW8013', `no product "${request.params.id}"`);
        return card as never;
      },
    );

    app.get(
      '/api/v1/products/:id/detail',
      {
        schema: {
          summary: 'Everything a product page shows, for the caller (samples masked for the caller)',
          tags: ['products'],
          params: ProductParams,
          response: { 200: ProductDetailSchema, 404: ErrorSchema },
        },
      },
      async (request) => {
        const product = discoverableProduct(services, request, request.params.id);
        return (await assembleProductDetail(services, requirePrincipal(request), product)) as never;
      },
    );
  };
}
