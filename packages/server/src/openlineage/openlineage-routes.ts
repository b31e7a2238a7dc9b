/**
 * The OpenLineage HTTP API, as OpenLineage clients (the HTTP transport of Airflow, Spark, dbt…)
 * expect it: `POST /api/v1/lineage` takes one event, `POST /api/v1/lineage/batch` an array.
 * Thin: the intake (lineage-intake.ts) decides, validates, stores and merges. Errors of these
 * routes keep OpenLineage's terms: a body that is not JSON is MW8851 like any malformed event,
 * one past the size limit is 413 MW8854.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError } from 'fastify';
import { InputError } from '@meshwork/core';
import { ErrorSchema } from '../http/api-schemas.js';
import { handleHttpError } from '../http/http-errors.js';
import type { PlatformServices } from '../http/platform-services.js';
import { requirePrincipal } from '../http/request-principal.js';
import { createLineageIntake } from './lineage-intake.js';
import { LINEAGE_LIMITS } from './lineage-event-validation.js';

const EventBody = Type.Unknown({
  description: 'An OpenLineage RunEvent, JobEvent or DatasetEvent (spec 2-0-2), as the OpenLineage clients send it.',
});

const BatchResultSchema = Type.Union([
  Type.Object({
    index: Type.Integer(),
    status: Type.Literal('accepted'),
    id: Type.String({ format: 'uuid', description: "Meshwork's id of the stored event" }),
  }),
  Type.Object({
    index: Type.Integer(),
    status: Type.Literal('rejected'),
    error: Type.Object({ code: Type.String(), message: Type.String() }),
  }),
]);

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 413: ErrorSchema };

export function openLineageRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    const intake = createLineageIntake({
      store: services.store,
      authorizer: services.authorizer,
      sink: services.lineage,
      log: (message, fields) => app.log.warn(fields, message),
    });
    // Scoped to these routes (this plugin is encapsulated): body errors in OpenLineage's terms.
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        void reply.status(413).send({
          error: {
            code: 'MW8854',
            message: `the body is larger than ${request.url.endsWith('/batch') ? '10 MiB' : '1 MiB'}; split it or leave bulky facets out`,
          },
        });
        return;
      }
      if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
        handleHttpError(new InputError('MW8851', '/: the body is not a JSON document'), request, reply);
        return;
      }
      handleHttpError(error, request, reply);
    });

    app.post(
      '/api/v1/lineage',
      {
        bodyLimit: LINEAGE_LIMITS.maxEventBytes,
        schema: {
          summary: 'Accept one OpenLineage event (service accounts, or those who administer the mesh)',
          tags: ['lineage'],
          body: EventBody,
          response: { 200: Type.Object({ id: Type.String({ format: 'uuid' }) }), ...errors },
        },
      },
      async (request) => intake.accept(requirePrincipal(request), request.body),
    );

    app.post(
      '/api/v1/lineage/batch',
      {
        bodyLimit: LINEAGE_LIMITS.maxEventBytes * 10,
        schema: {
          summary: 'Accept an array of OpenLineage events, each on its own (per-event results)',
          tags: ['lineage'],
          body: Type.Unknown({
            description: `An array of at most ${LINEAGE_LIMITS.maxBatchEvents} OpenLineage events.`,
          }),
          response: {
            200: Type.Object({
              accepted: Type.Integer(),
              rejected: Type.Integer(),
              results: Type.Array(BatchResultSchema),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        intake.authorize(principal);
        const body = request.body;
        if (!Array.isArray(body)) throw new InputError('MW8851', '/: a batch must be a JSON array of events');
        if (body.length > LINEAGE_LIMITS.maxBatchEvents) {
          throw new InputError(
            'MW8853',
            `the batch has ${body.length} events; at most ${LINEAGE_LIMITS.maxBatchEvents} are accepted`,
          );
        }
        const results = await intake.acceptBatch(principal, body);
        const accepted = results.filter((r) => r.status === 'accepted').length;
        return { accepted, rejected: results.length - accepted, results: [...results] };
      },
    );
  };
}
