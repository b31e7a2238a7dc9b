/**
 * `GET /api/v1/lineage/{ref}` (the nodes and edges around a node), `GET /api/v1/impact/{ref}`
 * (what a change to it would affect, and who consumes that) and `GET /api/v1/lineage/events`
 * (the OpenLineage events accepted from other tools; administrators). The reference is one path
 * segment: URL-encode it (`s3%3A%2F%2Flake%2Fb` for `s3://lake/b`).
 *
 * A node of a product the caller may not discover is "not found", exactly like an unknown one;
 * in results such nodes are left out and counted in `hidden`. Who consumes a product is shown to
 * those who may approve access to it; others get counts (`consumers.withheld`).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotAllowedError, ROW_TRANSFORMS, VALUE_TRANSFORMS } from '@meshwork/core';
import type { PlatformServices } from '../http/platform-services.js';
import { ErrorSchema, PageQuerySchema } from '../http/api-schemas.js';
import { requirePrincipal } from '../http/request-principal.js';
import type { Principal } from '../identity/principal.js';
import { DATASET_KINDS, EDGE_KINDS, EDGE_SOURCES, NODE_KINDS } from './lineage-graph.js';
import type { LineageAccess } from './lineage-view-types.js';
import { DEFAULT_DEPTH, MAX_DEPTH } from './query-lineage.js';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Distance = Type.Integer({ minimum: 0 });
const Direction = Type.Union([Type.Literal('upstream'), Type.Literal('downstream'), Type.Literal('both')]);

const NodeSchema = Type.Object({
  ref: Type.String({ description: 'what lineage and impact take', examples: ['sales.orders.orders@1.amount'] }),
  kind: literals(NODE_KINDS),
  productId: Type.Optional(Type.String()),
  port: Type.Optional(Type.String()),
  major: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.String()),
  dataset: Type.Optional(
    Type.Object({ kind: literals(DATASET_KINDS), namespace: Type.Optional(Type.String()), name: Type.String() }),
  ),
  upstream: Type.Optional(Type.Integer({ minimum: 0, description: 'hops upstream of the node asked about' })),
  downstream: Type.Optional(Type.Integer({ minimum: 0, description: 'hops downstream of the node asked about' })),
  unresolved: Type.Optional(Type.String({ description: "why this node's lineage is incomplete" })),
});

const EdgeSchema = Type.Object({
  from: Type.String(),
  to: Type.String({ description: 'data flows from → to' }),
  kind: literals(EDGE_KINDS),
  transform: Type.Optional(literals([...VALUE_TRANSFORMS, ...ROW_TRANSFORMS])),
  source: literals(EDGE_SOURCES),
  unresolved: Type.Optional(
    Type.String({ description: "set on a fallback edge: the target's column lineage is unknown" }),
  ),
});

const LineageSchema = Type.Object({
  ref: Type.String(),
  node: NodeSchema,
  direction: Direction,
  depth: Type.Integer(),
  columns: Type.Boolean(),
  nodes: Type.Array(NodeSchema),
  edges: Type.Array(EdgeSchema),
  hidden: Type.Integer({ description: 'nodes left out: their products are not discoverable by you' }),
  truncated: Type.Boolean({ description: 'the walk stopped at 10,000 nodes' }),
});

const ImpactSchema = Type.Object({
  ref: Type.String(),
  node: NodeSchema,
  products: Type.Array(Type.Object({ productId: Type.String(), distance: Distance })),
  ports: Type.Array(
    Type.Object({
      ref: Type.String(),
      productId: Type.String(),
      port: Type.String(),
      major: Type.Integer(),
      distance: Distance,
    }),
  ),
  columns: Type.Array(
    Type.Object({
      ref: Type.String(),
      productId: Type.Optional(Type.String()),
      port: Type.Optional(Type.String()),
      major: Type.Optional(Type.Integer()),
      dataset: Type.Optional(Type.String()),
      column: Type.String(),
      distance: Distance,
    }),
  ),
  datasets: Type.Array(Type.Object({ ref: Type.String(), kind: literals(DATASET_KINDS), distance: Distance })),
  consumers: Type.Object({
    since: Type.String({ format: 'date-time', description: 'queriers are counted from then on' }),
    agreements: Type.Array(
      Type.Object({
        id: Type.String(),
        principalId: Type.String(),
        productId: Type.String(),
        port: Type.String(),
        major: Type.Integer(),
        purpose: Type.String(),
        startsAt: Type.String({ format: 'date-time' }),
        endsAt: Type.String({ format: 'date-time' }),
      }),
      { description: 'agreements in force on an affected port' },
    ),
    queriers: Type.Array(
      Type.Object({
        principalId: Type.String(),
        productId: Type.String(),
        queries: Type.Integer(),
        lastQueryAt: Type.String({ format: 'date-time' }),
        purposes: Type.Array(Type.String()),
      }),
    ),
    owners: Type.Array(Type.Object({ team: Type.String(), products: Type.Array(Type.String()) })),
    withheld: Type.Array(
      Type.Object({
        productId: Type.String(),
        activeAgreements: Type.Integer(),
        queriers: Type.Integer(),
        reason: Type.String(),
      }),
      { description: 'products whose consumers you may not see (you may not approve access to them): counts' },
    ),
  }),
  unresolved: Type.Array(Type.Object({ ref: Type.String(), reason: Type.String() })),
  hidden: Type.Integer({ description: 'affected products left out: you may not discover them' }),
  truncated: Type.Boolean(),
});

const EventSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  eventType: Type.String(),
  eventTime: Type.String({ format: 'date-time' }),
  producer: Type.String(),
  jobNamespace: Type.Union([Type.String(), Type.Null()]),
  jobName: Type.Union([Type.String(), Type.Null()]),
  runId: Type.Union([Type.String(), Type.Null()]),
  body: Type.Unknown({ description: 'the event as received' }),
  receivedBy: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
});

const RefParams = Type.Object({
  ref: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'sales.orders, sales.orders.orders[@2], sales.orders.orders.amount or <namespace>/<name>, URL-encoded',
  }),
});
const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema };

/** What the principal may see of the lineage: its discoverable products, and consumers where it may approve. */
export function lineageAccess(services: PlatformServices, principal: Principal): LineageAccess {
  return {
    discover: (productId) =>
      services.authorizer.isAllowed(principal, 'discover', { kind: 'product', productId }).allowed,
    seeConsumers: (productId) =>
      services.authorizer.isAllowed(principal, 'approve', { kind: 'product', productId }).allowed,
  };
}

export function lineageRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/lineage/events',
      {
        schema: {
          summary: 'OpenLineage events accepted from other tools, oldest first (administrators)',
          tags: ['lineage'],
          querystring: PageQuerySchema,
          response: {
            200: Type.Object({ items: Type.Array(EventSchema), next: Type.Optional(Type.String()) }),
            ...errors,
            403: ErrorSchema,
          },
        },
      },
      async (request) => {
        const decision = services.authorizer.isAllowed(requirePrincipal(request), 'administer', { kind: 'mesh' });
        if (!decision.allowed) {
          throw new NotAllowedError(
            'MW8824',
            `accepted lineage events are for administrators: ${decision.reason ?? ''}`,
          );
        }
        const page = await services.store.listLineageEvents(request.query);
        return { items: [...page.items], ...(page.next === undefined ? {} : { next: page.next }) };
      },
    );

    app.get(
      '/api/v1/lineage/:ref',
      {
        schema: {
          summary: 'Lineage of a product, port, column or external dataset: nodes and edges up- and downstream',
          tags: ['lineage'],
          params: RefParams,
          querystring: Type.Object({
            direction: Type.Optional(Direction),
            depth: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_DEPTH, default: DEFAULT_DEPTH })),
            columns: Type.Optional(Type.Boolean({ description: 'follow column lineage too (always for a column)' })),
          }),
          response: { 200: LineageSchema, ...errors },
        },
      },
      async (request) => {
        const access = lineageAccess(services, requirePrincipal(request));
        const result = services.lineage.lineage(request.params.ref, request.query, access);
        return { ...result, nodes: [...result.nodes], edges: [...result.edges] };
      },
    );

    app.get(
      '/api/v1/impact/:ref',
      {
        schema: {
          summary: 'What a change to a product, port or column would affect downstream, and who consumes it',
          tags: ['lineage'],
          params: RefParams,
          response: { 200: ImpactSchema, ...errors },
        },
      },
      async (request) => {
        const access = lineageAccess(services, requirePrincipal(request));
        return (await services.lineage.impact(request.params.ref, access)) as never;
      },
    );
  };
}
