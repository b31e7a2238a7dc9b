/** Response schemas of the incident routes (OpenAPI): the shapes of incident-types.ts. */
import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const FailedCheckSchema = Type.Object({
  id: Type.String({ examples: ['quality:response_after_opening'] }),
  status: Type.Union([Type.Literal('failed'), Type.Literal('error')]),
  blocking: Type.Boolean({ description: 'whether it stopped the publish' }),
  message: Type.String(),
  port: Type.Optional(Type.String()),
  major: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.String()),
  rule: Type.Optional(Type.String({ description: 'the library metric, the SQL query or the option checked' })),
  observed: Type.Optional(Type.Union([Type.Number(), Type.String()])),
  threshold: Type.Optional(Type.String()),
  dimension: Type.Optional(Type.String()),
  severity: Type.Optional(Type.String()),
});

export const IncidentSchema = Type.Object({
  id: Type.String({ description: '<product>@<openedAt>' }),
  productId: Type.String({ examples: ['support.tickets'] }),
  status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
  severity: Type.Union([Type.Literal('high'), Type.Literal('medium')], {
    description: 'high once the product was failing (a run failed), medium while it was only stale',
  }),
  openedAt: Type.String({ format: 'date-time' }),
  resolvedAt: Nullable(Type.String({ format: 'date-time' })),
  cause: Type.Object({
    status: Type.Union([Type.Literal('failing'), Type.Literal('stale')], {
      description: 'the status that opened the incident',
    }),
    reason: Type.String(),
    run: Type.Union([
      Type.Object({
        id: Type.String(),
        startedAt: Type.String({ format: 'date-time' }),
        finishedAt: Nullable(Type.String({ format: 'date-time' })),
        error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
        failedChecks: Type.Array(FailedCheckSchema, { description: 'blocking ones first' }),
      }),
      Type.Null(),
    ]),
  }),
  failedRuns: Type.Integer({ description: 'runs that failed during the incident' }),
});
