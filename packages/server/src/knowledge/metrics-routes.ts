/**
 * Metrics over HTTP: `GET /api/v1/metrics` lists the glossary's metrics; `POST
 * /api/v1/metrics/{name}/query` plans one across products (packages/core/src/metrics) and runs
 * the SQL through the governed gateway as the caller, so every policy, mask and row filter
 * applies. Answers `{sql, plan, columns, rows}`; bad input is a 400/404 with an MW861x code.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listMetrics, planMetric } from '@meshwork/core';
import { jsonColumn, type JsonValue } from '../gateway/encoders/json-value.js';
import { ErrorSchema } from '../http/api-schemas.js';
import type { PlatformServices } from '../http/platform-services.js';
import { requirePrincipal } from '../http/request-principal.js';
import { discoverableBy, knowledgeIndexFor } from './knowledge-index-for.js';

const errors = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
const MAX_ROWS = 10_000;

export function metricsRoutes(
  services: Pick<PlatformServices, 'model' | 'authorizer' | 'gateway'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/metrics',
      {
        schema: {
          summary: 'The metrics defined in the glossary, with grain, measure, dimensions and filters',
          tags: ['glossary'],
          response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }) },
        },
      },
      async () => ({ items: listMetrics(knowledgeIndexFor(services.model)) }),
    );

    app.post(
      '/api/v1/metrics/:name/query',
      {
        schema: {
          summary: 'Plan a metric across products and run it through the governed gateway as the caller',
          tags: ['glossary'],
          params: Type.Object({
            name: Type.String({ description: 'e.g. CustomerLifetimeValue or customer-lifetime-value' }),
          }),
          body: Type.Object(
            {
              by: Type.Optional(Type.Array(Type.String(), { description: 'dimensions, e.g. ["segment"]' })),
              via: Type.Optional(Type.Array(Type.String(), { description: 'products that settle an ambiguity' })),
              sqlOnly: Type.Optional(Type.Boolean({ description: 'plan only, do not run' })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              sql: Type.String(),
              plan: Type.Unknown(),
              columns: Type.Array(Type.String()),
              rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
              truncated: Type.Boolean(),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const { by = [], via = [], sqlOnly = false } = request.body ?? {};
        const plan = planMetric(
          knowledgeIndexFor(services.model),
          { metric: request.params.name, by, via },
          { visible: discoverableBy(services.authorizer, principal) },
        );
        if (sqlOnly) return { sql: plan.sql, plan, columns: [...plan.columns], rows: [], truncated: false } as never;
        const stream = await services.gateway.stream(
          principal,
          { sql: plan.sql },
          { onLimit: 'truncate', maxRows: MAX_ROWS },
        );
        const rows: Record<string, JsonValue>[] = [];
        const names = stream.columns.map((c) => c.name);
        for await (const chunk of stream.chunks()) {
          const columns = stream.columns.map((column, i) => jsonColumn(chunk, i, column.type));
          for (let r = 0; r < chunk.rowCount; r++) {
            rows.push(Object.fromEntries(names.map((n, i) => [n, columns[i]![r]!])));
          }
        }
        return { sql: plan.sql, plan, columns: names, rows, truncated: stream.stats().truncated } as never;
      },
    );
  };
}
