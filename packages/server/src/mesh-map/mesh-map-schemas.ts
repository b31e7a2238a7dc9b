/** The mesh map's answer as a TypeBox schema: validated, serialised and in the OpenAPI document. */
import { Type } from '@sinclair/typebox';
import { DEFAULT_THRESHOLD, MAX_THRESHOLD } from './mesh-map-params.js';

const Count = Type.Integer({ minimum: 0 });

const DomainSummarySchema = Type.Object({
  name: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()], { description: 'the parent domain of a sub-domain' }),
  products: Type.Integer({ minimum: 1, description: 'products of the domain you may discover' }),
  health: Type.Object(
    { good: Count, fair: Count, poor: Count, unknown: Count },
    { description: 'products per health band: good 75+, fair 50–74, poor below 50, unknown without a scorecard' },
  ),
});

const ProductSchema = Type.Object({
  id: Type.String({ examples: ['sales.orders'] }),
  domain: Type.String(),
  archetype: Type.Union([Type.String(), Type.Null()]),
  health: Type.Union([Type.Number(), Type.Null()], { description: 'health score 0–100; null without a scorecard' }),
});

const ProductEdgeSchema = Type.Object({
  from: Type.String(),
  to: Type.String({ description: 'reads a port of `from`' }),
});

export const MeshMapQuerySchema = Type.Object({
  threshold: Type.Optional(
    Type.String({
      description: `visible products up to which the whole mesh is answered product by product (0–${MAX_THRESHOLD}, default ${DEFAULT_THRESHOLD}); above it, domain by domain`,
      examples: ['1500', '0'],
    }),
  ),
  domain: Type.Optional(Type.String({ description: "drill down: one domain's products and edges" })),
});

export const MeshMapSchema = Type.Object({
  detail: Type.Union([Type.Literal('products'), Type.Literal('domains'), Type.Literal('domain')], {
    description:
      'products: every product and product edge; domains: domains and domain edges; domain: the drill-down into `domain`',
  }),
  threshold: Count,
  domain: Type.Optional(Type.String({ description: 'the domain drilled into' })),
  visibleProducts: Type.Integer({ minimum: 0, description: 'products in scope you may discover' }),
  hidden: Type.Integer({ minimum: 0, description: 'products in scope left out: you may not discover them' }),
  hiddenEdges: Type.Integer({
    minimum: 0,
    description: 'product edges left out: one end is a product you may not discover',
  }),
  domains: Type.Array(DomainSummarySchema, { description: 'domains with a product you may discover' }),
  products: Type.Optional(Type.Array(ProductSchema, { description: 'detail products and domain' })),
  edges: Type.Optional(
    Type.Array(ProductEdgeSchema, { description: 'detail products and domain: product → product, each pair once' }),
  ),
  domainEdges: Type.Optional(
    Type.Array(Type.Object({ from: Type.String(), to: Type.String(), edges: Type.Integer({ minimum: 1 }) }), {
      description: 'detail domains: domain → domain, with the number of product edges behind it',
    }),
  ),
  crossEdges: Type.Optional(
    Type.Array(
      Type.Object({
        product: Type.String(),
        domain: Type.String(),
        direction: Type.Union([Type.Literal('downstream'), Type.Literal('upstream')], {
          description: 'downstream: the product feeds that domain; upstream: it reads from it',
        }),
        edges: Type.Integer({ minimum: 1 }),
      }),
      { description: "detail domain: the product's edges to other domains, folded per domain" },
    ),
  ),
});
