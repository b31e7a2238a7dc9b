/**
 * `GET /api/v1/products/{id}/diff`: what changed in a product's contracts, classified breaking /
 * risky / non-breaking — `mesh diff` over HTTP (changes/contract-diff.ts). By default the newest
 * published version of each port's contract against the server's workspace. An unknown or
 * undiscoverable product is the same 404 as in products-routes.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CHANGE_SEVERITIES } from '@meshwork/core';
import { diffProductContracts } from '../../changes/contract-diff.js';
import { ErrorSchema } from '../api-schemas.js';
import type { PlatformServices } from '../platform-services.js';
import { discoverableProduct } from './products-routes.js';

const Overall = Type.Union([...CHANGE_SEVERITIES.map((s) => Type.Literal(s)), Type.Literal('none')], {
  description: 'the worst severity of the changes; none without changes',
});

const ContractChangeSchema = Type.Object({
  kind: Type.String({ description: 'stable change kind, e.g. column-removed (docs/reference/contract-changes.md)' }),
  severity: Type.Union(CHANGE_SEVERITIES.map((s) => Type.Literal(s))),
  table: Type.Optional(Type.String()),
  column: Type.Optional(Type.String({ description: 'dotted for nested properties, [] for array items' })),
  pointer: Type.String({ description: 'JSON pointer: in the new document when the changed thing exists there' }),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
  explanation: Type.String(),
});

const PortDiffSchema = Type.Object({
  port: Type.String(),
  major: Type.Integer(),
  contractId: Type.String(),
  fromPort: Type.Optional(Type.String({ description: 'name@major of the port compared from, when another port' })),
  from: Type.Union([Type.String(), Type.Null()], {
    description: 'the version compared from, or workspace; null when nothing was published yet',
  }),
  to: Type.String({ description: 'the version compared to, or workspace' }),
  overall: Overall,
  changes: Type.Array(ContractChangeSchema),
  note: Type.Optional(Type.String()),
});

const QueryText = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));

export function contractDiffRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/products/:id/diff',
      {
        schema: {
          summary: "What changed in a product's contracts, classified breaking / risky / non-breaking",
          tags: ['products'],
          params: Type.Object({ id: Type.String({ description: 'domain.product' }) }),
          querystring: Type.Object({
            port: QueryText('only this output port: name, or name@major'),
            fromPort: QueryText("compare from this port's contract (e.g. orders@1 against orders@2)"),
            from: QueryText('a registered version, or workspace (default: the newest registered version)'),
            to: QueryText('a registered version, or workspace (the default)'),
          }),
          response: {
            200: Type.Object({ productId: Type.String(), overall: Overall, ports: Type.Array(PortDiffSchema) }),
            400: ErrorSchema,
            401: ErrorSchema,
            404: ErrorSchema,
          },
        },
      },
      async (request) => {
        const product = discoverableProduct(services, request, request.params.id);
        const diff = await diffProductContracts(services.store, product, request.query);
        return { ...diff, ports: diff.ports.map((port) => ({ ...port, changes: [...port.changes] })) };
      },
    );
  };
}
