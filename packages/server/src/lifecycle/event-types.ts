/**
 * The catalogue of every webhook event type Meshwork publishes: what it means, when it fires and
 * an example of its `data`. docs/reference/events.md documents the same list (a test keeps them
 * in step), and publishing through `publishLifecycleEvent` checks each payload's shape at compile time.
 */
import { AGREEMENT_EVENT_TYPES, type AgreementEventType } from '../agreements/agreement-events.js';
import type { JsonValue } from '../metadata/canonical-json.js';
import type { EventPublisher, WebhookEvent } from '../webhooks/webhook-types.js';
import type { LifecycleEventPayloads, LifecycleEventType } from './event-payloads.js';

export type EventType = AgreementEventType | LifecycleEventType;

export interface EventTypeEntry {
  readonly type: EventType;
  /** What the event says, in one sentence. */
  readonly description: string;
  /** What makes it fire, and how often. */
  readonly fires: string;
  readonly example: JsonValue;
}

const AGREEMENT_EXAMPLE = {
  agreement: {
    id: '0b8d3a52-6c1e-4f7a-9d2e-5a4b3c2d1e0f',
    principalId: 'ana',
    productId: 'customers.customer-profile',
    port: 'customer_profile',
    major: 1,
    purpose: 'churn analysis',
    startsAt: '2026-11-21T00:00:00.000Z',
    endsAt: '2027-06-30T00:00:00.000Z',
    status: 'approved',
    requestedAt: '2026-11-20T09:12:40.000Z',
    decidedBy: 'pia',
    decidedAt: '2026-11-21T08:03:11.000Z',
    decisionNote: 'ok for churn analysis',
    endedBy: null,
    endedAt: null,
    endNote: null,
  },
  actor: 'pia',
} as const satisfies JsonValue;

const AGREEMENT_STEPS: Readonly<Record<AgreementEventType, readonly [description: string, fires: string]>> = {
  'access.requested': [
    'A principal asked for access to a port version, with a purpose and an end date.',
    'Once per request (`mesh access request`, `POST /api/v1/access-requests`); the agreement is `pending`.',
  ],
  'access.approved': [
    'An owner (or the governance council) approved a request: the agreement is in force.',
    'Once per approval.',
  ],
  'access.rejected': ['A request was rejected, with the reason in `decisionNote`.', 'Once per rejection.'],
  'access.cancelled': ['The requester withdrew a pending request.', 'Once per cancellation.'],
  'access.revoked': [
    'An approved agreement was ended early by an owner or given up by its consumer.',
    'Once per revocation.',
  ],
  'access.expired': [
    'An approved agreement reached its end date.',
    'Once per agreement, by the server’s sweep (every minute by default) after `endsAt`.',
  ],
};

/** Each lifecycle event with its description, trigger and an example payload checked against its type. */
const LIFECYCLE: {
  readonly [T in LifecycleEventType]: Omit<EventTypeEntry, 'type' | 'example'> & {
    readonly example: LifecycleEventPayloads[T];
  };
} = {
  'product.published': {
    description: 'A run published a new snapshot of a port version: it is what readers now get.',
    fires: 'Once per published output of every successful run (`mesh run`, `mesh publish`, schedules).',
    example: {
      product: 'sales.orders',
      port: 'orders',
      major: 2,
      snapshotId: '4837462918374651023',
      runId: '6f0e4c9a-2b7d-4e51-8a3c-9d1f0b2e7c64',
      rowCount: 48213,
      contractId: 'b1287952-a282-5969-b810-a8d607fcaa30',
      contractVersion: '2.0.0',
      trigger: 'schedule',
      requestedBy: 'scheduler',
    },
  },
  'run.failed': {
    description: 'A run failed: nothing of it was published and the previous snapshots keep serving.',
    fires:
      'Once per failed run (a failed check, bad input, a governance refusal of the data, a crash of the step SQL…).',
    example: {
      product: 'sales.orders',
      runId: '2c9e7d41-8f3a-4b6e-9c05-1a2b3c4d5e6f',
      trigger: 'schedule',
      requestedBy: 'scheduler',
      startedAt: '2026-11-21T10:05:00.000Z',
      endedAt: '2026-11-21T10:05:07.412Z',
      error: {
        code: 'MW8006',
        message: '1 blocking contract checks failed; nothing was published:\norders v2 order_id.nullValues: …',
      },
    },
  },
  'slo.breached': {
    description:
      'A product stopped keeping its freshness promise: it turned stale (no snapshot within its frequency and latency SLOs) or failing (its last run failed).',
    fires: 'Once per transition into `stale` or `failing` (not at every evaluation while it stays so).',
    example: {
      product: 'sales.orders',
      status: 'stale',
      previousStatus: 'fresh',
      reason: 'newest snapshot 187 min old; allowed 180 min',
      at: '2026-11-21T13:05:00.000Z',
    },
  },
  'slo.restored': {
    description: 'A product that was stale or failing is fresh again.',
    fires: 'Once per transition from `stale` or `failing` back to `fresh` (a successful run, or a new snapshot).',
    example: {
      product: 'sales.orders',
      status: 'fresh',
      previousStatus: 'failing',
      reason: 'published by run 6f0e4c9a-2b7d-4e51-8a3c-9d1f0b2e7c64',
      at: '2026-11-21T14:05:09.000Z',
    },
  },
  'contract.breaking-change': {
    description:
      'A publish was refused because a contract breaks its published major version; the consumers it would have broken are listed.',
    fires:
      'Once per refused `mesh publish` and port (policy `meshwork/breaking-change-needs-major` blocking); `mesh check` reports without publishing events.',
    example: {
      product: 'sales.orders',
      port: 'orders',
      major: 2,
      publishedVersion: '2.0.0',
      contractVersion: '2.1.0',
      changes: [
        {
          kind: 'column-removed',
          column: 'coupon_code',
          explanation: 'Column orders.coupon_code was removed: queries that select it fail.',
        },
      ],
      consumers: ['ana', 'bi-dashboards', 'product:customers.customer-360'],
      refused: true,
    },
  },
  'port.deprecated': {
    description:
      'A port version was announced as deprecated, with the day it stops being served and the version to move to.',
    fires:
      'Once per port version: when its contract with `status: deprecated` is first published (`mesh publish`, `mesh register`).',
    example: {
      product: 'sales.orders',
      port: 'orders',
      major: 1,
      contractVersion: '1.3.0',
      deprecatedSince: '2026-11-21',
      endOfLife: '2027-06-30',
      noticeDays: 221,
      replacement: { port: 'orders', major: 2 },
      consumers: ['ana', 'ben'],
    },
  },
  'port.retired': {
    description:
      'A port version passed its endOfLife: it is no longer built, and queries naming it are refused (MW5006).',
    fires:
      'Once per port version, the first time a run, a query or the server’s periodic check meets it past its endOfLife.',
    example: {
      product: 'sales.orders',
      port: 'orders',
      major: 1,
      endOfLife: '2027-06-30',
      replacement: { port: 'orders', major: 2 },
    },
  },
};

/** Every event type, access events first, each with its description and an example. */
export const EVENT_TYPES: readonly EventTypeEntry[] = [
  ...AGREEMENT_EVENT_TYPES.map((type) => ({
    type,
    description: AGREEMENT_STEPS[type][0],
    fires: AGREEMENT_STEPS[type][1],
    example: AGREEMENT_EXAMPLE,
  })),
  ...(Object.keys(LIFECYCLE) as LifecycleEventType[]).map((type) => ({ type, ...LIFECYCLE[type] })),
];

/** Publishes a lifecycle event whose payload has the type the catalogue promises. */
export function publishLifecycleEvent<T extends LifecycleEventType>(
  events: EventPublisher,
  type: T,
  data: LifecycleEventPayloads[T],
): WebhookEvent {
  return events.publish(type, data);
}
