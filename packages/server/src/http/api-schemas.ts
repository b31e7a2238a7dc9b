/** Response shapes of the HTTP API (TypeBox: validated, typed, and the source of the OpenAPI document). */
import { Type, type Static } from '@sinclair/typebox';

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      diagnostics: Type.Optional(Type.Array(Type.Unknown())),
    }),
  },
  { $id: 'Error' },
);

export const ProductSummarySchema = Type.Object({
  id: Type.String({ examples: ['sales.orders'] }),
  urn: Type.String(),
  title: Type.String(),
  domain: Type.String(),
  archetype: Type.Union([Type.String(), Type.Null()]),
  lifecycle: Type.String(),
  version: Type.Union([Type.String(), Type.Null()]),
  owner: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  tags: Type.Array(Type.String()),
  outputPorts: Type.Array(
    Type.Object({
      name: Type.String(),
      version: Type.String(),
      major: Type.Integer(),
      contractId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  status: Type.Union([Type.String(), Type.Null()], {
    description: 'fresh | stale | failing | unknown; null before the first evaluation',
  }),
});
export type ProductSummary = Static<typeof ProductSummarySchema>;

export const PageQuerySchema = Type.Object({
  after: Type.Optional(Type.String({ description: 'the `next` cursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});

export const RunSchema = Type.Object({
  id: Type.String(),
  productId: Type.String(),
  trigger: Type.String(),
  requestedBy: Type.String(),
  status: Type.String(),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  rowsIn: Type.Union([Type.Number(), Type.Null()]),
  rowsOut: Type.Union([Type.Number(), Type.Null()]),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  parameters: Type.Record(Type.String(), Type.Unknown()),
  steps: Type.Array(Type.Object({ name: Type.String(), rows: Type.Number(), ms: Type.Number() })),
  checks: Type.Array(Type.Unknown()),
  outputs: Type.Array(
    Type.Object({
      port: Type.String(),
      major: Type.Integer(),
      snapshotId: Type.Union([Type.String(), Type.Null()]),
      rowCount: Type.Union([Type.Number(), Type.Null()]),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
