/**
 * Access requests, agreements and the webhook delivery log:
 * `POST/GET /api/v1/access-requests`, `POST /api/v1/access-requests/{id}/approve|reject|cancel`,
 * `GET /api/v1/agreements[/{id}]`, `POST /api/v1/agreements/{id}/revoke`,
 * `GET /api/v1/webhooks/deliveries` (administrators). Thin: the principal comes from the
 * authentication hook, every rule lives in the AgreementService.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotAllowedError } from '@meshwork/core';
import { parseAgreementDate } from '../../agreements/agreement-dates.js';
import type { AgreementView } from '../../agreements/agreement-service.js';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../metadata/agreement-types.js';
import type { Page } from '../../metadata/metadata-types.js';
import { ErrorSchema, PageQuerySchema } from '../api-schemas.js';
import type { PlatformServices } from '../platform-services.js';
import { requirePrincipal } from '../request-principal.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const AgreementSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    principalId: Type.String({ description: 'the consumer' }),
    productId: Type.String({ examples: ['sales.orders'] }),
    port: Type.String(),
    major: Type.Integer(),
    purpose: Type.String(),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time', description: 'exclusive' }),
    status: Type.Union(AGREEMENT_STATUSES.map((s) => Type.Literal(s))),
    active: Type.Boolean({ description: 'approved, started, not ended: it grants access now' }),
    requestedAt: Type.String({ format: 'date-time' }),
    decidedBy: Nullable(Type.String()),
    decidedAt: Nullable(Type.String({ format: 'date-time' })),
    decisionNote: Nullable(Type.String()),
    endedBy: Nullable(Type.String()),
    endedAt: Nullable(Type.String({ format: 'date-time' })),
    endNote: Nullable(Type.String()),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Agreement' },
);

const AgreementPageSchema = Type.Object({ items: Type.Array(AgreementSchema), next: Type.Optional(Type.String()) });

const AccessRequestBody = Type.Object(
  {
    product: Type.String({ description: 'domain.product', examples: ['sales.orders'] }),
    port: Type.Optional(Type.String({ description: 'output port; defaults to the only one' })),
    major: Type.Optional(Type.Integer({ minimum: 0, description: "defaults to the port's current major" })),
    purpose: Type.String({ description: 'what the data will be used for' }),
    startsAt: Type.Optional(Type.String({ description: 'ISO-8601 date or time; defaults to now' })),
    endsAt: Type.String({ description: 'ISO-8601 time (exclusive), or a date meaning through that day (UTC)' }),
  },
  { additionalProperties: false },
);

const StatusQuery = Type.Optional(Type.Union(AGREEMENT_STATUSES.map((s) => Type.Literal(s))));
const IdParams = Type.Object({ id: Type.String() });
const NoteBody = Type.Object({ note: Type.Optional(Type.String()) }, { additionalProperties: false });
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

const DeliverySchema = Type.Object({
  deliveryId: Type.String(),
  attempt: Type.Integer(),
  subscriptionId: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  outcome: Type.Union([Type.Literal('delivered'), Type.Literal('retrying'), Type.Literal('failed')]),
  httpStatus: Type.Union([Type.Integer(), Type.Null()]),
  error: Nullable(Type.String()),
  durationMs: Type.Integer(),
  nextAttemptAt: Nullable(Type.String({ format: 'date-time' })),
  body: Type.String({ description: 'the JSON text posted' }),
  attemptedAt: Type.String({ format: 'date-time' }),
});

type AgreementJson = Static<typeof AgreementSchema>;

export function accessRoutes(services: PlatformServices): FastifyPluginAsyncTypebox {
  const { agreements } = services;
  const page = (result: Page<AgreementView>) => ({
    items: result.items as AgreementJson[],
    ...(result.next === undefined ? {} : { next: result.next }),
  });

  return async (app) => {
    // A POST without a body (cancel, revoke or approve without a note) validates as `{}`.
    app.addHook('preValidation', async (request) => {
      if (request.method === 'POST' && request.body === undefined) request.body = {};
    });

    app.post(
      '/api/v1/access-requests',
      {
        schema: {
          summary: 'Request access to an output port, with a purpose and a period',
          tags: ['access'],
          body: AccessRequestBody,
          response: { 201: AgreementSchema, ...errors },
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        const { product, port, major, purpose, startsAt, endsAt } = request.body;
        const now = new Date();
        const created = await agreements.request(principal, {
          productId: product,
          ...(port === undefined ? {} : { port }),
          ...(major === undefined ? {} : { major }),
          purpose,
          ...(startsAt === undefined ? {} : { startsAt: parseAgreementDate(startsAt, 'start', now) }),
          endsAt: endsAt.trim() === '' ? '' : parseAgreementDate(endsAt, 'end', now),
        });
        return reply.status(201).send(created as AgreementJson);
      },
    );

    app.get(
      '/api/v1/access-requests',
      {
        schema: {
          summary: 'Access requests: mine, or the inbox of products I decide on (pending by default)',
          tags: ['access'],
          querystring: Type.Intersect([
            PageQuerySchema,
            Type.Object({
              role: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('inbox')], { default: 'mine' })),
              status: StatusQuery,
              product: Type.Optional(Type.String({ description: 'domain.product' })),
            }),
          ]),
          response: { 200: AgreementPageSchema, ...errors },
        },
      },
      async (request) => {
        const { role = 'mine', status, product, after, limit } = request.query;
        const statusFilter: AgreementStatus | undefined = status ?? (role === 'inbox' ? 'pending' : undefined);
        return page(
          await agreements.list(requirePrincipal(request), {
            role,
            status: statusFilter,
            productId: product,
            after,
            limit,
          }),
        );
      },
    );

    const decision = (verb: 'approve' | 'reject' | 'cancel', summary: string) =>
      app.post(
        `/api/v1/access-requests/:id/${verb}`,
        {
          schema: {
            summary,
            tags: ['access'],
            params: IdParams,
            body: verb === 'reject' ? Type.Object({ note: Type.String() }, { additionalProperties: false }) : NoteBody,
            response: { 200: AgreementSchema, ...errors },
          },
        },
        async (request) => {
          const principal = requirePrincipal(request);
          const note = (request.body as { note?: string } | undefined)?.note;
          const { id } = request.params;
          if (verb === 'approve') return (await agreements.approve(principal, id, note)) as AgreementJson;
          if (verb === 'reject') return (await agreements.reject(principal, id, note ?? '')) as AgreementJson;
          return (await agreements.cancel(principal, id)) as AgreementJson;
        },
      );
    decision('approve', 'Approve a pending request: the agreement grants access at once (product owners)');
    decision('reject', 'Reject a pending request, saying why (product owners)');
    decision('cancel', 'Cancel my pending request');

    app.get(
      '/api/v1/agreements',
      {
        schema: {
          summary: 'Agreements (approved, revoked, expired): mine, or those on products I own',
          tags: ['access'],
          querystring: Type.Intersect([
            PageQuerySchema,
            Type.Object({
              role: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('owned')], { default: 'mine' })),
              status: StatusQuery,
              product: Type.Optional(Type.String({ description: 'domain.product' })),
            }),
          ]),
          response: { 200: AgreementPageSchema, ...errors },
        },
      },
      async (request) => {
        const { role = 'mine', status, product, after, limit } = request.query;
        const statuses: readonly AgreementStatus[] = status ? [status] : ['approved', 'revoked', 'expired'];
        return page(
          await agreements.list(requirePrincipal(request), {
            role: role === 'owned' ? 'inbox' : 'mine',
            status: statuses,
            productId: product,
            after,
            limit,
          }),
        );
      },
    );

    app.get(
      '/api/v1/agreements/:id',
      {
        schema: {
          summary: 'One access request or agreement (its consumer and those who decide on it)',
          tags: ['access'],
          params: IdParams,
          response: { 200: AgreementSchema, ...errors },
        },
      },
      async (request) => (await agreements.get(requirePrincipal(request), request.params.id)) as AgreementJson,
    );

    app.post(
      '/api/v1/agreements/:id/revoke',
      {
        schema: {
          summary: 'Revoke an agreement at once (product owners), or give up my own',
          tags: ['access'],
          params: IdParams,
          body: NoteBody,
          response: { 200: AgreementSchema, ...errors },
        },
      },
      async (request) =>
        (await agreements.revoke(requirePrincipal(request), request.params.id, request.body.note)) as AgreementJson,
    );

    app.get(
      '/api/v1/webhooks/deliveries',
      {
        schema: {
          summary: 'The webhook delivery log, newest attempt first (administrators)',
          tags: ['access'],
          querystring: Type.Intersect([
            PageQuerySchema,
            Type.Object({
              subscription: Type.Optional(Type.String()),
              delivery: Type.Optional(Type.String({ description: 'a delivery id (X-Meshwork-Delivery)' })),
            }),
          ]),
          response: {
            200: Type.Object({ items: Type.Array(DeliverySchema), next: Type.Optional(Type.String()) }),
            ...errors,
          },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const allowed = agreements.authorizer.isAllowed(principal, 'administer', { kind: 'mesh' });
        if (!allowed.allowed) {
          throw new NotAllowedError(
            'MW8751',
            `the webhook delivery log is for administrators: ${allowed.reason ?? ''}`,
          );
        }
        const { subscription, delivery, after, limit } = request.query;
        const result = await services.store.listWebhookDeliveries({
          subscriptionId: subscription,
          deliveryId: delivery,
          after,
          limit,
        });
        return { items: [...result.items], ...(result.next === undefined ? {} : { next: result.next }) };
      },
    );
  };
}
